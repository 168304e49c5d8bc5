/**
 * School years and school holidays (docs/domain-rules.md, "Cross-disciplinary team meetings": a team's meetings are
 * planned over a school year, 1 Aug – 31 Jul unless the municipality configures another start).
 */
import { z } from 'zod';
import { addDays, daysBetween, isLocalDate, isoWeekday, type LocalDate } from '../localDate';
import { localDateField } from './fields';

export const DEFAULT_SCHOOL_YEAR_START = '08-01';

export interface SchoolYear {
  /** '2026/27' — how Danish schools name a year. */
  label: string;
  /** The calendar year the school year starts in. */
  startYear: number;
  start: LocalDate;
  /** Inclusive: the day before the next school year starts. */
  end: LocalDate;
}

function checkMonthDay(monthDay: string): void {
  // 2001 is not a leap year, so '02-29' is refused: a start must exist every year.
  if (!/^\d{2}-\d{2}$/.test(monthDay) || !isLocalDate(`2001-${monthDay}`)) {
    throw new Error(`School year start must be 'MM-DD' (not 02-29), got '${monthDay}'`);
  }
}

/** The school year starting in `startYear` on `startMonthDay` ('MM-DD', municipality setting). */
export function schoolYear(startYear: number, startMonthDay: string = DEFAULT_SCHOOL_YEAR_START): SchoolYear {
  if (!Number.isInteger(startYear) || startYear < 1900 || startYear > 9998) {
    throw new Error(`Not a year: ${startYear}`);
  }
  checkMonthDay(startMonthDay);
  const start = `${startYear}-${startMonthDay}`;
  const end = addDays(`${startYear + 1}-${startMonthDay}`, -1);
  const label = `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
  return { label, startYear, start, end };
}

/** The school year `date` falls in. */
export function schoolYearOf(date: LocalDate, startMonthDay: string = DEFAULT_SCHOOL_YEAR_START): SchoolYear {
  checkMonthDay(startMonthDay);
  if (!isLocalDate(date)) throw new Error(`Not a date (YYYY-MM-DD): ${date}`);
  const year = Number(date.slice(0, 4));
  return schoolYear(date.slice(5) >= startMonthDay ? year : year - 1, startMonthDay);
}

export function inSchoolYear(date: LocalDate, year: SchoolYear): boolean {
  return year.start <= date && date <= year.end;
}

export const SCHOOL_HOLIDAY_KINDS = ['autumn', 'christmas', 'winter', 'easter', 'summer', 'other'] as const;
export type SchoolHolidayKind = (typeof SCHOOL_HOLIDAY_KINDS)[number];

/** A municipality's school holiday: every day from `from` to `to` (both inclusive). */
export interface SchoolHoliday {
  kind?: SchoolHolidayKind;
  name: string;
  from: LocalDate;
  to: LocalDate;
}

// The longest Danish school holiday (summer) is about seven weeks; anything far longer is a typo
// (a wrong year) that would silently block months of meetings.
const MAX_HOLIDAY_DAYS = 100;

/** One holiday of a municipality's own list (admin configuration, JSON). */
export const schoolHolidaySchema = z
  .object({
    kind: z.enum(SCHOOL_HOLIDAY_KINDS).optional(),
    name: z.string().trim().min(1).max(80),
    from: localDateField,
    to: localDateField,
  })
  .superRefine((h, ctx) => {
    // Zod runs this even when a date above failed; daysBetween would throw on it.
    if (!isLocalDate(h.from) || !isLocalDate(h.to)) return;
    if (h.from > h.to) {
      ctx.addIssue({ code: 'custom', message: 'must not end before it starts', path: ['to'] });
    } else if (daysBetween(h.from, h.to) >= MAX_HOLIDAY_DAYS) {
      ctx.addIssue({
        code: 'custom',
        message: `must be shorter than ${MAX_HOLIDAY_DAYS} days`,
        path: ['to'],
      });
    }
  });

export const schoolHolidaysSchema = z.array(schoolHolidaySchema).max(100);

/** The school holiday `date` falls in, if any. */
export function schoolHolidayOn(
  date: LocalDate,
  holidays: readonly SchoolHoliday[],
): SchoolHoliday | undefined {
  return holidays.find((h) => h.from <= date && date <= h.to);
}

export function isSchoolHoliday(date: LocalDate, holidays: readonly SchoolHoliday[]): boolean {
  return schoolHolidayOn(date, holidays) !== undefined;
}

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Monday of ISO week `week` (week 1 is the week holding 4 January). */
function isoWeekMonday(year: number, week: number): LocalDate {
  const jan4 = `${year}-01-04`;
  return addDays(jan4, 1 - isoWeekday(jan4) + 7 * (week - 1));
}

/** A holiday week as schools announce it: the Saturday before through the Sunday of the week. */
function holidayWeek(kind: SchoolHolidayKind, name: string, year: number, week: number): SchoolHoliday {
  const monday = isoWeekMonday(year, week);
  return { kind, name, from: addDays(monday, -2), to: addDays(monday, 6) };
}

/**
 * The common Danish pattern, for a municipality that has not entered its own dates (its own list
 * replaces these). Checked against København's published calendar for 2026/27 and 2027/28, which
 * it matches except for Christmas:
 * - efterårsferie: ISO week 42, from the Saturday before to its Sunday;
 * - juleferie: 21 December to 2 January (schools vary by a day or two at either end — København
 *   2026/27 runs 19 December to 4 January);
 * - vinterferie: ISO week 7, from the Saturday before to its Sunday (a few use week 8);
 * - påskeferie: the Saturday before Palm Sunday to Easter Monday;
 * - sommerferie: the last Saturday of June to the sixth Sunday after it (44 days), so school
 *   starts on a Monday between 7 and 13 August and the first week of August is holiday.
 */
function holidaysOfCalendarYear(year: number): SchoolHoliday[] {
  const easter = easterSunday(year);
  const june30 = `${year}-06-30`;
  const summerStart = addDays(june30, -((isoWeekday(june30) + 1) % 7));
  return [
    holidayWeek('winter', 'Vinterferie', year, 7),
    { kind: 'easter', name: 'Påskeferie', from: addDays(easter, -8), to: addDays(easter, 1) },
    {
      kind: 'summer',
      name: 'Sommerferie',
      from: summerStart,
      to: addDays(summerStart, 43),
    },
    holidayWeek('autumn', 'Efterårsferie', year, 42),
    { kind: 'christmas', name: 'Juleferie', from: `${year}-12-21`, to: `${year + 1}-01-02` },
  ];
}

/**
 * Default school holidays touching `year`, in date order. Holidays that straddle the year's start
 * or end (summer) are returned whole, not clipped: the dates are the real holiday.
 */
export function defaultSchoolHolidays(year: SchoolYear): SchoolHoliday[] {
  const all: SchoolHoliday[] = [];
  for (let y = year.startYear - 1; y <= year.startYear + 1; y++) all.push(...holidaysOfCalendarYear(y));
  return all
    .filter((h) => h.to >= year.start && h.from <= year.end)
    .sort((a, b) => (a.from < b.from ? -1 : 1));
}
