/** Moving, cancelling and answering a meeting from its cards. */
import { z } from 'zod';
import { cancelMeeting, meetingRefInput, moveInput, moveMeeting } from '../../app/meetings/change';
import { meetingOrganizer } from '../../app/meetings/calendar';
import { mayChangeMeeting } from '../../app/meetings/common';
import { answerInvitation, rsvpInput } from '../../app/meetings/rsvp';
import { refuse, type Refusal } from '../../domain/result';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { editCard, invitationCard, statusCard } from '../../views/meetingCards';
import { whenText } from '../../views/meetingText';
import type { MeetingRow } from '../../store/meetingsRepo';
import { note, opened, refusalText, replace, type CardReply } from '../cardReply';
import { HandlerDeps, KnownCaller, today } from './deps';
import { cprRefusal, invalid, refusedMeetingCard } from './meetingsShared';

const meetingRef = z.object({ meetingId: z.string().uuid() });

async function editFormFor(deps: HandlerDeps, caller: KnownCaller, meeting: MeetingRow) {
  const team = await caller.tenant.teams.get(meeting.team_id);
  return editCard(meeting, team?.name ?? '', caller.locale, today(deps, caller));
}

async function editFormOf(deps: HandlerDeps, caller: KnownCaller, meetingId: unknown) {
  const parsed = meetingRef.safeParse({ meetingId });
  const meeting = parsed.success ? await caller.tenant.meetings.get(parsed.data.meetingId) : null;
  return meeting?.status === 'scheduled' ? editFormFor(deps, caller, meeting) : null;
}

/** "Ret" on the school-year card: the chosen meeting's edit card below, the year card kept. */
export async function editForm(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const t = MEETING_TEXTS[caller.locale];
  const parsed = meetingRef.safeParse(values);
  const meeting = parsed.success ? await caller.tenant.meetings.get(parsed.data.meetingId) : null;
  const why: Refusal | null = !meeting
    ? refuse('meetingGone')
    : (await mayChangeMeeting(caller.tenant, caller.staff, meeting))
      ? null
      : refuse('notOrganizer');
  if (why) return note(refusalText(why, caller.locale));
  if (meeting!.status !== 'scheduled') return note(t.status[meeting!.status]);
  return opened(await editFormFor(deps, caller, meeting!), caller.locale, t.editTitle);
}

export async function move(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const form = () => editFormOf(deps, caller, values.meetingId);
  const cpr = cprRefusal(values);
  if (cpr) return refusedMeetingCard(caller, values, cpr, await form());
  const input = moveInput.safeParse(values);
  if (!input.success) return refusedMeetingCard(caller, values, invalid(input.error), await form());
  const res = await moveMeeting(deps.store, caller.municipality, caller.staff, input.data, deps.clock.now());
  if (!res.ok) return refusedMeetingCard(caller, values, res, await form());
  const t = MEETING_TEXTS[caller.locale];
  return replace(
    statusCard(t.movedTitle, {
      color: 'Accent',
      lines: [fill(t.movedLine, { when: whenText(res.value.after, caller.locale) })],
    }),
  );
}

export async function cancel(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const input = meetingRefInput.safeParse(values);
  if (!input.success) return refusedMeetingCard(caller, values, invalid(input.error), null);
  const res = await cancelMeeting(deps.store, caller.municipality, caller.staff, input.data);
  if (!res.ok) return refusedMeetingCard(caller, values, res, null);
  const t = MEETING_TEXTS[caller.locale];
  return replace(
    statusCard(t.cancelledDone, {
      color: 'Attention',
      lines: [whenText(res.value, caller.locale), t.cancelledLine],
    }),
  );
}

/**
 * The invitation is updated in place with the answer, which can change. It carries no file: Teams
 * refuses to update an activity with a file attachment (docs/teams-app.md, platform facts); the calendar is the signed link.
 */
export async function rsvp(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const input = rsvpInput.safeParse(values);
  if (!input.success) return refusedMeetingCard(caller, values, invalid(input.error), null);
  const res = await answerInvitation(
    deps.store,
    caller.municipality,
    caller.staff,
    input.data,
    deps.clock.now(),
  );
  if (!res.ok) return refusedMeetingCard(caller, values, res, null);
  const meeting = res.value;
  const t = caller.tenant;
  const team = await t.teams.get(meeting.team_id);
  const participants = await t.meetings.participants(meeting.id);
  const organizer = await meetingOrganizer(t, meeting);
  return replace(
    invitationCard({
      meeting,
      team: team ?? { name: '' },
      participants,
      organizerName: meeting.organizer_staff_id ? organizer.name : null,
      locale: caller.locale,
      variant: meeting.sequence > 0 ? 'updated' : 'invitation',
      answer: input.data.answer,
      calendarUrl: deps.calendarLinks?.url(caller.municipality.id, meeting.id, caller.staff.id),
    }),
  );
}
