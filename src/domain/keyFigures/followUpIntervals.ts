import { daysBetween } from '../localDate';
import { guard, SUPPRESSED, type Disclosure, type Guarded } from './suppression';
import { mean1 } from './numbers';
import {
  categoryOf,
  checkPeriod,
  FOLLOW_UP_CATEGORIES,
  type FollowUpCategory,
  type MeasureHistory,
  type Period,
  within,
} from './history';

export type IntervalFigures = Guarded<{
  /** Follow-ups held in the period. */
  held: number;
  /** Mean days between consecutive held follow-ups of one measure; null without any interval. */
  averageDays: number | null;
  intervals: number;
}>;

export interface IntervalRow {
  category: FollowUpCategory;
  figures: IntervalFigures;
}

/**
 * Seed 002 table 2 per measure category: follow-ups held in the period and the average number of days
 * between held follow-ups. An interval belongs to the period of the follow-up that ends it, and is
 * counted from the follow-up before it on the same measure, even if that one was held before the
 * period (otherwise every period would start by losing an interval per measure). The time from a
 * measure's start to its first follow-up is not an interval between follow-ups. n is the number of
 * cases with a follow-up held in the period.
 */
export function followUpIntervals(
  measures: readonly MeasureHistory[],
  period: Period,
  d: Disclosure = SUPPRESSED,
): IntervalRow[] {
  checkPeriod(period);
  return FOLLOW_UP_CATEGORIES.map((category) => {
    let held = 0;
    const intervals: number[] = [];
    const cases = new Set<string>();
    for (const m of measures) {
      if (categoryOf(m.measureType) !== category) continue;
      const dates = [...m.held].sort();
      dates.forEach((d, i) => {
        if (!within(d, period)) return;
        held++;
        cases.add(m.caseId);
        if (i > 0) intervals.push(daysBetween(dates[i - 1]!, d));
      });
    }
    return {
      category,
      figures: guard(
        cases.size,
        () => ({
          held,
          averageDays: mean1(intervals),
          intervals: intervals.length,
        }),
        d,
      ),
    };
  });
}
