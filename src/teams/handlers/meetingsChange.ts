/** Moving, cancelling and answering a meeting from its cards (issue 4 item 4). */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { cancelMeeting, meetingRefInput, moveInput, moveMeeting } from '../../app/meetings/change';
import { meetingIcs, meetingOrganizer } from '../../app/meetings/calendar';
import { teamRole } from '../../app/meetings/common';
import { answerInvitation, rsvpInput } from '../../app/meetings/rsvp';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { activityWithIcs, editCard, invitationCard, statusCard } from '../../views/meetingCards';
import { whenText } from '../../views/meetingText';
import { HandlerDeps, KnownCaller, replaceCard, sendCard, today } from './deps';
import { answerFailure, describeIssues, refuse, refusedForCpr } from './meetingsShared';

const meetingRef = z.object({ meetingId: z.string().uuid() });

export async function editForm(deps: HandlerDeps, context: TurnContext, caller: KnownCaller, data: unknown) {
  const t = MEETING_TEXTS[caller.locale];
  const parsed = meetingRef.safeParse(data);
  const meeting = parsed.success ? await caller.tenant.meetings.get(parsed.data.meetingId) : null;
  if (!meeting)
    return refuse(context, caller, { da: 'Mødet findes ikke.', en: 'The meeting does not exist.' });
  const mayChange =
    meeting.organizer_staff_id === caller.staff.id ||
    (await teamRole(caller.tenant, caller.staff, meeting.team_id)) === 'coordinator';
  if (!mayChange) {
    return refuse(context, caller, {
      da: 'Kun teamets tovholder eller den, der indkaldte, kan ændre mødet.',
      en: "Only the team's coordinator or the person who called the meeting can change it.",
    });
  }
  if (meeting.status !== 'scheduled') return refuse(context, caller, t.status[meeting.status]);
  const team = await caller.tenant.teams.get(meeting.team_id);
  await sendCard(
    context,
    editCard(meeting, team?.name ?? '', caller.locale, today(deps, caller)),
    t.editTitle,
  );
}

export async function move(deps: HandlerDeps, context: TurnContext, caller: KnownCaller, data: unknown) {
  if (await refusedForCpr(context, caller, data)) return;
  const input = moveInput.safeParse(data);
  if (!input.success) return refuse(context, caller, describeIssues(input.error, caller.locale));
  const res = await moveMeeting(deps.store, caller.municipality, caller.staff, input.data, deps.clock.now());
  if (!res.ok) return answerFailure(context, caller, res);
  const t = MEETING_TEXTS[caller.locale];
  await replaceCard(
    context,
    statusCard(t.movedTitle, {
      color: 'Good',
      lines: [fill(t.movedLine, { when: whenText(res.value.after, caller.locale) })],
    }),
  );
}

export async function cancel(deps: HandlerDeps, context: TurnContext, caller: KnownCaller, data: unknown) {
  const input = meetingRefInput.safeParse(data);
  if (!input.success) return refuse(context, caller, describeIssues(input.error, caller.locale));
  const res = await cancelMeeting(deps.store, caller.municipality, caller.staff, input.data);
  if (!res.ok) return answerFailure(context, caller, res);
  const t = MEETING_TEXTS[caller.locale];
  await replaceCard(
    context,
    statusCard(t.cancelledDone, {
      color: 'Attention',
      lines: [whenText(res.value, caller.locale), t.cancelledLine],
    }),
  );
}

/** The invitation is updated in place with the answer; the .ics stays attached, and the answer can change. */
export async function rsvp(deps: HandlerDeps, context: TurnContext, caller: KnownCaller, data: unknown) {
  const input = rsvpInput.safeParse(data);
  if (!input.success) return refuse(context, caller, describeIssues(input.error, caller.locale));
  const now = deps.clock.now();
  const res = await answerInvitation(deps.store, caller.municipality, caller.staff, input.data, now);
  if (!res.ok) return answerFailure(context, caller, res);
  const meeting = res.value;
  const t = caller.tenant;
  const team = await t.teams.get(meeting.team_id);
  const participants = await t.meetings.participants(meeting.id);
  const organizer = await meetingOrganizer(t, meeting);
  const organizerName = meeting.organizer_staff_id ? organizer.name : null;
  const card = invitationCard({
    meeting,
    team: team ?? { name: '' },
    participants,
    organizerName,
    locale: caller.locale,
    variant: meeting.sequence > 0 ? 'updated' : 'invitation',
    answer: input.data.answer,
    calendarUrl: deps.calendarLinks?.url(caller.municipality.id, meeting.id, caller.staff.id),
  });
  const ics = meetingIcs(meeting, team ?? { name: '' }, participants, organizer, now, caller.locale);
  const activity = activityWithIcs(card, MEETING_TEXTS[caller.locale].invitationTitle, {
    text: ics,
    date: meeting.date,
    method: 'request',
  });
  const id = context.activity.replyToId;
  if (!id) return void (await context.sendActivity(activity));
  await context.updateActivity({ ...activity, id });
}
