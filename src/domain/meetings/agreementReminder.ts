/**
 * The day an SoS agreement is reminded to its owner: its due date, or the working
 * day before when the due date is a weekend or holiday, so the owner hears of it in time.
 */
import { addWorkingDays, isWorkingDay, type CalendarOptions } from '../calendar';
import type { LocalDate } from '../localDate';

export function agreementReminderDate(due: LocalDate, opts?: CalendarOptions): LocalDate {
  return isWorkingDay(due, opts) ? due : addWorkingDays(due, -1, opts);
}

/**
 * Planned on its reminder day or later, but not after the due date has long passed: a scheduler
 * that was down a day still sends it, a months-old agreement is not dug up.
 */
export const AGREEMENT_REMINDER_GRACE_DAYS = 7;
