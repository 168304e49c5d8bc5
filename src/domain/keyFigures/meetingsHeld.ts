import { minimumMeetingsPerYear, type InstitutionType } from '../institutions';
import { daysBetween } from '../localDate';
import { round1 } from './numbers';
import { checkPeriod, type Period } from './history';

export interface TeamMeetingCount {
  teamId: string;
  teamName: string;
  institutionType: InstitutionType;
  held: number;
  heldTheme: number;
  heldChild: number;
}

export interface TeamMeetingFigures extends TeamMeetingCount {
  minimumPerYear: number;
  /** The yearly minimum pro rata for the period; exactly the minimum for a (school) year. */
  expected: number;
  met: boolean;
}

/** A meeting counts as held once it has ended, unless it was cancelled (the scheduler marks it late). */
export function meetingCountsAsHeld(
  status: 'scheduled' | 'held' | 'cancelled',
  endsAt: Date,
  now: Date,
): boolean {
  return status === 'held' || (status === 'scheduled' && endsAt.getTime() <= now.getTime());
}

/**
 * Meetings held per team against the model's minimum a year (6 for daycare and primary school, 10 for
 * lower-secondary school; seeds 000, 001). For a period other than a year the minimum is taken pro rata
 * by days (365.25 a year) to one decimal, so a school year of 365 or 366 days expects the minimum
 * itself. Meetings are counts of events, not people: nothing is suppressed.
 */
export function meetingsAgainstMinimum(
  teams: readonly TeamMeetingCount[],
  period: Period,
): TeamMeetingFigures[] {
  checkPeriod(period);
  const days = daysBetween(period.from, period.to) + 1;
  return teams.map((t) => {
    const minimumPerYear = minimumMeetingsPerYear(t.institutionType);
    const expected = round1((minimumPerYear * days) / 365.25);
    return { ...t, minimumPerYear, expected, met: t.held >= expected };
  });
}
