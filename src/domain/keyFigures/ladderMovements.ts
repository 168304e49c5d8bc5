import { countMoves, OFF_LADDER, type LadderMove, type MoveCounts } from '../ladder';
import type { LocalDate } from '../localDate';
import { guard, type Guarded } from './suppression';

export interface CaseLadderMove extends LadderMove {
  caseId: string;
}

export type LadderFigures = Guarded<MoveCounts & { cases: number }>;

/**
 * Movements on the ladder between two cut-off dates, (from, to] (seed 002 §3.2), counted by
 * `countMoves`. The group is the children who moved: fewer than five and the whole table is
 * suppressed, since a small from–to matrix points at the children in it.
 */
export function ladderMovements(
  moves: readonly CaseLadderMove[],
  from: LocalDate,
  to: LocalDate,
): LadderFigures {
  const counts = countMoves(moves, from, to);
  const movedCases = new Set(
    moves
      .filter((m) => m.date > from && m.date <= to && (m.from ?? null) !== (m.to ?? null))
      .map((m) => m.caseId),
  );
  return guard(movedCases.size, () => ({ ...counts, cases: movedCases.size }));
}

/** Matrix keys in ladder order: from off/1/2/… then to off/1/2/…, so tables read the same every time. */
export function matrixEntries(matrix: Record<string, number>): { from: string; to: string; count: number }[] {
  const rank = (s: string) => (s === OFF_LADDER ? 0 : Number(s));
  return Object.entries(matrix)
    .map(([k, count]) => {
      const [from, to] = k.split('->') as [string, string];
      return { from, to, count };
    })
    .sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
}
