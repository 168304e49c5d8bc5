import { complianceOfHistory, dueButNotHeld } from '../followup';
import type { LocalDate } from '../localDate';
import type { FollowUpPolicy } from '../policy';
import { guard, suppressComplementaryGroups, SUPPRESSED, type Disclosure, type Guarded } from './suppression';
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
  /** Follow-ups whose policy date fell in the period and passed with none held: not on time. */
  missedPolicy: number;
  onTimePolicy: number;
  /** On time against the municipality's policy, of held + missed, per cent. */
  policyShare: number | null;
  /** Follow-ups the law set a date for: held ones with a legal date, and missed legal dates. */
  legalBase: number;
  missedLegal: number;
  onTimeLegal: number;
  legalShare: number | null;
}>;

export interface ComplianceRow {
  category: FollowUpCategory | 'all';
  figures: ComplianceFigures;
}

interface Judged {
  caseId: string;
  category: FollowUpCategory;
  /** Null: there was no such date (the law sets none for a non-placement after the first). */
  onTimePolicy: boolean | null;
  onTimeLegal: boolean | null;
  missed: boolean;
}

/**
 * Compliance (docs/domain-rules.md; the figure seed 004 says the evaluation could not compute): of the follow-ups
 * due in the period, the share held on or before the date the municipality's policy gave, and the
 * share held on or before the legal date. Each follow-up held in the period is judged against the
 * date that applied when it fell due (counted from the one before it), under the law of that time
 * (SEL § 70 before 2024, Barnets Lov after: `dueUnderLawOfItsTime`); a follow-up whose date fell in
 * the period and passed with none held by the period's end (or today) counts as not on time.
 * Postponements are not historical data and do not excuse a late follow-up here. n is the number of
 * cases judged; a hidden category is kept from being read off "all" (complementary suppression).
 */
export function compliance(
  measures: readonly MeasureHistory[],
  policy: FollowUpPolicy,
  period: Period,
  today: LocalDate,
  d: Disclosure = SUPPRESSED,
): ComplianceRow[] {
  checkPeriod(period);
  const judged: Judged[] = [];
  for (const m of measures) {
    if (m.measureType === 'investigation') continue;
    const base = { caseId: m.caseId, category: categoryOf(m.measureType) as FollowUpCategory };
    for (const c of complianceOfHistory(m, policy)) {
      if (within(c.heldOn, period))
        judged.push({ ...base, onTimePolicy: c.onTimePolicy, onTimeLegal: c.onTimeLegal, missed: false });
    }
    const open = dueButNotHeld(m, policy, period.to, today);
    const inPeriod = (d: LocalDate | null) => d !== null && d >= period.from;
    if (inPeriod(open.policyDue) || inPeriod(open.legalDue)) {
      judged.push({
        ...base,
        onTimePolicy: inPeriod(open.policyDue) ? false : null,
        onTimeLegal: inPeriod(open.legalDue) ? false : null,
        missed: true,
      });
    }
  }
  const figures = (rows: Judged[]): ComplianceFigures => {
    const cases = new Set(rows.map((r) => r.caseId));
    return guard(
      cases.size,
      () => {
        const policyRows = rows.filter((r) => r.onTimePolicy !== null);
        const legalRows = rows.filter((r) => r.onTimeLegal !== null);
        const onTimePolicy = policyRows.filter((r) => r.onTimePolicy).length;
        const onTimeLegal = legalRows.filter((r) => r.onTimeLegal).length;
        return {
          held: rows.filter((r) => !r.missed).length,
          missedPolicy: policyRows.filter((r) => r.missed).length,
          onTimePolicy,
          policyShare: percent(onTimePolicy, policyRows.length),
          legalBase: legalRows.length,
          missedLegal: legalRows.filter((r) => r.missed).length,
          onTimeLegal,
          legalShare: percent(onTimeLegal, legalRows.length),
        };
      },
      d,
    );
  };
  const { parts, total } = suppressComplementaryGroups(
    FOLLOW_UP_CATEGORIES.map((category) => figures(judged.filter((j) => j.category === category))),
    figures(judged),
    d,
  );
  return [
    ...FOLLOW_UP_CATEGORIES.map((category, i) => ({ category, figures: parts[i]! })),
    { category: 'all' as const, figures: total },
  ];
}
