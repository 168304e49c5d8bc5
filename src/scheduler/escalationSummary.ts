/**
 * The leader's escalations as one summary a working day instead of one card per case (docs/domain-rules.md
 * "Reminders"). A leader with one overdue deadline past the escalation limit gets that deadline's own
 * card, as before; with two or more, one table of them all, planned once a working day and updated in
 * place through the day as deadlines are met or postponed (a measure whose deadline changed comes
 * back through the planning pass, which recomputes its leader's summary). Self-contained: the follow-up
 * pass hands it the escalations it would have sent and the leaders whose measures it looked at.
 */
import { createHash } from 'node:crypto';
import { openDeadlines, type MeasureDeadline } from '../app/deadlines';
import { isWorkingDay, workingDaysBetween } from '../domain/calendar';
import type { ReminderPolicy } from '../domain/reminders';
import { cardActivity } from '../cards/render';
import { localeFrom } from '../i18n/locale';
import { TEXTS } from '../i18n/texts';
import { escalationSummaryCard } from '../views/escalationSummaryCard';
import { escalationSummarySubject, outboxKeys } from '../outbox/keys';
import type { StaffRow } from '../store/types';
import type { PassPlanner } from './passKit';

type Message = Parameters<PassPlanner['enqueueMany']>[0][number];

export const ESCALATION_SUMMARY_KIND = 'followup.escalationSummary';

/** A leader's deadlines past the escalation limit today, longest overdue first. */
export function escalatedFor(
  leaderId: string,
  all: readonly MeasureDeadline[],
  today: string,
  policy: ReminderPolicy,
): MeasureDeadline[] {
  return all
    .filter(
      (d) =>
        d.leaderId === leaderId &&
        d.due < today &&
        workingDaysBetween(d.due, today) >= policy.escalateAfterWorkingDays,
    )
    .sort((a, b) => a.due.localeCompare(b.due) || a.caseRef.localeCompare(b.caseRef));
}

/**
 * `singles`: today's single escalation cards by leader, as the follow-up pass built them; `touched`:
 * leaders whose advisers' deadlines the pass looked at (one may have been met).
 */
export async function planEscalations(
  p: PassPlanner,
  singles: ReadonlyMap<string, Message[]>,
  touched: ReadonlySet<string>,
  policy: ReminderPolicy,
): Promise<Message[]> {
  const { t, m, today } = p;
  if (!isWorkingDay(today)) return [...singles.values()].flat();
  const firstToday = await t.planning.markOnce('escalation-summaries', today);
  const staff = await t.staff.list();
  const byId = new Map(staff.map((s) => [s.id, s]));
  // Who may need a card now: every leader at the day's first pass, a leader with new escalations,
  // and a leader whose summary today may have changed. Others cost nothing.
  const withSummary = new Set<string>();
  for (const id of touched)
    if (await t.planning.isMarked(`escalation-summary:${id}`, today)) withSummary.add(id);
  const leaders = staff.filter(
    (s: StaffRow) =>
      s.active && s.roles.includes('leader') && (firstToday || singles.has(s.id) || withSummary.has(s.id)),
  );
  const out: Message[] = [];
  if (leaders.length === 0) return out;
  const all = await openDeadlines(t, m.policy, { today });
  for (const leader of leaders) {
    const escalated = escalatedFor(leader.id, all, today, policy);
    const mark = `escalation-summary:${leader.id}`;
    const hasSummary = withSummary.has(leader.id) || (await t.planning.isMarked(mark, today));
    if (!hasSummary && escalated.length <= 1) {
      out.push(...(singles.get(leader.id) ?? []));
      continue;
    }
    if (!hasSummary && !firstToday && !singles.has(leader.id)) continue;
    const notBefore = p.openWindow(leader);
    if (!notBefore) continue;
    const locale = localeFrom(leader.locale);
    const card = escalationSummaryCard({
      deadlines: escalated,
      adviserNames: new Map(escalated.map((d) => [d.adviserId, byId.get(d.adviserId)?.name ?? '–'])),
      locale,
      today,
    });
    const contents = createHash('sha256')
      .update(escalated.map((d) => `${d.measureId}:${d.kind}:${d.due}`).join(','))
      .digest('hex')
      .slice(0, 16);
    const replaceActivityId = hasSummary
      ? await t.outbox.lastActivity(escalationSummarySubject(leader.id, today), leader.id, [
          ESCALATION_SUMMARY_KIND,
        ])
      : null;
    await p.enqueue(
      outboxKeys.escalationSummary(leader.id, today, contents, p.now),
      ESCALATION_SUMMARY_KIND,
      { staffId: leader.id },
      {
        activity: cardActivity(card, TEXTS[locale].followUps.escalationSummaryTitle),
        ...(replaceActivityId ? { replaceActivityId } : {}),
      },
      notBefore,
    );
    await t.planning.markOnce(mark, today);
  }
  return out;
}
