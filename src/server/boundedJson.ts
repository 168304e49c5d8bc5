import express from 'express';

/**
 * Bounds on a JSON body, checked on the raw bytes before JSON.parse and before anything walks the
 * parsed value. A Teams activity is at most about 256 KB and a few levels deep; an API batch is
 * `{"items": [...]}` with at most 1,000 flat items. A body thousands of levels deep made the walk
 * after parsing overflow the stack before authentication, so depth and width are refused up front.
 */
export interface JsonBounds {
  /** Bytes, in body-parser's notation. */
  limit: string;
  /** Levels of nested objects and arrays. */
  maxDepth: number;
  /** Members of one object or elements of one array. */
  maxEntries: number;
  /** Values (scalars, objects, arrays) in the whole body. */
  maxValues: number;
}

export const JSON_BOUNDS: JsonBounds = { limit: '1mb', maxDepth: 32, maxEntries: 2_000, maxValues: 50_000 };

/** Why a body is refused, in words for the caller, with the HTTP status that says it. */
export interface ShapeProblem {
  status: 400 | 413;
  type: 'entity.too.deep' | 'entity.too.wide';
  detail: string;
}

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/**
 * One pass over the bytes, outside strings: brackets give the depth, commas the entries of the
 * container they are in, and every container or first entry a value. Malformed JSON is left to
 * JSON.parse, which reports it; this only has to be right for the bodies it lets through.
 */
export function jsonShapeProblem(buf: Uint8Array, bounds: JsonBounds = JSON_BOUNDS): ShapeProblem | null {
  const entries: number[] = [];
  let values = 0;
  let inString = false;
  let pendingValue = true;
  const tooWide = (): ShapeProblem => ({
    status: 413,
    type: 'entity.too.wide',
    detail: `The JSON body holds more than ${bounds.maxEntries} entries in one object or array, or more than ${bounds.maxValues} values.`,
  });
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) {
      inString = true;
      if (pendingValue) {
        values++;
        pendingValue = false;
      }
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      values++;
      if (entries.length >= bounds.maxDepth)
        return {
          status: 400,
          type: 'entity.too.deep',
          detail: `The JSON body is nested deeper than ${bounds.maxDepth} levels.`,
        };
      entries.push(0);
      pendingValue = true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      entries.pop();
      pendingValue = false;
    } else if (c === COMMA) {
      const top = entries.length - 1;
      if (top >= 0 && ++entries[top]! >= bounds.maxEntries) return tooWide();
      pendingValue = true;
    } else if (c === COLON) {
      pendingValue = true;
    } else if (pendingValue && c > 0x20) {
      // The first byte of a number, true, false or null.
      values++;
      pendingValue = false;
    }
    if (values > bounds.maxValues) return tooWide();
  }
  return null;
}

/** express.json with the bounds above: a body past them is refused as a 4xx before it is parsed. */
export function boundedJson(bounds: JsonBounds = JSON_BOUNDS): express.RequestHandler {
  return express.json({
    limit: bounds.limit,
    verify: (_req, _res, buf) => {
      const problem = jsonShapeProblem(buf, bounds);
      if (problem) throw Object.assign(new Error(problem.detail), problem);
    },
  });
}
