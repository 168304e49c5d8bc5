import { complianceOfHistory } from '../followup';
import type { FollowUpPolicy } from '../policy';
import { guard, type Guarded } from './suppression';
import { percent } from './numbers';
import {
  categoryOf,
  checkPeriod,
  FOLLOW_UP_CATEGORIES,
  type FollowUpCategory,
  type MeasureHistory,
  type Period,
  within,
} from './history';

export type ComplianceFigures = Guarded<{
  held: number;
  onTimePolicy: number;
  /** Share held on time against the municipality's policy, per cent. */
  policyShare: number | null;
  /** Follow-ups the law set a date for (a non-placement after its first follow-up has none). */
  legalBase: number;
  onTimeLegal: number;
  legalShare: number | null;
}>;

export interface ComplianceRow {
  category: FollowUpCategory | 'all';
  figures: ComplianceFigures;
}

/**
 * Compliance (SPEC; the figure seed 004 says the evaluation could not compute): of the follow-ups held
 * in the period, the share held on or before the date the municipality's policy gave, and the share
 * held on or before the legal date. Each follow-up is judged by `complianceOfHistory`, i.e. against
 * the due date that applied when it fell due (counted from the follow-up before it), so the rules are
 * those of src/domain/followup.ts, not a second copy. Postponements are not historical data and do
 * not excuse a late follow-up here. n is the number of cases with a follow-up held in the period.
 */
export function compliance(
  measures: readonly MeasureHistory[],
  policy: FollowUpPolicy,
  period: Period,
): ComplianceRow[] {
  checkPeriod(period);
  const judged = measures
    .filter((m) => m.measureType !== 'investigation')
    .flatMap((m) =>
      complianceOfHistory(m.measureType, m.start, m.held, policy, m.cadence, m.investigationEnd)
        .filter((c) => within(c.heldOn, period))
        .map((c) => ({ ...c, caseId: m.caseId, category: categoryOf(m.measureType) })),
    );
  const figures = (rows: typeof judged): ComplianceFigures => {
    const cases = new Set(rows.map((r) => r.caseId));
    return guard(cases.size, () => {
      const onTimePolicy = rows.filter((r) => r.onTimePolicy).length;
      const legal = rows.filter((r) => r.onTimeLegal !== null);
      const onTimeLegal = legal.filter((r) => r.onTimeLegal).length;
      return {
        held: rows.length,
        onTimePolicy,
        policyShare: percent(onTimePolicy, rows.length),
        legalBase: legal.length,
        onTimeLegal,
        legalShare: percent(onTimeLegal, legal.length),
      };
    });
  };
  return [
    ...FOLLOW_UP_CATEGORIES.map((category) => ({
      category,
      figures: figures(judged.filter((j) => j.category === category)),
    })),
    { category: 'all' as const, figures: figures(judged) },
  ];
}
