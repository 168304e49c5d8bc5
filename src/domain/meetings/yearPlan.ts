/**
 * Proposing a team's meeting dates for a school year. The coordinator
 * edits and confirms the proposal; nothing here is stored.
 */
import { DEFAULT_TIME_ZONE, isWorkingDay, parseHhMm, zonedInstant, type CalendarOptions } from '../calendar';
import { addDays, daysBetween, isLocalDate, isoWeekday, maxDate, type LocalDate } from '../localDate';
import { isSchoolHoliday, type SchoolHoliday, type SchoolYear } from './schoolYear';

export interface YearPlanRequest {
  schoolYear: SchoolYear;
  /** Meetings to propose: the team's minimum (institutions.ts minimumMeetingsPerYear). */
  minimum: number;
  /** ISO weekday, 1 = Monday … 5 = Friday (6 and 7 are refused: meetings are on working days). */
  weekday: number;
  /** 'HH:mm' local time. */
  startTime: string;
  durationMinutes: number;
  schoolHolidays: readonly SchoolHoliday[];
  calendarOptions?: CalendarOptions;
  /** Plan only from this day (a team set up mid-year, or re-planning the rest of the year). */
  from?: LocalDate;
  timeZone?: string;
}

export interface ProposedMeeting {
  date: LocalDate;
  start: Date;
  end: Date;
}

export interface YearPlanProposal {
  meetings: ProposedMeeting[];
  /** Meetings the period cannot hold (too few free weekdays left); 0 when the minimum fits. */
  shortBy: number;
}

function check(req: YearPlanRequest): void {
  const { minimum, weekday, durationMinutes, from } = req;
  if (!Number.isInteger(minimum) || minimum < 1 || minimum > 53) {
    throw new Error(`Minimum must be a whole number of meetings from 1 to 53, got ${minimum}`);
  }
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 5) {
    throw new Error(`Weekday must be 1 (Monday) to 5 (Friday), got ${weekday}`);
  }
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > 12 * 60) {
    throw new Error(`Duration must be 1 to 720 minutes, got ${durationMinutes}`);
  }
  parseHhMm(req.startTime);
  if (from !== undefined && !isLocalDate(from)) throw new Error(`Not a date (YYYY-MM-DD): ${from}`);
}

/** Days of the chosen weekday in [first, last] that are working days outside school holidays. */
function allowedDays(req: YearPlanRequest, first: LocalDate, last: LocalDate): LocalDate[] {
  const days: LocalDate[] = [];
  let d = addDays(first, (req.weekday - isoWeekday(first) + 7) % 7);
  for (; d <= last; d = addDays(d, 7)) {
    if (isWorkingDay(d, req.calendarOptions) && !isSchoolHoliday(d, req.schoolHolidays)) days.push(d);
  }
  return days;
}

/**
 * Picks `n` of the sorted `days`, in order, minimising the total distance to the targets; on a tie
 * the earlier day wins. When each target's nearest allowed day is free this is exactly "the nearest
 * allowed day"; when two targets would share a day (a long holiday), the exact optimum shifts one of
 * them to a neighbour instead of dropping a meeting. Dynamic programming over at most 53 × 53 cells.
 */
function pickNearest(days: readonly LocalDate[], targets: readonly LocalDate[]): LocalDate[] {
  const n = targets.length;
  const m = days.length;
  // Scaled so distance always dominates; the +1 for a later day only breaks ties.
  const cost = (i: number, j: number): number => {
    const diff = daysBetween(targets[i]!, days[j]!);
    return Math.abs(diff) * (n + 1) + (diff > 0 ? 1 : 0);
  };
  // best[i][j]: least cost of placing targets i..n-1 on days j..m-1.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  best[n]!.fill(0);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      best[i]![j] = Math.min(best[i]![j + 1]!, cost(i, j) + best[i + 1]![j + 1]!);
    }
  }
  const picked: LocalDate[] = [];
  for (let i = 0, j = 0; i < n; j++) {
    // Take day j for target i if that is on an optimal path; else skip the day.
    if (cost(i, j) + best[i + 1]![j + 1]! === best[i]![j]) {
      picked.push(days[j]!);
      i++;
    }
  }
  return picked;
}

/**
 * Proposes `minimum` dates spread evenly over the school year (or from `from` to its end).
 *
 * Spreading: the allowed days are the chosen weekday on working days (no weekend, public holiday
 * or closed day) outside school holidays; one weekday a week means never two meetings in one week.
 * The period from the first to the last allowed day — so the summer holiday at either end does not
 * count — is cut into `minimum` equal slots, and each slot's target is its middle day
 * (first + (i + ½)·D/minimum, rounded down), so meetings are about D/minimum days apart with half
 * that at each end. Each target then gets the nearest allowed day (see pickNearest).
 */
export function proposeYearPlan(req: YearPlanRequest): YearPlanProposal {
  check(req);
  const { schoolYear: year, minimum } = req;
  const from = req.from === undefined ? year.start : maxDate(req.from, year.start);
  const tz = req.timeZone ?? DEFAULT_TIME_ZONE;
  const days = from <= year.end ? allowedDays(req, from, year.end) : [];
  const count = Math.min(minimum, days.length);
  const first = days[0];
  const last = days[days.length - 1];
  const span = first !== undefined && last !== undefined ? daysBetween(first, last) + 1 : 0;
  const targets = Array.from({ length: count }, (_, i) =>
    addDays(first!, Math.floor(((2 * i + 1) * span) / (2 * count))),
  );
  const meetings = pickNearest(days, targets).map((date) => {
    const start = zonedInstant(date, req.startTime, tz);
    return { date, start, end: new Date(start.getTime() + req.durationMinutes * 60_000) };
  });
  return { meetings, shortBy: minimum - meetings.length };
}
