import type { RefusalCode } from '../../domain/refusals';

/**
 * Everything the parents' page says, in one language. A new language is one more file like da.ts
 * registered in index.ts: its questions come from the parents' form (a label in that language, else
 * English), and a refusal it has no words for falls back to English.
 */
export interface ParentPageTexts {
  /** BCP 47 code, used as the page's lang attribute and in ?lang=. */
  code: string;
  /** The language's name in itself, for the language links. */
  name: string;
  /** How dates are written: Danish or English style (src/i18n/locale.ts). */
  dateLocale: 'da' | 'en';
  /** Written right to left (Arabic, Persian, Urdu …). */
  rtl?: boolean;
  language: string;
  title: string;
  meetingOn: string;
  openUntil: string;
  required: string;
  optional: string;
  submit: string;
  errorSummary: string;
  storedTitle: string;
  stored: string[];
  commentNote: string;
  thanksTitle: string;
  thanksBody: string;
  alreadyTitle: string;
  alreadyBody: string;
  refusedTitle: string;
  invalidLinkTitle: string;
  invalidLink: string;
  tooLarge: string;
  tooMany: string;
  unavailable: string;
  cprRemoved: string;
  problems: Partial<Record<RefusalCode, { [code: string]: string }>>;
}
