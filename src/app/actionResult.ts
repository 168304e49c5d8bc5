/**
 * The one result of an application action: its value, or why it was refused. A refusal carries a
 * problem code that src/i18n/problems.ts words (so a reason such as the CPR refusal is worded once),
 * or, for a one-off rule, its own words in both languages; `field` names the card input it is about,
 * so the card can show the reason beside that input (docs/cards.md).
 */
import type { Bilingual } from '../domain/followup';
import type { ZodError } from 'zod';
import { problemCodeOf, type ProblemCode } from '../i18n/problems';

export type { Bilingual, ProblemCode };

/** One thing wrong with a submission: about one input (`field`) or about the whole card. */
export interface Problem {
  field?: string;
  code?: ProblemCode;
  /** Own words for a rule no code covers; a code's words win when both are given. */
  reason?: Bilingual;
}

/** `stale`: the card's button is spent (handled already, or an out-of-date version). */
export interface Refusal {
  ok: false;
  problems: Problem[];
  stale: boolean;
}

export type ActionResult<T> = { ok: true; value: T } | Refusal;

/** A refusal in the rule's own words (both languages); `field` when it is about one input. */
export function fail(da: string, en: string, stale = false, field?: string): Refusal {
  return { ok: false, problems: [{ reason: { da, en }, ...(field ? { field } : {}) }], stale };
}

/** A refusal with a worded-once problem code. */
export function refuse(code: ProblemCode, field?: string): Refusal {
  return { ok: false, problems: [{ code, ...(field ? { field } : {}) }], stale: false };
}

/** A refusal of several problems at once (a form with more than one bad input). */
export function refuseAll(problems: Problem[]): Refusal {
  return { ok: false, problems, stale: false };
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A submission that failed its schema: one problem per bad input, by the input's id. */
export function invalidInput(
  err: ZodError,
  fieldOf: (path: (string | number)[]) => string = (p) => String(p[0] ?? ''),
): Refusal {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const issue of err.issues) {
    const field = fieldOf(issue.path) || undefined;
    const key = field ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ code: problemCodeOf(issue), ...(field ? { field } : {}) });
  }
  return refuseAll(problems);
}
