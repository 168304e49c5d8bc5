/** Zod building blocks shared by the meeting schemas. */
import { z } from 'zod';
import { CPR_REJECTION_MESSAGE, findCpr } from '../cpr';
import { isLocalDate } from '../localDate';
import { coded } from '../result';

export const localDateField = z.string().refine(isLocalDate, coded('date', 'must be a date (YYYY-MM-DD)'));

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export const hhmmField = z.string().refine((s) => HH_MM.test(s), coded('time', 'must be a time (HH:mm)'));

function isHttpsLink(s: string): boolean {
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
}

/** An online meeting link; https only, so a card never renders a javascript: or file: link. */
export const httpsUrlField = z
  .string()
  .trim()
  .max(2000)
  // Not a link at all gets the same words as an http:// one: what is wanted is an https:// link.
  .refine(isHttpsLink, coded('httpsLink', 'must be an https:// link'));

/**
 * The issue for a CPR-looking value. It names the field because a card shows one error for a form
 * of many fields (as CprRejectedError does); the matched value is left out so it does not end up
 * in logs. Its code lets a card show the refusal in the reader's language instead.
 */
export function cprIssue(field: string): z.IssueData {
  return {
    code: z.ZodIssueCode.custom,
    message: `${field}: ${CPR_REJECTION_MESSAGE.en}`,
    params: { code: 'cpr', field },
    fatal: true,
  };
}

/** Free text that must not hold a CPR number (docs/privacy.md). */
export function noCprText(field: string, { max = 4000, required = false } = {}) {
  return z
    .string()
    .trim()
    .min(required ? 1 : 0, `${field}: must not be empty`)
    .max(max, `${field}: at most ${max} characters`)
    .superRefine((s, ctx) => {
      if (findCpr(s) !== null) ctx.addIssue(cprIssue(field));
    });
}

/** A person's id (staff id or AAD object id) — short, required, and no CPR number either. */
export function idField(field: string) {
  return noCprText(field, { max: 200, required: true });
}

/** Adaptive Cards submit an empty input as ''; an optional field treats that (or blanks) as absent. */
export function optionalField<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
}
