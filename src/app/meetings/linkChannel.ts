/**
 * `tilknyt <team>` typed in a Teams channel: the team's summaries and warnings go
 * to that channel from then on. Only a coordinator of that team may link it.
 */
import type { MeetingTeamRow } from '../../store/teamsRepo';
import type { TenantStore } from '../../store/store';
import type { StaffRow } from '../../store/types';
import { ActionResult, fail, ok, teamRole } from './common';

export async function linkChannel(
  t: TenantStore,
  staff: StaffRow,
  teamName: string,
  channel: { conversationId: string; reference: Record<string, unknown> },
): Promise<ActionResult<MeetingTeamRow>> {
  const team = await t.teams.byName(teamName);
  if (!team) {
    const names = (await t.teams.of(staff.id)).filter((x) => x.is_coordinator).map((x) => x.name);
    const list = names.length ? names.join(', ') : '–';
    return fail(
      `Jeg kender ikke teamet "${teamName}". Dine teams: ${list}.`,
      `I do not know the team "${teamName}". Your teams: ${list}.`,
    );
  }
  if ((await teamRole(t, staff, team.id)) !== 'coordinator') {
    return fail(
      `Kun tovholderen for ${team.name} kan tilknytte teamet en kanal.`,
      `Only the coordinator of ${team.name} can link the team to a channel.`,
    );
  }
  await t.conversations.save({
    conversationId: channel.conversationId,
    kind: 'channel',
    staffId: null,
    teamId: team.id,
    reference: channel.reference,
  });
  await t.audit.write('link', 'team_channel', team.id, { conversationId: channel.conversationId });
  return ok(team);
}
