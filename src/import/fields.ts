import { z } from 'zod';
import { isLocalDate, LocalDate } from '../domain/localDate';
import { CPR_REJECTION_MESSAGE, findCpr } from '../domain/cpr';

/** Import dates come as YYYY-MM-DD or, from Danish Excel, DD-MM-YYYY. */
export function parseImportDate(s: string): LocalDate | null {
  const t = s.trim();
  if (isLocalDate(t)) return t;
  const m = /^(\d{2})[-.](\d{2})[-.](\d{4})$/.exec(t);
  if (m) {
    const iso = `${m[3]}-${m[2]}-${m[1]}`;
    if (isLocalDate(iso)) return iso;
  }
  return null;
}

/** Import errors name the column and the reason, never the value (it may be anything a person typed). */
const NOT_A_DATE = 'is not a valid date (YYYY-MM-DD or DD-MM-YYYY)';

export const importDate = z.string().transform((s, ctx) => {
  const d = parseImportDate(s);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: NOT_A_DATE });
    return z.NEVER;
  }
  return d;
});

export const optionalImportDate = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined || s.trim() === '') return null;
    const d = parseImportDate(s);
    if (!d) {
      ctx.addIssue({ code: 'custom', message: NOT_A_DATE });
      return z.NEVER;
    }
    return d;
  });

/** Names, units, teams: longer than this is a pasted paragraph or a wrong column, not a name. */
export const TEXT_LIMIT = 200;
/** Case references and other keys of the case system (DUBU journal numbers are about 20). */
export const REFERENCE_LIMIT = 64;

const tooLong = (n: number) => `is longer than ${n} characters`;

export const requiredText = z
  .string({ required_error: 'is missing' })
  .trim()
  .min(1, 'is empty')
  .max(TEXT_LIMIT, tooLong(TEXT_LIMIT));

export const reference = requiredText.pipe(z.string().max(REFERENCE_LIMIT, tooLong(REFERENCE_LIMIT)));

export const optionalText = z
  .string()
  .max(TEXT_LIMIT, tooLong(TEXT_LIMIT))
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? null : s.trim()));

/**
 * Dates a case system can mean: nothing before 1990 (no open child-welfare case is that old) and
 * nothing more than 10 years after the import (a planned end date, never 2099 as "no end").
 */
export const PLAUSIBLE_YEARS = { earliest: '1990-01-01', aheadYears: 10 } as const;

export function implausibleDate(d: string, today: string): string | null {
  const latest = `${Number(today.slice(0, 4)) + PLAUSIBLE_YEARS.aheadYears}${today.slice(4)}`;
  if (d < PLAUSIBLE_YEARS.earliest) return `is before ${PLAUSIBLE_YEARS.earliest}, which cannot be right`;
  if (d > latest) return `is after ${latest}, more than ${PLAUSIBLE_YEARS.aheadYears} years ahead`;
  return null;
}

export const email = requiredText.toLowerCase().pipe(z.string().email('is not a valid e-mail address'));

export const emailList = z
  .string()
  .max(50 * TEXT_LIMIT, tooLong(50 * TEXT_LIMIT))
  .optional()
  .transform((s) =>
    (s ?? '')
      .split('|')
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().email('holds an address that is not a valid e-mail address')));

export const yesNo = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['ja', 'nej', 'yes', 'no', 'true', 'false'], { message: 'must be ja or nej' }))
  .transform((s) => s === 'ja' || s === 'yes' || s === 'true');

/** Any column of any row that looks like a CPR number rejects the row (docs/privacy.md). */
export function cprIssues(values: Record<string, string>): { field: string; message: string }[] {
  return Object.entries(values)
    .filter(([, v]) => findCpr(v) !== null)
    .map(([field]) => ({
      field,
      // The one CPR wording, after the column's name ("case_ref looks like a CPR number – …").
      message: CPR_REJECTION_MESSAGE.en.charAt(0).toLowerCase() + CPR_REJECTION_MESSAGE.en.slice(1),
    }));
}
