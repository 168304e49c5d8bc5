import type { Response } from 'express';
import { redactCpr } from '../domain/cpr';

/** One bad item of a batch: its index in `items`, the field, and why (never the value itself). */
export interface ItemError {
  index: number;
  field?: string;
  detail: string;
}

/** The problem types the API answers with; each is documented at its URI in docs/api.md. */
export const PROBLEMS = {
  'bad-request': { status: 400, title: 'The request is not well-formed' },
  unauthorized: { status: 401, title: 'A valid API token is required' },
  forbidden: { status: 403, title: 'The token does not allow this' },
  'not-found': { status: 404, title: 'Not found' },
  'payload-too-large': { status: 413, title: 'The body is larger than the limit' },
  'unsupported-media-type': { status: 415, title: 'The body must be application/json' },
  'invalid-items': { status: 422, title: 'Some items are invalid; nothing was stored' },
  'rate-limited': { status: 429, title: 'Too many requests; try again after Retry-After seconds' },
  internal: { status: 500, title: 'Internal error' },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

export const PROBLEM_TYPE_BASE = '/api/v1/problems/';

/**
 * Answers with an RFC 9457 problem document. The detail is redacted once more here, the last point
 * before a caller sees it, so no code path can echo a CPR number.
 */
export function sendProblem(
  res: Response,
  type: ProblemType,
  detail: string,
  extra: { errors?: ItemError[]; headers?: Record<string, string> } = {},
): void {
  const { status, title } = PROBLEMS[type];
  for (const [k, v] of Object.entries(extra.headers ?? {})) res.setHeader(k, v);
  res
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: `${PROBLEM_TYPE_BASE}${type}`,
        title,
        status,
        detail: redactCpr(detail),
        ...(extra.errors
          ? {
              errors: extra.errors.map((e) => ({
                ...e,
                ...(e.field ? { field: redactCpr(e.field) } : {}),
                detail: redactCpr(e.detail),
              })),
            }
          : {}),
      }),
    );
}
