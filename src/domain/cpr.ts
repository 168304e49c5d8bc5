/**
 * CPR-number detection. Samspil must not store CPR numbers (SPEC "Data, privacy, security"): any
 * free-text or reference field that looks like one is rejected with a clear message.
 */
import { isLocalDate } from './localDate';

/*
 * DDMMYY, then optionally one separator, then 4 digits. Separators include the en dash, non-breaking
 * hyphen and non-breaking space because Teams/Outlook autocorrect turns typed ones into those. The
 * digit lookarounds stop a match inside a longer digit run (a 12-digit journal number is not a CPR).
 *
 * No modulus-11 check: CPR stopped guaranteeing it in 2007 when numbers ran out for some birth
 * dates, so valid CPR numbers fail it and a check would let real ones through.
 */
const CPR_CANDIDATE = /(?<!\d)(\d{2})(\d{2})(\d{2})[-\u2010\u2011\u2013 \u00a0]?\d{4}(?!\d)/g;

function isCprDate(dd: string, mm: string, yy: string): boolean {
  // 20yy is a leap year exactly when some century makes DDMMYY a leap day (2000 is leap), so one
  // century is enough to accept every real birth date, 29 Feb '00 included.
  return isLocalDate(`20${yy}-${mm}-${dd}`);
}

/** The first substring of `text` that looks like a CPR number, or null. */
export function findCpr(text: string): string | null {
  for (const m of text.matchAll(CPR_CANDIDATE)) {
    const [match, dd, mm, yy] = m;
    if (dd !== undefined && mm !== undefined && yy !== undefined && isCprDate(dd, mm, yy)) return match;
  }
  return null;
}

export function looksLikeCpr(text: string): boolean {
  return findCpr(text) !== null;
}

export const CPR_REJECTION_MESSAGE = Object.freeze({
  da: 'Feltet ligner et CPR-nummer. Samspil gemmer ikke CPR-numre – brug sagsnummer eller initialer.',
  en: 'The field looks like a CPR number. Samspil does not store CPR numbers – use the case number or initials.',
});

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
