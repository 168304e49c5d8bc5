import { z } from 'zod';
import { isLocalDate, LocalDate } from '../domain/localDate';
import { findCpr } from '../domain/cpr';

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

export const importDate = z.string().transform((s, ctx) => {
  const d = parseImportDate(s);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: `"${s}" is not a valid date (YYYY-MM-DD or DD-MM-YYYY)` });
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
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a valid date (YYYY-MM-DD or DD-MM-YYYY)` });
      return z.NEVER;
    }
    return d;
  });

export const requiredText = z.string({ required_error: 'is missing' }).trim().min(1, 'is empty');

export const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? null : s.trim()));

export const email = requiredText.toLowerCase().pipe(z.string().email('is not a valid e-mail address'));

export const emailList = z
  .string()
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

/** Any column of any row that looks like a CPR number rejects the row (SPEC: privacy). */
export function cprIssues(values: Record<string, string>): { field: string; message: string }[] {
  return Object.entries(values)
    .filter(([, v]) => findCpr(v) !== null)
    .map(([field]) => ({
      field,
      message:
        'looks like a CPR number; Samspil does not store CPR numbers (use the case number or initials)',
    }));
}
