/** `planlæg møde`: the scheduling card and its submission. */
import { z } from 'zod';
import { scheduleCardInput, scheduleMeeting, toMeetingRequest } from '../../app/meetings/schedule';
import { teamRole } from '../../app/meetings/common';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { meetingFacts, scheduleFormCard, statusCard, teamChoiceCard } from '../../views/meetingCards';
import {
  cardMessage,
  note,
  opened,
  refusalNotice,
  replace,
  type CardReply,
  type Message,
} from '../cardReply';
import { HandlerDeps, KnownCaller, today } from './deps';
import { cprRefusal, invalid, refusedMeetingCard } from './meetingsShared';

const teamRef = z.object({ teamId: z.string().uuid() });

/** The scheduling form of one team, or null when the caller is not in it. */
async function scheduleFormOf(deps: HandlerDeps, caller: KnownCaller, teamId: string) {
  const t = caller.tenant;
  const team = await t.teams.get(teamId);
  const role = team ? await teamRole(t, caller.staff, teamId) : null;
  if (!team || !role) return null;
  const members = await t.teams.members(teamId);
  const inTeam = new Set(members.map((m) => m.staff_id));
  const others = (await t.staff.list())
    .filter((s) => s.active && !inTeam.has(s.id))
    .slice(0, 60)
    .map((s) => ({ id: s.id, name: s.name, profession: s.profession }));
  return scheduleFormCard({
    team,
    members,
    others,
    coordinator: role === 'coordinator',
    today: today(deps, caller),
    locale: caller.locale,
  });
}

/** One team: its form at once; several: which team first. */
export async function scheduleCommand(deps: HandlerDeps, caller: KnownCaller): Promise<Message[]> {
  const t = MEETING_TEXTS[caller.locale];
  const teams = await caller.tenant.teams.of(caller.staff.id);
  if (teams.length === 1) {
    const form = await scheduleFormOf(deps, caller, teams[0]!.id);
    if (form) return [cardMessage(form, t.scheduleTitle)];
  }
  if (teams.length === 0) return [refusalNotice(t.noTeams, caller.locale)];
  return [cardMessage(teamChoiceCard(teams, 'meetingScheduleForm', caller.locale))];
}

/** "Planlæg møde" on a team's card or the team choice: the form below, that card kept. */
export async function scheduleForm(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const t = MEETING_TEXTS[caller.locale];
  const parsed = teamRef.safeParse(values);
  const form = parsed.success ? await scheduleFormOf(deps, caller, parsed.data.teamId) : null;
  return form ? opened(form, caller.locale, t.scheduleTitle) : note(t.noTeams);
}

export async function schedule(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const form = async () => scheduleFormOf(deps, caller, String(values.teamId ?? ''));
  const cpr = cprRefusal(values);
  if (cpr) return refusedMeetingCard(caller, values, cpr, await form());
  const input = scheduleCardInput.safeParse(values);
  if (!input.success) return refusedMeetingCard(caller, values, invalid(input.error), await form());
  const request = toMeetingRequest(input.data);
  if (!request.success) return refusedMeetingCard(caller, values, invalid(request.error), await form());
  const res = await scheduleMeeting(
    deps.store,
    caller.municipality,
    caller.staff,
    input.data.teamId,
    request.data,
    deps.clock.now(),
  );
  if (!res.ok) return refusedMeetingCard(caller, values, res, await form());
  const t = MEETING_TEXTS[caller.locale];
  const { meeting, initialsNotice } = res.value;
  const team = await caller.tenant.teams.get(meeting.team_id);
  const participants = await caller.tenant.meetings.participants(meeting.id);
  const lines = [fill(t.scheduledLine, { n: participants.length })];
  if (initialsNotice)
    lines.push(`${t.initialsNotice}: ${fill(t.initialsShared, { initials: initialsNotice.initials })}`);
  return replace(
    statusCard(t.scheduledTitle, {
      color: 'Accent',
      lines,
      facts: meetingFacts(meeting, team?.name ?? '', caller.locale, { participants }),
    }),
  );
}
