/** `planlæg møde`: the scheduling card and its submission (issue 4 item 2). */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { scheduleCardInput, scheduleMeeting, toMeetingRequest } from '../../app/meetings/schedule';
import { teamRole } from '../../app/meetings/common';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { meetingFacts, scheduleFormCard, statusCard, teamChoiceCard } from '../../views/meetingCards';
import { HandlerDeps, KnownCaller, replaceCard, sendCard, today } from './deps';
import { answerFailure, dataOf, describeIssues, refuse, refusedForCpr } from './meetingsShared';

const teamRef = z.object({ teamId: z.string().uuid() });

async function sendForm(deps: HandlerDeps, context: TurnContext, caller: KnownCaller, teamId: string) {
  const t = caller.tenant;
  const team = await t.teams.get(teamId);
  const role = team ? await teamRole(t, caller.staff, teamId) : null;
  if (!team || !role) return refuse(context, caller, MEETING_TEXTS[caller.locale].noTeams);
  const members = await t.teams.members(teamId);
  const inTeam = new Set(members.map((m) => m.staff_id));
  const others = (await t.staff.list())
    .filter((s) => s.active && !inTeam.has(s.id))
    .slice(0, 60)
    .map((s) => ({ id: s.id, name: s.name, profession: s.profession }));
  await sendCard(
    context,
    scheduleFormCard({
      team,
      members,
      others,
      coordinator: role === 'coordinator',
      today: today(deps, caller),
      locale: caller.locale,
    }),
    MEETING_TEXTS[caller.locale].scheduleTitle,
  );
}

/** One team: its form at once; several: which team first. */
export async function scheduleCommand(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
): Promise<void> {
  const teams = await caller.tenant.teams.of(caller.staff.id);
  if (teams.length === 0) return refuse(context, caller, MEETING_TEXTS[caller.locale].noTeams);
  if (teams.length === 1) return sendForm(deps, context, caller, teams[0]!.id);
  await sendCard(context, teamChoiceCard(teams, 'meetingScheduleForm', caller.locale));
}

export async function scheduleForm(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
): Promise<void> {
  const parsed = teamRef.safeParse(data);
  if (!parsed.success) return refuse(context, caller, MEETING_TEXTS[caller.locale].noTeams);
  await sendForm(deps, context, caller, parsed.data.teamId);
}

export async function schedule(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
): Promise<void> {
  if (await refusedForCpr(context, caller, data)) return;
  const input = scheduleCardInput.safeParse(dataOf(data));
  if (!input.success) return refuse(context, caller, describeIssues(input.error, caller.locale));
  const request = toMeetingRequest(input.data);
  if (!request.success) return refuse(context, caller, describeIssues(request.error, caller.locale));
  const res = await scheduleMeeting(
    deps.store,
    caller.municipality,
    caller.staff,
    input.data.teamId,
    request.data,
    deps.clock.now(),
  );
  if (!res.ok) return answerFailure(context, caller, res);
  const t = MEETING_TEXTS[caller.locale];
  const { meeting, initialsNotice } = res.value;
  const team = await caller.tenant.teams.get(meeting.team_id);
  const participants = await caller.tenant.meetings.participants(meeting.id);
  const lines = [fill(t.scheduledLine, { n: participants.length })];
  if (initialsNotice) lines.push(`${t.initialsNotice}: ${initialsNotice[caller.locale]}`);
  await replaceCard(
    context,
    statusCard(t.scheduledTitle, {
      color: 'Good',
      lines,
      facts: meetingFacts(meeting, team?.name ?? '', caller.locale, { participants }),
    }),
  );
}
