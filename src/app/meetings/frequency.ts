/** A team's school year: its meetings and how they stand against the model's minimum. */
import { frequencyStatus, type FrequencyStatus } from '../../domain/meetings/frequency';
import { schoolYearOf, type SchoolYear } from '../../domain/meetings/schoolYear';
import type { MeetingRow } from '../../store/meetingsRepo';
import type { MeetingTeamRow } from '../../store/teamsRepo';
import type { TenantStore } from '../../store/store';
import type { MunicipalityContext } from '../municipalityContext';
import { minimumFor, todayOf } from './common';

export interface TeamYear {
  team: MeetingTeamRow;
  year: SchoolYear;
  meetings: MeetingRow[];
  status: FrequencyStatus;
}

/**
 * A meeting counts as held once registered so, or once a scheduled meeting has ended: the pass that
 * registers ended meetings may not have run yet, and a meeting that took place must count.
 */
export function isHeld(meeting: MeetingRow, now: Date): boolean {
  return meeting.status === 'held' || (meeting.status === 'scheduled' && meeting.ends_at <= now);
}

export async function teamYear(
  t: TenantStore,
  m: MunicipalityContext,
  team: MeetingTeamRow,
  now: Date,
  year: SchoolYear = schoolYearOf(todayOf(m, now), m.settings.schoolYearStartMonthDay),
): Promise<TeamYear> {
  const meetings = await t.meetings.forTeam(team.id, year.start, year.end);
  const held = meetings.filter((x) => isHeld(x, now)).map((x) => x.date);
  const planned = meetings.filter((x) => x.status === 'scheduled' && !isHeld(x, now)).map((x) => x.date);
  const status = frequencyStatus({
    minimum: minimumFor(team),
    held,
    planned,
    schoolYear: year,
    today: todayOf(m, now),
  });
  return { team, year, meetings, status };
}
