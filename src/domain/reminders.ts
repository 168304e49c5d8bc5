import { addWorkingDays, CalendarOptions, isWorkingDay, workingDaysBetween } from './calendar';
import { LocalDate } from './localDate';

/** What a deadline is about: a follow-up, an investigation's 4 months, or a § 30 course's end. */
export type DeadlineKind = 'followup' | 'investigation' | 'early_help_end';

export interface Deadline {
  kind: DeadlineKind;
  /** The measure the deadline belongs to. */
  measureId: string;
  caseId: string;
  caseRef: string;
  due: LocalDate;
  adviserId: string;
  leaderId: string | null;
}

export const REMINDER_KINDS = ['upcoming', 'due', 'overdue', 'escalation'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ReminderPolicy {
  /** Working days before the due date an advance reminder is sent; default [10, 3]. */
  daysBefore: number[];
  /** Working days overdue after which the adviser's leader is told, once. */
  escalateAfterWorkingDays: number;
}

export interface PlannedReminder {
  kind: ReminderKind;
  recipientId: string;
  deadline: Deadline;
  /** For upcoming: the threshold it answers (10, 3); for overdue: working days overdue. */
  workingDays: number;
}

/** The working day a due-day reminder goes out: the due date, or the last working day before it. */
export function dueDayReminderDate(due: LocalDate, cal?: CalendarOptions): LocalDate {
  return isWorkingDay(due, cal) ? due : addWorkingDays(due, -1, cal);
}

/**
 * Which reminders are due on `today` for one deadline. Missed days (the bot was down) are caught up:
 * the latest advance threshold already reached is planned; the dedupe key stops repeats.
 * Nothing is planned on a day that is not a working day.
 */
export function remindersFor(
  d: Deadline,
  today: LocalDate,
  policy: ReminderPolicy,
  cal?: CalendarOptions,
): PlannedReminder[] {
  if (!isWorkingDay(today, cal)) return [];
  const dueDay = dueDayReminderDate(d.due, cal);
  const out: PlannedReminder[] = [];
  if (today < dueDay) {
    const reached = [...policy.daysBefore]
      .sort((a, b) => a - b)
      .find((n) => today >= addWorkingDays(dueDay, -n, cal));
    if (reached !== undefined) {
      out.push({
        kind: 'upcoming',
        recipientId: d.adviserId,
        deadline: d,
        workingDays: reached,
      });
    }
  } else if (today <= d.due) {
    out.push({
      kind: 'due',
      recipientId: d.adviserId,
      deadline: d,
      workingDays: 0,
    });
  } else {
    const late = workingDaysBetween(d.due, today, cal);
    out.push({
      kind: 'overdue',
      recipientId: d.adviserId,
      deadline: d,
      workingDays: late,
    });
    if (d.leaderId && late >= policy.escalateAfterWorkingDays) {
      out.push({
        kind: 'escalation',
        recipientId: d.leaderId,
        deadline: d,
        workingDays: late,
      });
    }
  }
  return out;
}

export interface DigestEntry {
  deadline: Deadline;
  status: 'upcoming' | 'due' | 'overdue';
  workingDays: number;
}

/** A digest user's day: everything due within the largest advance threshold, due today, or overdue. */
export function digestFor(
  deadlines: Deadline[],
  today: LocalDate,
  policy: ReminderPolicy,
  cal?: CalendarOptions,
): DigestEntry[] {
  if (!isWorkingDay(today, cal)) return [];
  const horizon = Math.max(0, ...policy.daysBefore);
  const entries: DigestEntry[] = [];
  for (const d of deadlines) {
    if (d.due < today)
      entries.push({ deadline: d, status: 'overdue', workingDays: workingDaysBetween(d.due, today, cal) });
    else if (today >= dueDayReminderDate(d.due, cal))
      entries.push({ deadline: d, status: 'due', workingDays: 0 });
    else {
      const ahead = workingDaysBetween(today, d.due, cal);
      if (ahead <= horizon) entries.push({ deadline: d, status: 'upcoming', workingDays: ahead });
    }
  }
  const rank = { overdue: 0, due: 1, upcoming: 2 } as const;
  return entries.sort(
    (a, b) => rank[a.status] - rank[b.status] || a.deadline.due.localeCompare(b.deadline.due),
  );
}

/**
 * The first day after `after` on which `remindersFor` can plan something it has not planned by
 * `after`: the next advance threshold, the due day, or, once due, every working day (the overdue
 * nag and the escalation). Lets the planner skip a deadline on the days in between
 * (docs/performance.md). With `after` null, the first day anything is planned at all.
 */
export function nextReminderDay(
  due: LocalDate,
  after: LocalDate | null,
  policy: ReminderPolicy,
  cal?: CalendarOptions,
): LocalDate {
  const dueDay = dueDayReminderDate(due, cal);
  const steps = [...policy.daysBefore.map((n) => addWorkingDays(dueDay, -n, cal)), dueDay];
  const ahead = steps.filter((d) => after === null || d > after).sort();
  if (ahead[0] !== undefined) return ahead[0];
  return addWorkingDays(after! > due ? after! : due, 1, cal);
}
