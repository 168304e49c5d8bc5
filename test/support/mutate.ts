import { Random } from '../../src/demo/random';
import { CPR_SPELLING_TABLE } from './cprSpellings';

/** The CPR spellings people and systems write; the fuzzers plant them anywhere a value can go. */
export const CPR_SPELLINGS = CPR_SPELLING_TABLE.map((row) => row.text);

const NASTY = [
  '',
  ' ',
  'x'.repeat(10_000),
  '=HYPERLINK("http://x")',
  '+1+1',
  '@SUM(A1)',
  '-2',
  '1900-01-01',
  '2099-12-31',
  '31-02-2026',
  '2026-13-40',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  '\u0000',
  '\ud800',
  '😀',
  "'; DROP TABLE cases; --",
  '${{7*7}}',
  '<script>alert(1)</script>',
  'ja',
  'nej',
  '1|2|3',
];

/** A random replacement value of any JSON type, CPR numbers included. */
function nastyValue(r: Random, depth: number): unknown {
  switch (r.int(0, 11)) {
    case 0:
    case 1:
      return r.pick(CPR_SPELLINGS);
    case 2:
      return `Barn ${r.pick(CPR_SPELLINGS)} i ${r.pick(['dagtilbud', 'skole'])}`;
    case 3:
      return r.pick(NASTY);
    case 4:
      return r.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53, 101901234, 3]);
    case 5:
      return r.pick([true, false, null]);
    case 6:
      return depth > 2 ? {} : { a: nastyValue(r, depth + 1), [r.pick(CPR_SPELLINGS)]: 1 };
    case 7:
      return depth > 2 ? [] : [nastyValue(r, depth + 1), nastyValue(r, depth + 1)];
    case 8:
      return r.pick(['da-DK', 'en-US', 'EN', '']);
    default:
      return r.pick(NASTY) + r.pick(CPR_SPELLINGS).slice(0, r.int(0, 12));
  }
}

function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [prefix];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return [prefix, ...entries.flatMap(([k, x]) => paths(x, [...prefix, k]))];
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const copy = Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) };
  (copy as Record<string | number, unknown>)[head!] = setAt(
    (root as Record<string | number, unknown>)[head!],
    rest,
    value,
  );
  return copy;
}

/**
 * One to three mutations of a JSON value: a leaf replaced by something hostile, a key removed or
 * added, a CPR number spliced into a string, or the whole value replaced. Deterministic per seed.
 */
export function mutate(r: Random, value: unknown): unknown {
  let v = structuredClone(value);
  for (let n = r.int(1, 3); n > 0; n--) {
    const all = paths(v);
    const at = r.pick(all);
    const current = at.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], v);
    switch (r.int(0, 5)) {
      case 0:
      case 1:
        v = setAt(v, at, nastyValue(r, 0));
        break;
      case 2:
        if (typeof current === 'string') {
          const i = r.int(0, current.length);
          v = setAt(v, at, current.slice(0, i) + r.pick(CPR_SPELLINGS) + current.slice(i));
        } else v = setAt(v, at, r.pick(CPR_SPELLINGS));
        break;
      case 3:
        if (at.length) {
          const parent = at.slice(0, -1);
          const p = parent.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], v);
          if (p && typeof p === 'object' && !Array.isArray(p)) {
            const copy = { ...(p as Record<string, unknown>) };
            delete copy[String(at[at.length - 1])];
            v = setAt(v, parent, copy);
          }
        }
        break;
      case 4:
        if (current && typeof current === 'object' && !Array.isArray(current))
          v = setAt(v, at, {
            ...current,
            [r.pick(['extra', r.pick(CPR_SPELLINGS), 'locale', 'name'])]: nastyValue(r, 1),
          });
        break;
      default:
        if (r.chance(0.1)) v = nastyValue(r, 0);
    }
  }
  return v;
}

/** Text with ids and timestamps removed, so a random UUID's digits are not taken for a CPR number. */
export function withoutIds(text: string): string {
  return (
    text
      // Its first and last characters stay, so digits glued to it stay part of one digit run or not.
      .replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
        (id) => `${id[0]}ID${id.at(-1)}`,
      )
      .replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:?\d{2})?|Z)?/g, 'TS')
  );
}
