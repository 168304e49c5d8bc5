import type { LocalDate } from '../localDate';
import { maxDate, minDate } from '../localDate';
import { guard, SUPPRESSED, type Disclosure, type Guarded } from './suppression';
import {
  categoryOf,
  checkPeriod,
  FOLLOW_UP_CATEGORIES,
  type FollowUpCategory,
  type MeasureHistory,
  type Period,
  within,
} from './history';

/** Calendar half-years (1 Jan – 30 Jun, 1 Jul – 31 Dec), as seed 004 fig. 2.2 counts them. */
export function halfYearsOf(period: Period): Period[] {
  checkPeriod(period);
  const out: Period[] = [];
  for (let y = Number(period.from.slice(0, 4)); y <= Number(period.to.slice(0, 4)); y++) {
    for (const [s, e] of [
      [`${y}-01-01`, `${y}-06-30`],
      [`${y}-07-01`, `${y}-12-31`],
    ] as const) {
      const from = maxDate(s, period.from);
      const to = minDate(e, period.to);
      if (from <= to) out.push({ from, to });
    }
  }
  return out;
}

const activeIn = (m: MeasureHistory, p: Period): boolean =>
  m.start <= p.to && (m.end === null || m.end >= p.from);

export type PerHalfYearFigures = Guarded<{
  held: number;
  /** Σ over the half-years of the cases with a measure of the category active in it. */
  caseHalfYears: number;
  /** held / caseHalfYears with two decimals; null when no case was active. */
  average: number | null;
}>;

export interface PerHalfYearRow {
  category: FollowUpCategory;
  figures: PerHalfYearFigures;
}

/**
 * Seed 004 fig. 2.2, "gennemsnitligt antal opfølgninger pr. børnesag pr. halvår", per measure category:
 *
 *   average = (follow-ups held in the period on measures of the category)
 *           / Σ over the calendar half-years H overlapping the period of
 *             (cases with a measure of the category active on at least one day of H ∩ period).
 *
 * A case counts once per half-year however many measures of the category it has; a half-year the
 * period only partly covers counts as one, as the seed counts its half-years. n is the number of
 * distinct cases active in the period.
 */
export function followUpsPerHalfYear(
  measures: readonly MeasureHistory[],
  period: Period,
  d: Disclosure = SUPPRESSED,
): PerHalfYearRow[] {
  const halves = halfYearsOf(period);
  return FOLLOW_UP_CATEGORIES.map((category) => {
    const mine = measures.filter((m) => categoryOf(m.measureType) === category);
    const held = mine.reduce((n, m) => n + m.held.filter((d: LocalDate) => within(d, period)).length, 0);
    let caseHalfYears = 0;
    const cases = new Set<string>();
    for (const h of halves) {
      const active = new Set(mine.filter((m) => activeIn(m, h)).map((m) => m.caseId));
      caseHalfYears += active.size;
      active.forEach((c) => cases.add(c));
    }
    return {
      category,
      figures: guard(
        cases.size,
        () => ({
          held,
          caseHalfYears,
          average: caseHalfYears === 0 ? null : Math.round((held * 100) / caseHalfYears) / 100,
        }),
        d,
      ),
    };
  });
}
