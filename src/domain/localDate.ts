/**
 * Calendar dates are plain `YYYY-MM-DD` strings: a follow-up is due on a day, not an instant, and a
 * string cannot drift across a time-zone boundary the way a Date at midnight can.
 */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export function parseLocalDate(s: string): Date {
  if (!isLocalDate(s)) throw new Error(`Not a date (YYYY-MM-DD): ${s}`);
  return new Date(`${s}T00:00:00Z`);
}

export function toLocalDate(d: Date): LocalDate {
  return d.toISOString().slice(0, 10);
}

export interface Duration {
  days?: number;
  weeks?: number;
  months?: number;
}

/**
 * Results of `addDuration`, which a planning pass asks for the same few cadences from the same few
 * hundred days tens of thousands of times (docs/performance.md "Planning costs what is due").
 */
const sums = new Map<string, LocalDate>();
const MAX_CACHED_SUMS = 100_000;

/** Adds a duration; month arithmetic clamps to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addDuration(date: LocalDate, dur: Duration, sign: 1 | -1 = 1): LocalDate {
  const key = `${date}|${sign * (dur.months ?? 0)}|${sign * ((dur.days ?? 0) + 7 * (dur.weeks ?? 0))}`;
  let sum = sums.get(key);
  if (sum === undefined) {
    sum = computeDuration(date, dur, sign);
    if (sums.size < MAX_CACHED_SUMS) sums.set(key, sum);
  }
  return sum;
}

function computeDuration(date: LocalDate, dur: Duration, sign: 1 | -1): LocalDate {
  const d = parseLocalDate(date);
  if (dur.months) {
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + sign * dur.months);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  }
  const days = (dur.days ?? 0) + 7 * (dur.weeks ?? 0);
  if (days) d.setUTCDate(d.getUTCDate() + sign * days);
  return toLocalDate(d);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return addDuration(date, { days });
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((parseLocalDate(to).getTime() - parseLocalDate(from).getTime()) / 86_400_000);
}

export function minDate(...dates: LocalDate[]): LocalDate {
  return dates.reduce((a, b) => (b < a ? b : a));
}

export function maxDate(...dates: LocalDate[]): LocalDate {
  return dates.reduce((a, b) => (b > a ? b : a));
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const wd = parseLocalDate(date).getUTCDay();
  return wd === 0 ? 7 : wd;
}
