/** What the meeting services share: team roles, who may change a meeting, the school calendar. */
import { isWorkingDay, localDateOf, zonedInstant } from '../../domain/calendar';
import { findCpr } from '../../domain/cpr';
import { minimumMeetingsPerYear } from '../../domain/institutions';
import type { LocalDate } from '../../domain/localDate';
import {
  defaultSchoolHolidays,
  schoolHolidayOn,
  type SchoolHoliday,
  type SchoolYear,
} from '../../domain/meetings/schoolYear';
import type { MeetingTeamRow } from '../../store/teamsRepo';
import type { MeetingRow } from '../../store/meetingsRepo';
import type { TenantStore } from '../../store/store';
import type { StaffRow } from '../../store/types';
import type { RefusalParams } from '../../domain/refusals';
import type { MunicipalityContext } from '../municipalityContext';

export type TeamRole = 'coordinator' | 'member';

/** The caller's role in one team, from the team's own membership (a coordinator of one team is not of all). */
export async function teamRole(t: TenantStore, staff: StaffRow, teamId: string): Promise<TeamRole | null> {
  const member = (await t.teams.members(teamId)).find((m) => m.staff_id === staff.id);
  if (!member) return null;
  return member.is_coordinator ? 'coordinator' : 'member';
}

/** Who may move or cancel a meeting: a coordinator of its team, or whoever called it. */
export async function mayChangeMeeting(
  t: TenantStore,
  staff: StaffRow,
  meeting: Pick<MeetingRow, 'organizer_staff_id' | 'team_id'>,
): Promise<boolean> {
  return (
    meeting.organizer_staff_id === staff.id || (await teamRole(t, staff, meeting.team_id)) === 'coordinator'
  );
}

export function minimumFor(team: Pick<MeetingTeamRow, 'institution_type'>): number {
  return minimumMeetingsPerYear(team.institution_type);
}

/** The municipality's own school holidays, else the common Danish pattern for that school year. */
export function schoolHolidaysFor(m: MunicipalityContext, year: SchoolYear): SchoolHoliday[] {
  return m.settings.schoolHolidays ?? defaultSchoolHolidays(year);
}

/**
 * Why a date cannot hold a team meeting (weekend, public holiday, closed day, school holiday), or
 * null when it can. Meetings bring school and daycare staff together, so school holidays are out.
 */
export function unusableDay(
  date: LocalDate,
  holidays: readonly SchoolHoliday[],
): RefusalParams['unusableDay'] | null {
  if (!isWorkingDay(date)) return { date, holiday: null };
  const h = schoolHolidayOn(date, holidays);
  return h ? { date, holiday: h.name } : null;
}

/** 'HH:mm' on `date` in the municipality's zone. */
export function instantOf(m: MunicipalityContext, date: LocalDate, time: string): Date {
  return zonedInstant(date, time, m.settings.timeZone);
}

export function todayOf(m: MunicipalityContext, now: Date): LocalDate {
  return localDateOf(now, m.settings.timeZone);
}

/** Card fields that hold ids or choices, not typed text; everything else is checked for CPR numbers. */
const NOT_TYPED = new Set(['verb', 'teamId', 'meetingId', 'participants', 'format', 'answer', 'sequence']);

/**
 * The first typed field of a card submission that holds a CPR-looking value. Checked before any
 * other rule so that such a value is refused whatever else is wrong, and never reaches the store.
 */
export function cprField(data: unknown): string | null {
  if (!data || typeof data !== 'object') return null;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (NOT_TYPED.has(key)) continue;
    if (typeof value === 'string' && findCpr(value) !== null) return key;
  }
  return null;
}
