/**
 * Frequency compliance of one team in one school year (docs/domain-rules.md: minimum meetings a year by institution
 * type). Drives the coordinator's warning cards and the leader's monthly overview.
 */
import { daysBetween, isLocalDate, type LocalDate } from '../localDate';
import { inSchoolYear, type SchoolYear } from './schoolYear';

export interface FrequencyInput {
  minimum: number;
  /** Dates of meetings registered as held. */
  held: readonly LocalDate[];
  /** Dates of meetings scheduled and not cancelled, not (yet) registered as held. */
  planned: readonly LocalDate[];
  schoolYear: SchoolYear;
  today: LocalDate;
}

export interface FrequencyStatus {
  minimum: number;
  /** Held meetings inside the school year. */
  held: number;
  /** Planned meetings from today to the end of the school year. */
  planned: number;
  /**
   * Planned meetings whose date has passed without being registered as held. They no longer count
   * towards the plan — a past date cannot be held — but the card asks the coordinator to register
   * them, since usually the meeting did take place.
   */
  unregistered: number;
  /** minimum − held − planned, never below 0: meetings still to be scheduled. */
  planShortBy: number;
  /** Days of the school year before today (0 before it starts, all of them after it ends). */
  elapsedDays: number;
  /** Days in the school year (365 or 366). */
  totalDays: number;
  /** ⌊minimum × elapsedDays / totalDays⌋: meetings a team on an even pace has held by today. */
  expectedByNow: number;
  /** held < expectedByNow. */
  behindPace: boolean;
  /** expectedByNow − held, never below 0. */
  behindBy: number;
}

/**
 * Pace is pro rata over calendar days, rounded down so a team is only "behind" once a whole
 * meeting is overdue: with 10 a year, expectedByNow becomes 1 once 37 days have passed (on 7
 * September for a 1 August start). Days *before* today count, as today's meeting may not be held yet.
 */
export function frequencyStatus(input: FrequencyInput): FrequencyStatus {
  const { minimum, schoolYear: year, today } = input;
  if (!Number.isInteger(minimum) || minimum < 0)
    throw new Error(`Minimum must be a whole number ≥ 0, got ${minimum}`);
  for (const d of [today, ...input.held, ...input.planned]) {
    if (!isLocalDate(d)) throw new Error(`Not a date (YYYY-MM-DD): ${d}`);
  }
  // Meetings of other school years are ignored, so callers may pass a team's whole history.
  const held = input.held.filter((d) => inSchoolYear(d, year)).length;
  const plannedInYear = input.planned.filter((d) => inSchoolYear(d, year));
  const planned = plannedInYear.filter((d) => d >= today).length;
  const totalDays = daysBetween(year.start, year.end) + 1;
  const elapsedDays = Math.min(totalDays, Math.max(0, daysBetween(year.start, today)));
  // Integer division: minimum × elapsedDays is exact, so no floating-point edge at whole numbers.
  const product = minimum * elapsedDays;
  const expectedByNow = (product - (product % totalDays)) / totalDays;
  return {
    minimum,
    held,
    planned,
    unregistered: plannedInYear.length - planned,
    planShortBy: Math.max(0, minimum - held - planned),
    elapsedDays,
    totalDays,
    expectedByNow,
    behindPace: held < expectedByNow,
    behindBy: Math.max(0, expectedByNow - held),
  };
}

/** Whether the coordinator should get a warning card. */
export function needsFrequencyWarning(status: FrequencyStatus): boolean {
  return status.planShortBy > 0 || status.behindPace;
}
