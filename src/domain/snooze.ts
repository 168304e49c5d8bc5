/**
 * Snoozing a single reminder (docs/domain-rules.md, "Reminders": a user may snooze a single reminder with a
 * reason). A snooze silences the adviser's reminders about one deadline for a few working days; it
 * never moves the deadline itself (that is a postponement), never silences the leader's escalation,
 * and never hides the due-day reminder of a deadline that has not yet fallen due.
 */
import { addWorkingDays, type CalendarOptions } from './calendar';
import { dueDayReminderDate } from './reminders';
import type { LocalDate } from './localDate';

/** Working days a reminder may be snoozed for, as the card offers them. */
export const SNOOZE_WORKING_DAYS = [1, 2, 5] as const;
export type SnoozeWorkingDays = (typeof SNOOZE_WORKING_DAYS)[number];

/** The reminders of one deadline: its kind, measure and due date, as the reminder keys begin. */
export function snoozeSubject(d: { kind: string; measureId: string; due: LocalDate }): string {
  return `${d.kind}:${d.measureId}:${d.due}`;
}

/**
 * The first day reminders come again. Before the deadline's due-day reminder, a snooze ends on that
 * day at the latest (`clamped`), so the adviser is still told on the day it falls due.
 */
export function snoozeUntil(
  today: LocalDate,
  workingDays: SnoozeWorkingDays,
  due: LocalDate,
  cal?: CalendarOptions,
): { until: LocalDate; clamped: boolean } {
  const until = addWorkingDays(today, workingDays, cal);
  const dueDay = dueDayReminderDate(due, cal);
  if (today < dueDay && until > dueDay) return { until: dueDay, clamped: true };
  return { until, clamped: false };
}

/** Whether a reminder on `today` is silenced by a snooze lasting until `until` (exclusive). */
export function isSnoozed(until: LocalDate | undefined, today: LocalDate): boolean {
  return until !== undefined && today < until;
}
