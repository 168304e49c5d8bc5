/**
 * Danish working calendar (docs/domain-rules.md, "Reminders": reminders only on working days, inside
 * working hours, never on Danish public holidays; escalation counts working days).
 */
import Holidays from 'date-holidays';
import { TZDate } from '@date-fns/tz';
import type { Clock } from './clock';
import { addDays, isoWeekday, parseLocalDate, type LocalDate } from './localDate';

export const DEFAULT_TIME_ZONE = 'Europe/Copenhagen';

/**
 * Not public holidays by law, but municipal offices are closed (overenskomst/local practice), so a
 * reminder sent then would go unread. 'MM-DD'; a municipality may override the list.
 */
export const DEFAULT_EXTRA_CLOSED_DAYS: readonly string[] = Object.freeze([
  '06-05', // Grundlovsdag
  '12-24', // Juleaftensdag
  '12-31', // Nytårsaftensdag
]);

export interface CalendarOptions {
  /** 'MM-DD' days closed every year on top of public holidays; defaults to DEFAULT_EXTRA_CLOSED_DAYS. */
  extraClosedDays?: readonly string[];
}

export interface Holiday {
  date: LocalDate;
  name: string;
}

export interface WorkingHours {
  start: string; // 'HH:mm'
  end: string; // 'HH:mm'
}

export const DEFAULT_WORKING_HOURS: Readonly<WorkingHours> = Object.freeze({ start: '08:00', end: '16:00' });

// date-holidays knows the moving feasts and that Lov nr. 145 af 28/02/2023 abolished Store Bededag
// from 2024; only 'public' entries are days off (1. maj, Grundlovsdag etc. are 'observance').
const dk = new Holidays('DK');
const holidayCache = new Map<number, { list: readonly Holiday[]; dates: ReadonlySet<LocalDate> }>();

function holidaysOf(year: number): { list: readonly Holiday[]; dates: ReadonlySet<LocalDate> } {
  let entry = holidayCache.get(year);
  if (!entry) {
    const list = dk
      .getHolidays(year, 'da')
      .filter((h) => h.type === 'public')
      .map((h) => Object.freeze({ date: h.date.slice(0, 10), name: h.name }));
    entry = { list: Object.freeze(list), dates: new Set(list.map((h) => h.date)) };
    holidayCache.set(year, entry);
  }
  return entry;
}

/** Danish public holidays of a year, in date order. Returns a fresh array (the cache is shared). */
export function danishHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year)) throw new Error(`Not a year: ${year}`);
  return holidaysOf(year).list.map((h) => ({ ...h }));
}

export function isPublicHoliday(date: LocalDate): boolean {
  return holidaysOf(parseLocalDate(date).getUTCFullYear()).dates.has(date);
}

const MM_DD = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function extraClosedDays(opts?: CalendarOptions): readonly string[] {
  const days = opts?.extraClosedDays ?? DEFAULT_EXTRA_CLOSED_DAYS;
  for (const d of days) if (!MM_DD.test(d)) throw new Error(`Extra closed day must be 'MM-DD', got '${d}'`);
  return days;
}

// The default calendar's answers, kept: a planning pass asks about the same few hundred days for
// thousands of deadlines (docs/performance.md).
const defaultWorkingDays = new Map<LocalDate, boolean>();
const MAX_CACHED_DAYS = 20_000;

/** Monday–Friday, not a public holiday and not an extra closed day. */
export function isWorkingDay(date: LocalDate, opts?: CalendarOptions): boolean {
  if (opts?.extraClosedDays === undefined) {
    const known = defaultWorkingDays.get(date);
    if (known !== undefined) return known;
  }
  const working =
    isoWeekday(date) <= 5 && !isPublicHoliday(date) && !extraClosedDays(opts).includes(date.slice(5));
  if (opts?.extraClosedDays === undefined && defaultWorkingDays.size < MAX_CACHED_DAYS)
    defaultWorkingDays.set(date, working);
  return working;
}

// Guards against a configuration that closes every day, which would otherwise loop forever.
const MAX_SEARCH_DAYS = 366;

const adjacentDays = new Map<string, LocalDate>();

/** The day before or after, kept like the working days: date arithmetic is most of a pass. */
function adjacentDay(date: LocalDate, step: 1 | -1): LocalDate {
  const key = step === 1 ? `${date}+` : `${date}-`;
  let d = adjacentDays.get(key);
  if (d === undefined) {
    d = addDays(date, step);
    if (adjacentDays.size < MAX_CACHED_DAYS) adjacentDays.set(key, d);
  }
  return d;
}

function stepToWorkingDay(date: LocalDate, step: 1 | -1, opts?: CalendarOptions): LocalDate {
  let d = date;
  for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
    d = adjacentDay(d, step);
    if (isWorkingDay(d, opts)) return d;
  }
  throw new Error(`No working day within ${MAX_SEARCH_DAYS} days of ${date}`);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: LocalDate, opts?: CalendarOptions): LocalDate {
  return stepToWorkingDay(date, 1, opts);
}

/**
 * Moves `n` working days from `date` (backwards if negative); `date` itself is not counted.
 * n = 0 returns `date` if it is a working day, else the next working day — so "due in 0 working
 * days" never lands on a closed day.
 */
export function addWorkingDays(date: LocalDate, n: number, opts?: CalendarOptions): LocalDate {
  if (!Number.isInteger(n)) throw new Error(`Working days must be an integer, got ${n}`);
  if (n === 0) return isWorkingDay(date, opts) ? date : nextWorkingDay(date, opts);
  const step = n > 0 ? 1 : -1;
  let d = date;
  for (let i = 0; i < Math.abs(n); i++) d = stepToWorkingDay(d, step, opts);
  return d;
}

/** Working days in (from, to]; negative (minus the count in (to, from]) when to < from. */
export function workingDaysBetween(from: LocalDate, to: LocalDate, opts?: CalendarOptions): number {
  parseLocalDate(from);
  parseLocalDate(to);
  if (to < from) return -workingDaysBetween(to, from, opts);
  let count = 0;
  for (let d = from; d < to;) {
    d = adjacentDay(d, 1);
    if (isWorkingDay(d, opts)) count++;
  }
  return count;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses a strict 24-hour 'HH:mm' (00:00–23:59). */
export function parseHhMm(s: string): { hours: number; minutes: number } {
  const m = HH_MM.exec(s);
  if (!m) throw new Error(`Time must be 'HH:mm' (00:00–23:59), got '${s}'`);
  return { hours: Number(m[1]), minutes: Number(m[2]) };
}

function minuteOfDay(s: string): number {
  const { hours, minutes } = parseHhMm(s);
  return hours * 60 + minutes;
}

function zoned(instant: Date, tz: string): TZDate {
  const z = new TZDate(instant.getTime(), tz);
  if (Number.isNaN(z.getTime())) throw new Error(`Invalid instant or time zone '${tz}'`);
  return z;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The calendar date of `instant` on the wall clock of `tz`. */
export function localDateOf(instant: Date, tz: string = DEFAULT_TIME_ZONE): LocalDate {
  const z = zoned(instant, tz);
  return `${String(z.getFullYear()).padStart(4, '0')}-${pad2(z.getMonth() + 1)}-${pad2(z.getDate())}`;
}

/** The wall-clock time 'HH:mm' of `instant` in `tz` (seconds truncated). */
export function localTimeOf(instant: Date, tz: string = DEFAULT_TIME_ZONE): string {
  const z = zoned(instant, tz);
  return `${pad2(z.getHours())}:${pad2(z.getMinutes())}`;
}

/** Today's date in `tz` according to `clock`. */
export function todayIn(clock: Clock, tz: string = DEFAULT_TIME_ZONE): LocalDate {
  return localDateOf(clock.now(), tz);
}

/**
 * The instant at which the wall clock in `tz` shows `date` `time`. A time in the spring-forward gap
 * (02:00–02:59 on the last Sunday of March) moves one hour later; an ambiguous fall-back time
 * resolves to the later (standard-time) occurrence. Both only happen on Sundays in Denmark.
 */
export function zonedInstant(date: LocalDate, time: string, tz: string = DEFAULT_TIME_ZONE): Date {
  const d = parseLocalDate(date);
  const { hours, minutes } = parseHhMm(time);
  const z = new TZDate(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hours, minutes, 0, tz);
  if (Number.isNaN(z.getTime())) throw new Error(`Invalid time zone '${tz}'`);
  return new Date(z.getTime());
}

function workingWindow(hours: WorkingHours): { start: number; end: number } {
  const start = minuteOfDay(hours.start);
  const end = minuteOfDay(hours.end);
  if (start >= end) throw new Error(`Working hours must start before they end: ${hours.start}–${hours.end}`);
  return { start, end };
}

/** On a working day in `tz` and start <= local time < end. */
export function isWithinWorkingTime(
  instant: Date,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
  tz: string = DEFAULT_TIME_ZONE,
  opts?: CalendarOptions,
): boolean {
  const { start, end } = workingWindow(hours);
  const now = minuteOfDay(localTimeOf(instant, tz));
  return isWorkingDay(localDateOf(instant, tz), opts) && start <= now && now < end;
}

/** `instant` (as a new Date) if within working time, else the start of the next working window. */
export function nextWorkingTime(
  instant: Date,
  hours: WorkingHours = DEFAULT_WORKING_HOURS,
  tz: string = DEFAULT_TIME_ZONE,
  opts?: CalendarOptions,
): Date {
  if (isWithinWorkingTime(instant, hours, tz, opts)) return new Date(instant.getTime());
  const date = localDateOf(instant, tz);
  const beforeStart = minuteOfDay(localTimeOf(instant, tz)) < minuteOfDay(hours.start);
  const day = beforeStart && isWorkingDay(date, opts) ? date : nextWorkingDay(date, opts);
  return zonedInstant(day, hours.start, tz);
}
