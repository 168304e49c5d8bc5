/**
 * The words of every refusal (src/domain/refusals.ts), in both languages. A card shows the text
 * beside the input it concerns, so each is short and says why, not which field (the field's own
 * label stands above it). Dates are worded here, in the reader's language, never by the rule.
 */
import type { Problem, RefusalCode, RefusalParams } from '../domain/result';
import { CPR_REJECTION_MESSAGE } from '../domain/cpr';
import { formatDate, formatNumericDate, type Locale } from './locale';

type Bilingual = { readonly da: string; readonly en: string };

/** A code without values has fixed words; one with values is worded from them. */
type Words<P> = [P] extends [undefined] ? Bilingual : (p: P, locale: Locale) => string;

const byLocale = (locale: Locale, da: string, en: string): string => (locale === 'da' ? da : en);

const unusable = (why: RefusalParams['unusableDay'], locale: Locale): string => {
  const what = why.holiday
    ? byLocale(
        locale,
        // A holiday's name is a common noun in Danish: lower case mid-sentence ("i skoleferien (juleferie)").
        `i skoleferien (${why.holiday.toLowerCase()})`,
        `in the school holiday (${why.holiday})`,
      )
    : byLocale(
        locale,
        'ikke en arbejdsdag (weekend eller helligdag)',
        'not a working day (weekend or holiday)',
      );
  const day = why.date ? formatDate(why.date, locale) : byLocale(locale, 'Datoen', 'The date');
  return byLocale(locale, `${day} er ${what}.`, `${day} is ${what}.`);
};

export const REFUSAL_WORDS: { readonly [C in RefusalCode]: Words<RefusalParams[C]> } = {
  cpr: CPR_REJECTION_MESSAGE,
  childName: {
    da: 'Barnet må ikke nævnes ved navn – brug initialer (fx "AB") eller sagsnummeret.',
    en: 'The child must not be named – use initials (e.g. "AB") or the case number.',
  },
  childReference: {
    da: 'Brug initialer (1–4 store bogstaver, fx "AB") eller sagsnummeret.',
    en: 'Use initials (1–4 capital letters, e.g. "AB") or the case number.',
  },
  initialsOnOpenCase: {
    da: 'Initialerne findes også på en åben sag. Initialer kan ikke bevise, at det er samme barn: kontrollér, at barnet ikke har en aktiv sag, sæt flueben i »Jeg har kontrolleret initialerne«, og planlæg igen. Intet er sendt endnu.',
    en: 'The initials also appear on an open case. Initials cannot prove it is the same child: check that the child has no active case, tick "I have checked the initials", and schedule again. Nothing has been sent yet.',
  },
  required: { da: 'Skal udfyldes.', en: 'Required.' },
  date: { da: 'Angiv en dato.', en: 'Give a date.' },
  time: { da: 'Angiv et klokkeslæt (TT:MM).', en: 'Give a time (HH:mm).' },
  endBeforeStart: { da: 'Slutningen skal ligge efter starten.', en: 'The end must be after the start.' },
  futureDate: { da: 'Datoen ligger i fremtiden.', en: 'The date is in the future.' },
  pastDate: { da: 'Datoen er passeret.', en: 'The date has passed.' },
  mustBeFuture: { da: 'Mødet skal ligge i fremtiden.', en: 'The meeting must be in the future.' },
  httpsLink: { da: 'Linket skal begynde med https://.', en: 'The link must start with https://.' },
  placeOrLink: { da: 'Angiv et sted eller et onlinelink.', en: 'Give a place or an online link.' },
  choose: { da: 'Vælg en af mulighederne.', en: 'Choose one of the options.' },
  tooLong: { da: 'Teksten er for lang.', en: 'The text is too long.' },
  invalid: { da: 'Tjek værdien.', en: 'Check the value.' },
  notAllowed: { da: 'Du har ikke adgang til dette.', en: 'You do not have access to this.' },

  investigationHasDeadline: {
    da: 'En børnefaglig undersøgelse har en frist, ikke opfølgninger (Barnets Lov § 20, stk. 3).',
    en: 'A child protection investigation has a deadline, not follow-ups (Barnets Lov § 20(3)).',
  },
  cadenceReasonMissing: {
    da: 'Skriv en begrundelse for opfølgningskadencen (Barnets Lov § 95, stk. 3).',
    en: 'Give a reason for the follow-up cadence (Barnets Lov § 95(3)).',
  },
  cadenceNotPositive: {
    da: 'Kadencen skal være længere end nul.',
    en: 'The cadence must be longer than zero.',
  },
  cadenceOverSixMonths: ({ regime }, locale) =>
    regime === 'sel-70'
      ? byLocale(
          locale,
          'Der må højst gå 6 måneder mellem opfølgningerne (Serviceloven § 70).',
          'No more than 6 months may pass between follow-ups (Serviceloven § 70).',
        )
      : byLocale(
          locale,
          'For en anbringelse må der højst gå 6 måneder mellem opfølgningerne (Barnets Lov § 156, stk. 5).',
          'For a placement no more than 6 months may pass between follow-ups (Barnets Lov § 156(5)).',
        ),
  postponeReasonMissing: { da: 'En udsættelse kræver en begrundelse.', en: 'A postponement needs a reason.' },
  postponeNotLater: ({ after }, locale) =>
    byLocale(
      locale,
      `Den nye dato skal ligge efter ${formatNumericDate(after, locale)}.`,
      `The new date must be after ${formatNumericDate(after, locale)}.`,
    ),
  postponePastLegal: ({ legalDue }, locale) =>
    byLocale(
      locale,
      `Opfølgningen kan ikke udsættes til efter lovens frist ${formatNumericDate(legalDue, locale)}.`,
      `The follow-up cannot be postponed past the legal deadline ${formatNumericDate(legalDue, locale)}.`,
    ),
  measureGone: {
    da: 'Sagen eller foranstaltningen findes ikke (længere).',
    en: 'The case or measure no longer exists.',
  },
  notYourCase: { da: 'Du har ikke adgang til denne sag.', en: 'You do not have access to this case.' },
  nothingToRegister: {
    da: 'Der er ingen opfølgning at registrere på denne foranstaltning.',
    en: 'There is no follow-up to register on this measure.',
  },
  followUpHandled: {
    da: 'Denne opfølgning er allerede håndteret.',
    en: 'This follow-up has already been handled.',
  },
  deadlineHandled: {
    da: 'Denne frist er allerede håndteret.',
    en: 'This deadline has already been handled.',
  },
  unknownLadderStep: { da: 'Ukendt trin på indsatstrappen.', en: 'Unknown ladder step.' },
  cadenceMissing: {
    da: 'Vælg den fremtidige opfølgningskadence.',
    en: 'Choose the future follow-up cadence.',
  },
  onlyFollowUpsPostpone: {
    da: 'Kun opfølgninger kan udskydes – lovens frister kan ikke.',
    en: 'Only follow-ups can be postponed, not legal deadlines.',
  },
  onlyAdviserSnoozes: {
    da: 'Kun sagens rådgiver kan udsætte sine påmindelser.',
    en: "Only the case's adviser can snooze its reminders.",
  },
  snoozeReasonMissing: {
    da: 'Skriv en begrundelse for at udsætte påmindelsen.',
    en: 'Give a reason for snoozing the reminder.',
  },

  meetingGone: { da: 'Mødet findes ikke (længere).', en: 'The meeting no longer exists.' },
  meetingUnknown: { da: 'Mødet findes ikke.', en: 'The meeting does not exist.' },
  teamGone: { da: 'Teamet findes ikke.', en: 'The team does not exist.' },
  notTeamMember: { da: 'Du er ikke med i teamet.', en: 'You are not a member of the team.' },
  themeNeedsCoordinator: {
    da: 'Kun teamets tovholder kan planlægge et temamøde. Alle i teamet kan planlægge et møde om et barn.',
    en: "Only the team's coordinator can schedule a theme meeting. Anyone in the team can schedule a child meeting.",
  },
  yearNeedsCoordinator: {
    da: 'Kun teamets tovholder kan planlægge året.',
    en: "Only the team's coordinator can plan the year.",
  },
  notOrganizer: {
    da: 'Kun teamets tovholder eller den, der indkaldte, kan ændre mødet.',
    en: "Only the team's coordinator or the person who called the meeting can change it.",
  },
  childHasActiveCase: ({ caseRef }, locale) =>
    byLocale(
      locale,
      `Barnet har en aktiv sag (${caseRef}). Et tværfagligt møde om barn/ung/familie er kun for børn uden aktiv sag i Børne- og Familierådgivningen eller hos kommunens psykologer (CPP, Center for Psykologi og Pædagogik) – tal med sagens rådgiver.`,
      `The child has an active case (${caseRef}). A child/young person/family meeting is only for children with no active case in the family counselling or with the municipality's psychologists (CPP, Centre for Psychology and Pedagogy) – talk to the case's adviser.`,
    ),
  teamBusy: ({ startTime, endTime }, locale) =>
    byLocale(
      locale,
      `Teamet har allerede et møde kl. ${startTime}–${endTime} den dag.`,
      `The team already has a meeting ${startTime}–${endTime} that day.`,
    ),
  unusableDay: unusable,
  outsideSchoolYear: ({ date, schoolYear }, locale) =>
    byLocale(
      locale,
      `${formatDate(date, locale)} ligger uden for skoleåret ${schoolYear}.`,
      `${formatDate(date, locale)} is outside the school year ${schoolYear}.`,
    ),
  dateTwice: ({ date }, locale) =>
    byLocale(
      locale,
      `${formatDate(date, locale)} står to gange.`,
      `${formatDate(date, locale)} is listed twice.`,
    ),
  chooseADate: { da: 'Vælg mindst én dato.', en: 'Choose at least one date.' },
  endSameDay: { da: 'Mødet skal slutte samme dag.', en: 'The meeting must end the same day.' },
  yearPlanned: { da: 'Året er allerede planlagt.', en: 'The year is already planned.' },
  meetingCancelled: { da: 'Mødet er aflyst.', en: 'The meeting is cancelled.' },
  meetingWasCancelled: { da: 'Mødet blev aflyst.', en: 'The meeting was cancelled.' },
  meetingAlreadyCancelled: { da: 'Mødet er allerede aflyst.', en: 'The meeting is already cancelled.' },
  meetingHeld: { da: 'Mødet er afholdt.', en: 'The meeting has taken place.' },
  meetingChanged: {
    da: 'Mødet er allerede ændret – brug det nyeste kort.',
    en: 'The meeting has already changed.',
  },
  meetingChangedOrCancelled: {
    da: 'Mødet er allerede ændret eller aflyst – brug det nyeste kort.',
    en: 'The meeting has already been changed or cancelled – use the newest card.',
  },
  invitationOutdated: {
    da: 'Mødet er ændret siden denne invitation – svar på den nye.',
    en: 'The meeting has changed since this invitation – answer the new one.',
  },
  notInvited: { da: 'Du er ikke inviteret til mødet.', en: 'You are not invited to this meeting.' },
  unknownTeam: ({ name, yourTeams }, locale) => {
    const list = yourTeams.length ? yourTeams.join(', ') : '–';
    return byLocale(
      locale,
      `Jeg kender ikke teamet "${name}". Dine teams: ${list}.`,
      `I do not know the team "${name}". Your teams: ${list}.`,
    );
  },
  linkNeedsCoordinator: ({ team }, locale) =>
    byLocale(
      locale,
      `Kun tovholderen for ${team} kan tilknytte teamet en kanal.`,
      `Only the coordinator of ${team} can link the team to a channel.`,
    ),

  cardLacksMeeting: { da: 'Kortet mangler oplysninger om mødet.', en: 'The card lacks the meeting details.' },
  minutesOnlyForChildMeetings: {
    da: 'Kun møder om et barn har SoS-referat.',
    en: 'Only meetings about a child have SoS minutes.',
  },
  minutesNeedCoordinator: {
    da: 'Kun mødets tovholder kan skrive referatet.',
    en: "Only the meeting's coordinator can write the minutes.",
  },
  minutesSaved: { da: 'Referatet er allerede gemt.', en: 'The minutes are already saved.' },
  agreementOwnerAbsent: ({ agreement }, locale) =>
    byLocale(
      locale,
      `Aftale ${agreement}: ansvarlig skal være en af mødets deltagere.`,
      `Agreement ${agreement}: the owner must be one of the meeting's participants.`,
    ),
  agreementGone: { da: 'Aftalen findes ikke længere.', en: 'The agreement no longer exists.' },
  agreementNeedsOwner: {
    da: 'Kun aftalens ansvarlige kan markere den som udført.',
    en: 'Only the owner of the agreement can mark it done.',
  },
  questionnaireClosed: {
    da: 'Spørgeskemaet er lukket, så svaret kan ikke længere registreres.',
    en: 'The questionnaire is closed, so the answer can no longer be recorded.',
  },
  questionnaireNotOpen: {
    da: 'Spørgeskemaet åbner, når mødet er slut.',
    en: 'The questionnaire opens when the meeting has ended.',
  },
  questionnaireForAttendees: {
    da: 'Spørgeskemaet besvares af dem, der deltog i mødet.',
    en: 'The questionnaire is answered by those who took part in the meeting.',
  },
  questionnaireMismatch: {
    da: 'Spørgeskemaet passer ikke til mødet.',
    en: 'The questionnaire does not match the meeting.',
  },
  questionnaireAnswered: { da: 'Du har allerede svaret.', en: 'You have already answered.' },
  parentAnswerNeedsCoordinator: {
    da: 'Kun mødets tovholder kan registrere forældres svar.',
    en: "Only the meeting's coordinator can record parents' answers.",
  },
  parentAnswersFull: {
    da: 'Alle de forældre, der var med til mødet, har svaret. Tak.',
    en: 'All the parents who took part in the meeting have answered. Thank you.',
  },
  formInvalid: ({ path, message }) => `${path || 'form'}: ${message}`,
  formVersionTooLow: ({ current }, locale) =>
    byLocale(
      locale,
      `versionen skal være over ${current} (den version, der er i brug)`,
      `version must be above ${current} (the version in use)`,
    ),
};

/** One problem's words in the reader's language. */
export function problemText(p: Problem, locale: Locale): string {
  const words = REFUSAL_WORDS[p.code] as Bilingual | ((params: unknown, locale: Locale) => string);
  return typeof words === 'function' ? words(p.params, locale) : words[locale];
}

/** The words of a refusal's problems, in one line. */
export function refusalText(r: { problems: readonly Problem[] }, locale: Locale): string {
  return r.problems.map((p) => problemText(p, locale)).join(' ');
}

/**
 * What a form shows under a required input left empty, before anything is sent (Teams checks
 * `isRequired` itself): a reason by the input's kind, never just the field's label again. Every
 * template with a required input reads these as `${$root.req.<kind>}`.
 */
export function requiredReasons(locale: Locale) {
  return {
    text: REFUSAL_WORDS.required[locale],
    date: REFUSAL_WORDS.date[locale],
    time: REFUSAL_WORDS.time[locale],
    choose: REFUSAL_WORDS.choose[locale],
    number: REFUSAL_WORDS.invalid[locale],
  };
}

/** The refusals worded without values, for a page that words them in its own language files. */
export const FIXED_REFUSAL_WORDS: Partial<Record<RefusalCode, Bilingual>> = Object.fromEntries(
  Object.entries(REFUSAL_WORDS).filter(([, w]) => typeof w !== 'function'),
) as Partial<Record<RefusalCode, Bilingual>>;
