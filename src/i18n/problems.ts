/**
 * The words for every refusal that more than one rule gives, in both languages. A card shows the
 * text beside the input it concerns, so each is short and says why, not which field (the field's
 * own label stands above it).
 */
import type { ZodError } from 'zod';
import type { Locale } from './locale';
import { CPR_REJECTION_MESSAGE } from '../domain/cpr';

export const PROBLEM_TEXTS = {
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
  notAllowed: {
    da: 'Du har ikke adgang til dette.',
    en: 'You do not have access to this.',
  },
  meetingGone: { da: 'Mødet findes ikke (længere).', en: 'The meeting no longer exists.' },
  questionnaireClosed: {
    da: 'Spørgeskemaet er lukket, så svaret kan ikke længere registreres.',
    en: 'The questionnaire is closed, so the answer can no longer be recorded.',
  },
  meetingCancelled: { da: 'Mødet blev aflyst.', en: 'The meeting was cancelled.' },
  meetingNotEnded: {
    da: 'Spørgeskemaet åbner, når mødet er slut.',
    en: 'The questionnaire opens when the meeting has ended.',
  },
  parentAnswersFull: {
    da: 'Alle de forældre, der var med til mødet, har svaret. Tak.',
    en: 'All the parents who took part in the meeting have answered. Thank you.',
  },
} as const;

export type ProblemCode = keyof typeof PROBLEM_TEXTS;

/** A refusal's words: its code's text, else its own. */
export function problemText(
  p: { code?: ProblemCode; reason?: { da: string; en: string } },
  locale: Locale,
): string {
  if (p.code) return PROBLEM_TEXTS[p.code][locale];
  return p.reason?.[locale] ?? PROBLEM_TEXTS.invalid[locale];
}

/** The words of a refusal's problems, in one line. */
export function refusalText(
  r: { problems: readonly { code?: ProblemCode; reason?: { da: string; en: string } }[] },
  locale: Locale,
): string {
  return r.problems.map((p) => problemText(p, locale)).join(' ');
}

type IssueLike = ZodError['issues'][number] & { params?: { reason?: string } };

/** The problem code of one zod issue: the schema's own reason when it gives one, else by its kind. */
export function problemCodeOf(issue: IssueLike): ProblemCode {
  const reason = issue.params?.reason;
  if (reason === 'cpr') return 'cpr';
  if (reason === 'name') return 'childName';
  if (reason === 'format') return 'childReference';
  if (reason && reason in PROBLEM_TEXTS) return reason as ProblemCode;
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'required';
  if (issue.code === 'too_small' && issue.type === 'string') return 'required';
  if (issue.code === 'too_big' && issue.type === 'string') return 'tooLong';
  if (issue.code === 'invalid_enum_value') return 'choose';
  const msg = issue.message;
  if (/https/.test(msg)) return 'httpsLink';
  if (/place or an online/.test(msg)) return 'placeOrLink';
  if (/after start/i.test(msg) || /before end/i.test(msg)) return 'endBeforeStart';
  if (/HH:mm/.test(msg)) return 'time';
  if (/date/i.test(msg)) return 'date';
  return 'invalid';
}

/**
 * What a form shows under a required input left empty, before anything is sent (Teams checks
 * `isRequired` itself): a reason by the input's kind, never just the field's label again. Every
 * template with a required input reads these as `${$root.req.<kind>}`.
 */
export function requiredReasons(locale: Locale) {
  return {
    text: PROBLEM_TEXTS.required[locale],
    date: PROBLEM_TEXTS.date[locale],
    time: PROBLEM_TEXTS.time[locale],
    choose: PROBLEM_TEXTS.choose[locale],
    number: PROBLEM_TEXTS.invalid[locale],
  };
}
