/** `planlæg møde`: which kind of meeting (for a coordinator), its form, and the submission. */
import { z } from 'zod';
import {
  scheduleCardInput,
  scheduleFormData,
  scheduleMeeting,
  toMeetingRequest,
} from '../../app/meetings/schedule';
import type { Refusal } from '../../domain/result';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import type { MeetingFormatId } from '../../store/meetingsRepo';
import {
  formatChoiceCard,
  meetingFacts,
  scheduleFormCard,
  statusCard,
  teamChoiceCard,
} from '../../views/meetingCards';
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

const formRef = z.object({
  teamId: z.string().uuid(),
  format: z.enum(['theme', 'child']).optional(),
});

/**
 * The first card for one team: a coordinator chooses the kind of meeting first (a theme meeting is
 * theirs to call), so each form shows only its own fields; anyone else goes straight to a child meeting.
 */
async function firstCardOf(
  deps: HandlerDeps,
  caller: KnownCaller,
  teamId: string,
  format?: MeetingFormatId,
  askInitialsCheck = false,
) {
  const data = await scheduleFormData(
    deps.store,
    caller.municipality,
    caller.staff,
    teamId,
    today(deps, caller),
  );
  if (!data) return null;
  if (!format && data.role === 'coordinator') return formatChoiceCard(data.team, caller.locale);
  return scheduleFormCard({
    ...data,
    format: data.role === 'coordinator' ? (format ?? 'child') : 'child',
    today: today(deps, caller),
    locale: caller.locale,
    askInitialsCheck,
  });
}

/** One team: its first card at once; several: which team first. */
export async function scheduleCommand(deps: HandlerDeps, caller: KnownCaller): Promise<Message[]> {
  const t = MEETING_TEXTS[caller.locale];
  const teams = await caller.tenant.teams.of(caller.staff.id);
  if (teams.length === 1) {
    const card = await firstCardOf(deps, caller, teams[0]!.id);
    if (card) return [cardMessage(card, t.scheduleTitle)];
  }
  if (teams.length === 0) return [refusalNotice(t.noTeams, caller.locale)];
  return [cardMessage(teamChoiceCard(teams, 'meetingScheduleForm', caller.locale))];
}

/**
 * "Planlæg møde" on a team's card or the team choice opens the first step below, that card kept; a
 * kind chosen on the step itself turns that card into the form.
 */
export async function scheduleForm(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const t = MEETING_TEXTS[caller.locale];
  const parsed = formRef.safeParse(values);
  if (!parsed.success) return note(t.noTeams);
  const card = await firstCardOf(deps, caller, parsed.data.teamId, parsed.data.format);
  if (!card) return note(t.noTeams);
  return parsed.data.format ? replace(card) : opened(card, caller.locale, t.scheduleTitle);
}

const asksInitialsCheck = (r: Refusal) => r.problems.some((p) => p.code === 'initialsOnOpenCase');

export async function schedule(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const format = values.format === 'theme' ? 'theme' : 'child';
  const form = async (r?: Refusal) =>
    firstCardOf(deps, caller, String(values.teamId ?? ''), format, r ? asksInitialsCheck(r) : false);
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
    { initialsChecked: input.data.initialsChecked ?? false },
  );
  if (!res.ok) return refusedMeetingCard(caller, values, res, await form(res));
  const t = MEETING_TEXTS[caller.locale];
  const { meeting } = res.value;
  const team = await caller.tenant.teams.get(meeting.team_id);
  const participants = await caller.tenant.meetings.participants(meeting.id);
  return replace(
    statusCard(t.scheduledTitle, {
      color: 'Accent',
      lines: [fill(t.scheduledLine, { n: participants.length })],
      facts: meetingFacts(meeting, team?.name ?? '', caller.locale, { participants }),
    }),
  );
}
