/**
 * CPR-number detection: the one guard every edge uses. Samspil must not store CPR numbers
 * (docs/privacy.md): any free-text or reference field that looks like one is rejected with a clear
 * message, and the value is never echoed back.
 */
import { isLocalDate } from './localDate';

/*
 * People write a CPR number as DDMMYY-SSSS but also as "010190 - 1234", "01.01.90-1234",
 * "01 01 90 1234", "010190/1234" or "0101-90-1234"; Teams/Outlook autocorrect turns a typed hyphen
 * or space into an en dash, non-breaking hyphen or non-breaking space. So between each of the four
 * groups (DD, MM, YY, SSSS) at most one separator, optionally padded by a space or two. The digit
 * lookarounds stop a match inside a longer digit run (a 12-digit journal number is not a CPR).
 *
 * No modulus-11 check: CPR stopped guaranteeing it in 2007 when numbers ran out for some birth
 * dates, so valid CPR numbers fail it and a check would let real ones through.
 */
const GAP = String.raw`(?:[ \t]{0,2}[-/.\u2010\u2011\u2012\u2013\u2014\u2212]?[ \t]{0,2})`;
const CPR_CANDIDATE = new RegExp(String.raw`(?<!\d)(\d{2})${GAP}(\d{2})${GAP}(\d{2})${GAP}\d{4}(?!\d)`, 'g');

/** Invisible format characters (zero-width space, joiners, soft hyphen) that can hide a number. */
const FORMAT_CHARS = /[\p{Cf}\u00ad]/gu;
const UNICODE_DIGIT = /\p{Nd}/gu;
const ASCII_DIGIT = /[0-9]/;

/**
 * Digits of any script (Arabic-Indic, Devanagari, mathematical, …) become 0–9. NFKC already folds
 * full-width and mathematical digits; other scripts are folded by their place in their block of ten
 * (every Unicode decimal-digit block is ten consecutive code points starting at zero).
 */
function foldDigit(ch: string): string {
  if (ASCII_DIGIT.test(ch)) return ch;
  let start = ch.codePointAt(0)!;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return String((((ch.codePointAt(0)! - start) % 10) + 10) % 10);
}

/** The text the detector looks at: NFKC, format characters removed, every digit as 0–9, spaces plain. */
export function cprSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(FORMAT_CHARS, '')
    .replace(UNICODE_DIGIT, foldDigit)
    .replace(/[\u00a0\u2007\u202f\u3000]/g, ' ');
}

function isCprDate(dd: string, mm: string, yy: string): boolean {
  // 20yy is a leap year exactly when some century makes DDMMYY a leap day (2000 is leap), so one
  // century is enough to accept every real birth date, 29 Feb '00 included.
  return isLocalDate(`20${yy}-${mm}-${dd}`);
}

/** The first substring of the normalised `text` (see cprSearchText) that looks like a CPR number, or null. */
export function findCpr(text: string): string | null {
  for (const m of cprSearchText(text).matchAll(CPR_CANDIDATE)) {
    const [match, dd, mm, yy] = m;
    if (dd !== undefined && mm !== undefined && yy !== undefined && isCprDate(dd, mm, yy)) return match;
  }
  return null;
}

export function looksLikeCpr(text: string): boolean {
  return findCpr(text) !== null;
}

/**
 * The path of the first string (or object key) anywhere in `value` that looks like a CPR number,
 * e.g. "items.3.case_ref" or "from.name"; null when there is none. Used on whole request bodies.
 */
export function findCprPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return looksLikeCpr(value) ? path || '(value)' : null;
  if (typeof value === 'number') return looksLikeCpr(String(value)) ? path || '(value)' : null;
  if (value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    const here = path ? `${path}.${k}` : k;
    if (!Array.isArray(value) && looksLikeCpr(k)) return path || '(key)';
    const found = findCprPath(v, here);
    if (found) return found;
  }
  return null;
}

/**
 * Replaces every CPR-looking run in a message with "[CPR]", so a library's error text (a CSV
 * parser quoting the field, a database error quoting the value) can be shown or logged safely.
 */
export function redactCpr(text: string): string {
  if (!looksLikeCpr(text)) return text;
  const normal = cprSearchText(text);
  return normal.replace(CPR_CANDIDATE, (match: string, dd: string, mm: string, yy: string) =>
    isCprDate(dd, mm, yy) ? '[CPR]' : match,
  );
}

/** The one wording of the CPR refusal: on cards beside the field, and after the field's name elsewhere. */
export const CPR_REJECTION_MESSAGE = Object.freeze({
  da: 'Ligner et CPR-nummer – brug initialer eller sagsnummer. Samspil gemmer ikke CPR-numre.',
  en: 'Looks like a CPR number – use initials or the case number. Samspil does not store CPR numbers.',
} as const);

export class CprRejectedError extends Error {
  constructor(readonly field: string) {
    // The matched value is deliberately left out: error messages end up in logs.
    super(`${field}: ${CPR_REJECTION_MESSAGE.en}`);
    this.name = 'CprRejectedError';
  }

  /** The message to show the user, naming the field. */
  userMessage(lang: 'da' | 'en'): string {
    return `${this.field}: ${CPR_REJECTION_MESSAGE[lang]}`;
  }
}

/** Throws CprRejectedError if `value` contains something that looks like a CPR number. */
export function assertNoCpr(value: string, field: string): void {
  if (looksLikeCpr(value)) throw new CprRejectedError(field);
}
