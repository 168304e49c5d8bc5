import { investigationDeadline, nextFollowUpDue } from '../domain/followup';
import type { FollowUpPolicy } from '../domain/policy';
import type { Deadline } from '../domain/reminders';
import type { LocalDate } from '../domain/localDate';
import type { TenantStore } from '../store/store';
import type { MeasureWithHistory } from '../store/measuresRepo';

export interface MeasureDeadline extends Deadline {
  measureType: MeasureWithHistory['measure_type'];
  childInitials: string | null;
  /** The latest date the law allows, when the law sets one. */
  legalDue: LocalDate | null;
  /** True when no follow-up has been held yet: registering it asks for the cadence (§ 95 stk. 3). */
  first: boolean;
}

/**
 * The one current deadline of a measure: its next follow-up (by policy, clamped by law, or as
 * postponed), an investigation's 4-month limit, or a running § 30 course's end date.
 */
export function deadlineOfMeasure(
  m: MeasureWithHistory,
  policy: FollowUpPolicy,
  today: LocalDate,
): MeasureDeadline | null {
  const base = {
    measureId: m.id,
    caseId: m.case_id,
    caseRef: m.case_ref,
    adviserId: m.adviser_id,
    leaderId: m.leader_id,
    measureType: m.measure_type,
    childInitials: m.child_initials,
  };
  if (m.measure_type === 'investigation') {
    if (m.end) return null; // finished
    const due = investigationDeadline(m.start);
    return { ...base, kind: 'investigation', due, legalDue: due, first: false };
  }
  if (m.end && m.end < today) return null;
  const next = nextFollowUpDue({
    measureType: m.measure_type,
    start: m.start,
    end: m.end,
    held: m.held,
    policy,
    cadence: m.cadence,
    postponedTo: m.postponed_to,
  });
  if (next)
    return { ...base, kind: 'followup', due: next.due, legalDue: next.legalDue, first: m.held.length === 0 };
  if (m.measure_type === 'early_help' && m.end) {
    return { ...base, kind: 'early_help_end', due: m.end, legalDue: null, first: false };
  }
  return null;
}

/** Every current deadline of an adviser's open cases (or of all open cases), soonest first. */
export async function openDeadlines(
  t: TenantStore,
  policy: FollowUpPolicy,
  opts: { adviserId?: string; today: LocalDate },
): Promise<MeasureDeadline[]> {
  const rows = await t.measures.openWithHistory(opts.adviserId);
  return rows
    .map((m) => deadlineOfMeasure(m, policy, opts.today))
    .filter((d): d is MeasureDeadline => d !== null)
    .sort((a, b) => a.due.localeCompare(b.due) || a.caseRef.localeCompare(b.caseRef));
}
