import { workingDaysBetween } from '../domain/calendar';
import type { LocalDate, Duration } from '../domain/localDate';
import type { MeasureDeadline } from '../app/deadlines';
import { Locale, formatDate, formatShortDate } from '../i18n/locale';
import { fill, TEXTS } from '../i18n/texts';

export type Status = 'overdue' | 'due' | 'upcoming';

export function statusOf(due: LocalDate, today: LocalDate): Status {
  return due < today ? 'overdue' : due === today ? 'due' : 'upcoming';
}

export const STATUS_COLOR: Record<Status, string> = {
  overdue: 'Attention',
  due: 'Attention',
  upcoming: 'Default',
};

export function statusText(due: LocalDate, today: LocalDate, locale: Locale): string {
  const t = TEXTS[locale].followUps;
  const s = statusOf(due, today);
  if (s === 'due') return t.dueToday;
  if (s === 'overdue')
    return `${t.overdue} · ${fill(t.workingDaysLate, { n: workingDaysBetween(due, today) })}`;
  return fill(t.workingDaysLeft, { n: workingDaysBetween(today, due) });
}

/** What the deadline is about, in the reader's language. */
export function deadlineLabel(d: MeasureDeadline, locale: Locale): string {
  const t = TEXTS[locale];
  if (d.kind === 'investigation') return `${t.followUps.investigation}`;
  if (d.kind === 'early_help_end') return `${t.followUps.courseEnds} – ${t.measureTypes.early_help}`;
  return t.measureTypes[d.measureType];
}

export function dueText(date: LocalDate, locale: Locale): string {
  return formatDate(date, locale);
}

export function shortDue(date: LocalDate, locale: Locale): string {
  return formatShortDate(date, locale);
}

export function durationText(d: Duration, locale: Locale): string {
  const u = TEXTS[locale].units;
  if (d.months) return fill(u.every, { n: d.months, unit: u.months });
  const weeks = (d.weeks ?? 0) + (d.days ?? 0) / 7;
  return fill(u.every, { n: weeks, unit: u.weeks });
}
