/**
 * `tilknyt <team>` typed in a Teams channel: the team's summaries and warnings go
 * to that channel from then on. Only a coordinator of that team may link it.
 */
import type { MeetingTeamRow } from '../../store/teamsRepo';
import type { TenantStore } from '../../store/store';
import type { StaffRow } from '../../store/types';
import { ok, refuse, type Result } from '../../domain/result';
import { teamRole } from './common';

export async function linkChannel(
  t: TenantStore,
  staff: StaffRow,
  teamName: string,
  channel: { conversationId: string; reference: Record<string, unknown> },
): Promise<Result<MeetingTeamRow>> {
  const team = await t.teams.byName(teamName);
  if (!team) {
    const yourTeams = (await t.teams.of(staff.id)).filter((x) => x.is_coordinator).map((x) => x.name);
    return refuse('unknownTeam', { params: { name: teamName, yourTeams } });
  }
  if ((await teamRole(t, staff, team.id)) !== 'coordinator') {
    return refuse('linkNeedsCoordinator', { params: { team: team.name } });
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
