/**
 * The one result of every action, in the domain and the application alike: its value, or why it was
 * refused. A refusal holds codes with their values (src/domain/refusals.ts), never words: src/i18n
 * words them at the edge (docs/cards.md#refusals). `field` names the card input a problem is about,
 * so the card can show the reason beside that input.
 */
import type { ZodError, ZodIssue } from 'zod';
import { INPUT_REFUSAL_CODES, type InputRefusalCode, type RefusalCode, type RefusalParams } from './refusals';

export type { RefusalCode, RefusalParams };

type ParamsOf<C extends RefusalCode> = RefusalParams[C] extends undefined
  ? { params?: undefined }
  : { params: RefusalParams[C] };

/** One thing wrong: about one input (`field`) or about the whole card. */
export type Problem = { [C in RefusalCode]: { code: C; field?: string } & ParamsOf<C> }[RefusalCode];

/** `stale`: the card's button is spent (handled already, or an out-of-date version). */
export interface Refusal {
  ok: false;
  problems: Problem[];
  stale: boolean;
}

export type Result<T> = { ok: true; value: T } | Refusal;

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

type RefuseOptions<C extends RefusalCode> = { field?: string; stale?: boolean } & ParamsOf<C>;

/** A refusal for one reason; the values its words need come as `params`. */
export function refuse<C extends RefusalCode>(
  code: C,
  ...[options]: RefusalParams[C] extends undefined ? [RefuseOptions<C>?] : [RefuseOptions<C>]
): Refusal {
  const {
    field,
    stale = false,
    params,
  } = (options ?? {}) as { field?: string; stale?: boolean; params?: object };
  const problem = { code, ...(field ? { field } : {}), ...(params ? { params } : {}) } as Problem;
  return { ok: false, problems: [problem], stale };
}

/** A refusal of several problems at once (a form with more than one bad input). */
export function refuseAll(problems: Problem[]): Refusal {
  return { ok: false, problems, stale: false };
}

/** A zod check's options naming the refusal it stands for: `.refine(f, coded('date', '…'))`. */
export function coded(
  code: InputRefusalCode,
  message: string,
): { message: string; params: { code: string } } {
  return { message, params: { code } };
}

const INPUT_CODES: ReadonlySet<string> = new Set(INPUT_REFUSAL_CODES);

/** The refusal code of one zod issue: the schema's own when it names one, else by the issue's kind. */
export function refusalCodeOf(issue: ZodIssue): InputRefusalCode {
  const own = (issue as { params?: { code?: unknown } }).params?.code;
  if (typeof own === 'string' && INPUT_CODES.has(own)) return own as InputRefusalCode;
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'required';
  if (issue.code === 'too_small' && issue.type === 'string') return 'required';
  if (issue.code === 'too_big' && issue.type === 'string') return 'tooLong';
  if (issue.code === 'invalid_enum_value') return 'choose';
  return 'invalid';
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
    problems.push({ code: refusalCodeOf(issue), ...(field ? { field } : {}) });
  }
  return refuseAll(problems);
}

/** A rule's refusal set beside one card input: the rule knows the reason, the action knows the card. */
export function onField(r: Refusal, field: string): Refusal {
  return { ...r, problems: r.problems.map((p) => ({ ...p, field })) };
}
