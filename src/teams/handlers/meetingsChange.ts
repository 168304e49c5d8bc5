/** Moving, cancelling and answering a meeting from its cards. */
import { z } from 'zod';
import {
  cancelInput,
  cancellationPreview,
  cancelMeeting,
  meetingRefInput,
  moveInput,
  moveMeeting,
} from '../../app/meetings/change';
import { mayChangeMeeting } from '../../app/meetings/common';
import { answerInvitation, invitationView, rsvpInput, type InvitationView } from '../../app/meetings/rsvp';
import { refuse, type Refusal } from '../../domain/result';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import {
  cancelConfirmCard,
  cancelledCard,
  editCard,
  invitationCard,
  statusCard,
  type InvitationVariant,
} from '../../views/meetingCards';
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

/**
 * The edit card a refused move comes back as, with the reason beside the field; null (a note
 * instead) unless the caller may change the meeting: the card shows its team, format, date and time.
 */
async function editFormOf(deps: HandlerDeps, caller: KnownCaller, meetingId: unknown) {
  const parsed = meetingRef.safeParse({ meetingId });
  const meeting = parsed.success ? await caller.tenant.meetings.get(parsed.data.meetingId) : null;
  if (meeting?.status !== 'scheduled') return null;
  return (await mayChangeMeeting(caller.tenant, caller.staff, meeting))
    ? editFormFor(deps, caller, meeting)
    : null;
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

/** "Aflys mødet" on the edit card: the question first, with what will happen; nothing is sent yet. */
export async function cancelAsk(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const input = meetingRefInput.safeParse(values);
  if (!input.success) return refusedMeetingCard(caller, values, invalid(input.error), null);
  const res = await cancellationPreview(deps.store, caller.municipality, caller.staff, input.data);
  if (!res.ok) return refusedMeetingCard(caller, values, res, null);
  const { meeting, teamName, invited } = res.value;
  return replace(cancelConfirmCard(meeting, teamName, invited, caller.locale));
}

/** "Behold mødet": back to the edit card, the meeting untouched. */
export async function cancelKeep(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const form = await editFormOf(deps, caller, values.meetingId);
  return form ? replace(form) : note(refusalText(refuse('meetingGone'), caller.locale));
}

export async function cancel(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const ask = async () => {
    const ref = meetingRefInput.safeParse(values);
    if (!ref.success) return null;
    const res = await cancellationPreview(deps.store, caller.municipality, caller.staff, ref.data);
    return res.ok
      ? cancelConfirmCard(res.value.meeting, res.value.teamName, res.value.invited, caller.locale)
      : null;
  };
  const cpr = cprRefusal(values);
  if (cpr) return refusedMeetingCard(caller, values, cpr, await ask());
  const input = cancelInput.safeParse(values);
  if (!input.success) return refusedMeetingCard(caller, values, invalid(input.error), await ask());
  const res = await cancelMeeting(deps.store, caller.municipality, caller.staff, input.data);
  if (!res.ok) return refusedMeetingCard(caller, values, res, null);
  return replace(cancelledCard(res.value, caller.locale));
}

const VARIANT_OF: Record<InvitationView['state'], (v: InvitationView) => InvitationVariant> = {
  open: (v) => (v.meeting.sequence > 0 ? 'updated' : 'invitation'),
  held: () => 'held',
  cancelled: () => 'cancelled',
  replaced: () => 'replaced',
};

/**
 * The invitation is updated in place with the answer, which can change. It carries no file: Teams
 * refuses to update an activity with a file attachment (docs/teams-app.md, platform facts); the
 * calendar is the signed link. A press after the meeting (or on a cancelled or superseded one) keeps
 * the meeting's details on the card and says why it can no longer be answered.
 */
export async function rsvp(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const input = rsvpInput.safeParse(values);
  if (!input.success) return refusedMeetingCard(caller, values, invalid(input.error), null);
  const now = deps.clock.now();
  const res = await answerInvitation(deps.store, caller.municipality, caller.staff, input.data, now);
  if (!res.ok && !res.stale) return refusedMeetingCard(caller, values, res, null);
  const view = await invitationView(deps.store, caller.municipality, caller.staff, input.data, now);
  if (!view) return refusedMeetingCard(caller, values, refuse('meetingGone'), null);
  return replace(
    invitationCard({
      meeting: view.meeting,
      team: view.team,
      participants: view.participants,
      organizerName: view.organizerName,
      locale: caller.locale,
      variant: VARIANT_OF[view.state](view),
      answer: view.answer,
      calendarUrl: deps.calendarLinks?.url(caller.municipality.id, view.meeting.id, caller.staff.id),
    }),
  );
}
