/**
 * How a meeting refers to a child (docs/domain-rules.md: "never a child's CPR number or full name: initials or a
 * case reference only"). The minutes are read by many professions and by the parents, so the
 * reference must not identify the child to someone without access to the case.
 */
import { z } from 'zod';
import { findCpr } from '../cpr';
import { cprIssue } from './fields';

/** 1–4 capital letters, Danish letters included: 'AB', 'ØÅ', 'JMKL'. No dots or spaces. */
export const INITIALS = /^[A-ZÆØÅ]{1,4}$/;

/** A case number as the case systems write them: letters, digits, '.', '-', '/', with a digit. */
export const CASE_REFERENCE = /^(?=.*\d)[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå./-]{2,39}$/;

/** Two words of letters: 'Anna Hansen', 'anna hansen', 'Anne-Mette Ø. Jensen'. */
const NAME_LIKE = /\p{L}{2,}\s+\p{L}/u;

export function childReferenceField(field = 'childReference') {
  return z
    .string()
    .trim()
    .superRefine((s, ctx) => {
      // CPR first: a CPR number also has the shape of a case reference.
      if (findCpr(s) !== null) return void ctx.addIssue(cprIssue(field));
      if (NAME_LIKE.test(s)) {
        return void ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${field}: looks like a name. Refer to the child by initials (e.g. "AB") or the case reference.`,
          params: { code: 'childName', field },
        });
      }
      if (!INITIALS.test(s) && !CASE_REFERENCE.test(s)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${field}: use initials (1–4 capital letters, e.g. "AB") or the case reference.`,
          params: { code: 'childReference', field },
        });
      }
    });
}
