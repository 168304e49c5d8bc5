import { classifyMove, stepOn, type LadderStepEntry, type MoveDirection } from '../ladder';
import { isLocalDate, type LocalDate } from '../localDate';
import {
  complementarySuppression,
  type Count,
  type Disclosure,
  type PublishedSum,
  SUPPRESSED,
  SUPPRESSED_TEXT,
} from './suppression';

export interface CaseLadderStep extends LadderStepEntry {
  caseId: string;
}

export type Moving = Exclude<MoveDirection, 'none'>;
export const MOVING: readonly Moving[] = ['up', 'down', 'in', 'out'];

export interface LadderPair {
  /** Null: not on the ladder on the first cut-off date ("in"). */
  from: number | null;
  /** Null: not on the ladder on the second cut-off date ("out"). */
  to: number | null;
  direction: MoveDirection;
  count: Count;
}

export interface LadderFigures {
  start: LocalDate;
  end: LocalDate;
  /** Children on each step (keyed "1", "2", …) on each cut-off date; steps nobody was on are left out. */
  positionsStart: Record<string, Count>;
  positionsEnd: Record<string, Count>;
  /** One row per from–to pair, each child counted once, staying children included; ladder order. */
  pairs: LadderPair[];
  moves: Record<Moving, Count>;
  /** Children whose step differed on the two dates. */
  moved: Count;
}

const key = (s: number | null) => (s === null ? 'off' : String(s));
const rank = (s: number | null) => (s === null ? 0 : s);

/**
 * Movements on the ladder between two cut-off dates as seed 002 §3.2 counts them: each child's step
 * at the end of `start` is compared with the step at the end of `end` (figur A–D; note 6 reads figur
 * D's stock of placed children as 106 − 5 − 21 + 4 + 8 = 92). A child who went up and came back
 * inside the period did not move. Every count of 1–4 children is hidden, and so is a second count
 * of every row total, column total and direction total that would give it back.
 */
export function ladderMovements(
  history: readonly CaseLadderStep[],
  start: LocalDate,
  end: LocalDate,
  d: Disclosure = SUPPRESSED,
): LadderFigures {
  if (!isLocalDate(start) || !isLocalDate(end)) throw new Error(`Not a period: ${start} – ${end}`);
  if (start >= end) throw new Error(`The first cut-off date must be before the second: ${start} – ${end}`);
  const byCase = new Map<string, LadderStepEntry[]>();
  for (const e of history) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);

  const pairCounts = new Map<string, { from: number | null; to: number | null; n: number }>();
  for (const entries of byCase.values()) {
    const from = stepOn(entries, start);
    const to = stepOn(entries, end);
    if (from === null && to === null) continue;
    const k = `${key(from)}->${key(to)}`;
    const p = pairCounts.get(k) ?? { from, to, n: 0 };
    p.n++;
    pairCounts.set(k, p);
  }
  const pairs = [...pairCounts.entries()].sort(
    ([, a], [, b]) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to),
  );

  const values = new Map<string, number | null>();
  const sums: PublishedSum[] = [];
  const addSum = (total: string, parts: string[]) => {
    values.set(
      total,
      parts.reduce((n, p) => n + (values.get(p) ?? 0), 0),
    );
    sums.push({ total, parts });
  };
  for (const [k, p] of pairs) values.set(`pair:${k}`, p.n);
  const steps = (side: 'from' | 'to') =>
    [...new Set(pairs.map(([, p]) => p[side]).filter((s): s is number => s !== null))].sort((a, b) => a - b);
  for (const s of steps('from'))
    addSum(
      `start:${s}`,
      pairs.filter(([, p]) => p.from === s).map(([k]) => `pair:${k}`),
    );
  for (const s of steps('to'))
    addSum(
      `end:${s}`,
      pairs.filter(([, p]) => p.to === s).map(([k]) => `pair:${k}`),
    );
  for (const d of MOVING)
    addSum(
      `dir:${d}`,
      pairs.filter(([, p]) => classifyMove(p.from, p.to) === d).map(([k]) => `pair:${k}`),
    );
  addSum(
    'moved',
    MOVING.map((d) => `dir:${d}`),
  );
  // Direction totals are hidden first, the children on each step last: the stock on the two dates
  // is what the seed's figures are read by (note 6).
  const hidden = complementarySuppression(
    values,
    sums,
    (k) => (k.startsWith('dir:') || k === 'moved' ? 0 : k.startsWith('pair:') ? 1 : 2),
    d,
  );
  const shown = (k: string): Count => (hidden.has(k) ? SUPPRESSED_TEXT : (values.get(k) ?? 0));

  return {
    start,
    end,
    positionsStart: Object.fromEntries(steps('from').map((s) => [String(s), shown(`start:${s}`)])),
    positionsEnd: Object.fromEntries(steps('to').map((s) => [String(s), shown(`end:${s}`)])),
    pairs: pairs.map(([k, p]) => ({
      from: p.from,
      to: p.to,
      direction: classifyMove(p.from, p.to),
      count: shown(`pair:${k}`),
    })),
    moves: Object.fromEntries(MOVING.map((d) => [d, shown(`dir:${d}`)])) as Record<Moving, Count>,
    moved: shown('moved'),
  };
}
