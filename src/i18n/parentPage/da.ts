import { FIXED_REFUSAL_WORDS } from '../problems';
import type { ParentPageTexts } from './types';

/** The parents' page in plain Danish, for a parent on their phone (no codes, no professional words). */
export const da: ParentPageTexts = {
  code: 'da',
  name: 'Dansk',
  dateLocale: 'da',
  language: 'Sprog',
  title: 'Spørgeskema efter mødet om dit barn',
  meetingOn: 'Mødet var den {date}.',
  openUntil: 'Du kan svare til og med den {date}.',
  required: 'skal besvares',
  optional: 'kan springes over',
  submit: 'Send svar',
  errorSummary: 'Der er noget, du skal rette, før svaret kan sendes:',
  storedTitle: 'Hvad gemmer vi, og hvem ser det?',
  stored: [
    'Vi gemmer kun dine svar og datoen. Ikke dit navn, dit telefonnummer, din IP-adresse eller klokkeslættet.',
    'Ingen fra mødet kan se, hvad du har svaret. Kommunen ser kun forældres svar lagt sammen, og kun når mindst 5 forældre har svaret.',
    'Når du har sendt dit svar, husker din telefon det i en lille cookie, så den ikke sender det samme svar to gange. Cookien indeholder intet om dig og forsvinder, når spørgeskemaet lukker.',
    'Svarene slettes sammen med mødet, når kommunens slettefrist er nået.',
  ],
  commentNote: 'Skriv ikke navne eller CPR-numre. Kommentarer vises ikke for nogen fra mødet.',
  thanksTitle: 'Tak for dit svar',
  thanksBody: 'Dit svar er gemt. Du kan lukke siden nu.',
  alreadyTitle: 'Du har allerede svaret',
  alreadyBody: 'Denne telefon har allerede sendt et svar om mødet. Tak for det.',
  refusedTitle: 'Du kan ikke svare her',
  invalidLinkTitle: 'Linket virker ikke',
  invalidLink:
    'Linket er ikke gyldigt. Tjek, at det er skrevet helt rigtigt, eller scan QR-koden fra mødet igen.',
  tooLarge: 'Svaret er for langt. Skriv en kortere kommentar, og send igen.',
  tooMany: 'Der er sendt mange svar på kort tid. Vent et minut, og prøv igen.',
  unavailable: 'Siden kan ikke bruges lige nu. Prøv igen om lidt.',
  cprRemoved: 'Vi har fjernet din kommentar, fordi den så ud til at indeholde et CPR-nummer.',
  problems: FIXED_REFUSAL_WORDS,
};
