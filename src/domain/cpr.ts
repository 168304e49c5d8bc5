/**
 * CPR-number detection: the one detector every edge uses. Samspil must not store CPR numbers
 * (docs/privacy.md): any free-text or reference field that looks like one is rejected with a clear
 * message, and the value is never echoed back.
 */
import { isLocalDate } from './localDate';

/*
 * The detector reads a value the way the people and systems that write CPR numbers do
 * (docs/privacy.md lists the spellings): DD MM YY(YY) SSSS, where
 * - between the groups there may be nothing, spaces or line breaks, and up to two punctuation marks
 *   or symbols of any kind ("010190-1234", "01.01.90/1234", "01-01-1990-1234", "010190\n1234",
 *   Outlook's en dash, a minus sign, an underscore, a comma …);
 * - the year has two digits or four (case systems print "03-03-1990-2222"); a four-digit year is
 *   one CPR can hold (1858–2057, the range of the CPR office's century digit);
 * - a digit may be typed as the letter it looks like (O or Ø for 0, I or l for 1), as long as at
 *   least four of the ten are real digits;
 * - the date part is a real date. No modulus-11 check: since 2007 the CPR office issues numbers that
 *   fail it, so a check would let real ones through.
 * A candidate must not sit inside a longer run of digits (a 12-digit journal number is not a CPR
 * number), a letter standing in for a digit must not sit inside a word ("Olsen 10.10.1234"), and
 * a clock time with fractions of a second ("08:12:01.9312", as PostgreSQL prints a timestamp) is
 * not a date.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  O: '0',
  o: '0',
  Ø: '0',
  ø: '0',
  I: '1',
  l: '1',
};
const D = String.raw`[0-9${Object.keys(LOOK_ALIKES).join('')}]`;
const GAP = String.raw`(?:\s{0,3}(?:[\p{P}\p{S}]\s{0,3}){0,2})`;
const CPR_CANDIDATE = new RegExp(
  String.raw`(?<![0-9])(${D}{2})${GAP}(${D}{2})${GAP}(${D}{4}|${D}{2})${GAP}(${D}{4})(?![0-9])`,
  'gu',
);
const MIN_REAL_DIGITS = 4;
const FIRST_CPR_YEAR = 1858;
const LAST_CPR_YEAR = 2057;

/** Invisible format characters (zero-width space, joiners, soft hyphen) that can hide a number. */
const FORMAT_CHARS = /[\p{Cf}\u00ad]/gu;
const UNICODE_DIGIT = /\p{Nd}/gu;
const ASCII_DIGIT = /[0-9]/;
const LETTER = /\p{L}/u;
const CLOCK_TIME = /^\d{2}\s*:\s*\d{2}\s*:/;

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

const asDigits = (group: string) => [...group].map((c) => LOOK_ALIKES[c] ?? c).join('');

function isCprDate(dd: string, mm: string, year: string): boolean {
  if (year.length === 4) {
    const y = Number(year);
    return y >= FIRST_CPR_YEAR && y <= LAST_CPR_YEAR && isLocalDate(`${year}-${mm}-${dd}`);
  }
  // 20yy is a leap year exactly when some century makes DDMMYY a leap day (2000 is leap), so one
  // century is enough to accept every real birth date, 29 Feb '00 included.
  return isLocalDate(`20${year}-${mm}-${dd}`);
}

/** Whether one candidate match (in the search text) is a CPR number. */
function isCprMatch(text: string, m: RegExpExecArray): boolean {
  const [match, dd, mm, year, serial] = m as unknown as [string, string, string, string, string];
  const groups = dd + mm + year + serial;
  if ([...groups].filter((c) => ASCII_DIGIT.test(c)).length < MIN_REAL_DIGITS) return false;
  const before = text.slice(0, m.index).at(-1) ?? '';
  const after = text.charAt(m.index + match.length);
  if (LETTER.test(match.charAt(0)) && LETTER.test(before)) return false;
  if (LETTER.test(match.at(-1)!) && LETTER.test(after)) return false;
  if (CLOCK_TIME.test(match)) return false;
  return isCprDate(asDigits(dd), asDigits(mm), asDigits(year));
}

/** Every CPR number in the search text, as [start, end) ranges; a rejected candidate is retried one character on. */
function cprRanges(text: string): [number, number][] {
  const re = new RegExp(CPR_CANDIDATE.source, CPR_CANDIDATE.flags);
  const out: [number, number][] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (isCprMatch(text, m)) out.push([m.index, m.index + m[0].length]);
    else re.lastIndex = m.index + 1;
  }
  return out;
}

/** The first substring of the normalised `text` (see cprSearchText) that looks like a CPR number, or null. */
export function findCpr(text: string): string | null {
  const normal = cprSearchText(text);
  const [first] = cprRanges(normal);
  return first ? normal.slice(first[0], first[1]) : null;
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
  let out = '';
  let at = 0;
  for (const [start, end] of cprRanges(normal)) {
    out += `${normal.slice(at, start)}[CPR]`;
    at = end;
  }
  return out + normal.slice(at);
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
