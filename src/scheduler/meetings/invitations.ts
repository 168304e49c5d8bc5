import { createHash } from 'node:crypto';
import type { CalendarLinks } from '../../app/meetings/calendarLinks';
import { cardActivity } from '../../cards/render';
import { meetingIcs, meetingOrganizer } from '../../app/meetings/calendar';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { createLogger, type Logger } from '../../log';
import type { MeetingRow } from '../../store/meetingsRepo';
import type { MeetingTeamRow } from '../../store/teamsRepo';
import type { StaffRow } from '../../store/types';
import {
  channelSummaryCard,
  invitationCard,
  type ChannelChange,
  type InvitationInput,
} from '../../views/meetingCards';
import { PassPlanner } from '../passKit';
import { meetingSubject, outboxKeys, type OutboxKey } from '../../outbox/keys';

/** The messages whose card a later version replaces in place. */
const INVITATION_KINDS = ['meeting.invitation', 'meeting.update'] as const;
import type { PlanningPass } from '../passes';
import { channelChange, localeOf, staffById } from './common';

let logger: Logger | null = null;
const log = (): Logger => (logger ??= createLogger());

/**
 * Invitations for every meeting whose participants have not been told about its current version —
 * however it was made (a card, a year plan, the next meeting from SoS minutes). A change replaces
 * the earlier card in place and sends a new one whose calendar link serves the updated .ics (same
 * UID, higher SEQUENCE); a cancellation's link serves a cancelling .ics. The team's linked channel gets one summary per tick.
 */
export const planMeetingInvitations: PlanningPass = async (store, m, now, opts = {}) => {
  const plan = PassPlanner.for(store, m, now);
  const people = staffById(plan);
  const teams = new Map((await plan.t.teams.list()).map((x) => [x.id, x]));
  const byTeam = new Map<string, { meeting: MeetingRow; change: ChannelChange }[]>();
  for (const meeting of await plan.t.meetings.unnotified(plan.today)) {
    const team = teams.get(meeting.team_id);
    // Nothing to tell about a meeting that is over, or one cancelled before anyone was invited.
    const silent =
      !team ||
      meeting.ends_at <= now ||
      (meeting.status === 'cancelled' && meeting.notified_sequence === null);
    if (!silent && meeting.status !== 'held') {
      try {
        await inviteParticipants(plan, await people(), meeting, team, opts.calendarLinks);
      } catch (err) {
        // One bad meeting (say, an unusable e-mail in its .ics) must not stop the others, nor the
        // passes of other municipalities; it stays unannounced and is tried again next tick.
        log().error({ err, meetingId: meeting.id }, 'meeting invitations not planned');
        continue;
      }
      const list = byTeam.get(team.id) ?? [];
      list.push({ meeting, change: channelChange(meeting) });
      byTeam.set(team.id, list);
    }
    await plan.t.meetings.markNotified(meeting.id, meeting.sequence);
  }
  for (const [teamId, changes] of byTeam) {
    const channel = await plan.t.teams.channel(teamId);
    if (!channel) continue;
    const digest = createHash('sha256')
      .update(changes.map((x) => `${x.meeting.id}:${x.meeting.sequence}`).join(','))
      .digest('hex')
      .slice(0, 24);
    const card = channelSummaryCard(teams.get(teamId)!.name, changes, 'da');
    await plan.enqueue(
      outboxKeys.meetingChannel(teamId, digest),
      'meeting.channel',
      { conversationId: channel },
      {
        activity: cardActivity(card, fill(MEETING_TEXTS.da.channelTitle, { team: teams.get(teamId)!.name })),
      },
      now,
    );
  }
  return plan.result;
};

async function inviteParticipants(
  plan: PassPlanner,
  people: Map<string, StaffRow>,
  meeting: MeetingRow,
  team: MeetingTeamRow,
  links: CalendarLinks | undefined,
): Promise<void> {
  const participants = await plan.t.meetings.participants(meeting.id);
  // The card carries no file, but its link must serve a valid .ics: build it now, so a meeting whose
  // calendar cannot be built (say, an unusable e-mail) is skipped and tried again next tick.
  meetingIcs(meeting, team, participants, await meetingOrganizer(plan.t, meeting), plan.now, 'da');
  const organizerName = people.get(meeting.organizer_staff_id ?? '')?.name ?? null;
  const cancelled = meeting.status === 'cancelled';
  const changed = meeting.notified_sequence !== null;
  for (const p of participants) {
    const staff = people.get(p.staff_id);
    if (!staff?.active) continue;
    const locale = localeOf(staff);
    const t = MEETING_TEXTS[locale];
    // Keys carry the meeting's sequence: a newer version supersedes an unsent older one for this
    // participant (in the outbox, atomically), so passes on several instances never undo each other.
    const key = (replace: boolean) =>
      outboxKeys.meetingInvitation(meeting.id, p.staff_id, meeting.sequence, { cancelled, replace });
    // A cancellation only needs its own message when no earlier card was there to mark it.
    const variant = cancelled ? 'cancelled' : changed ? 'updated' : 'invitation';
    const calendarUrl = links?.url(plan.m.id, meeting.id, p.staff_id);
    const card = invitationCard({ meeting, team, participants, organizerName, locale, variant, calendarUrl });
    const title = t[cancelled ? 'cancelledTitle' : changed ? 'updatedTitle' : 'invitationTitle'];
    await plan.enqueue(
      key(false),
      cancelled ? 'meeting.cancellation' : changed ? 'meeting.update' : 'meeting.invitation',
      { staffId: p.staff_id },
      {
        // No file beside the card: Teams refuses to update an activity that carries one, and shows
        // a posted text/calendar as "not supported" (docs/teams-app.md, platform facts); the card links to the signed .ics.
        activity: cardActivity(card, title),
      },
      plan.now,
      meeting.ends_at,
    );
    if (changed)
      await replaceEarlierCards(plan, key(true), p.staff_id, {
        meeting,
        team,
        participants,
        organizerName,
        locale,
        variant: cancelled ? 'cancelled' : 'replaced',
      });
  }
}

/**
 * Marks the participant's earlier cards of the meeting as replaced (docs/outbox.md "Keys"). Looked
 * up after the newer version is stored: from then on an unsent older version is superseded and
 * cannot be claimed, so what is not yet sent here is on the wire, and the replacement also covers
 * it (the sender waits for it and updates every earlier card delivered by then). No earlier card,
 * none on the wire: nothing to mark.
 */
async function replaceEarlierCards(
  plan: PassPlanner,
  key: OutboxKey,
  staffId: string,
  face: InvitationInput,
): Promise<void> {
  const subject = meetingSubject(face.meeting.id);
  const version = face.meeting.sequence;
  const earlier = await plan.t.outbox.lastActivity(subject, staffId, INVITATION_KINDS, version);
  if (!earlier && !(await plan.t.outbox.delivering(subject, staffId, INVITATION_KINDS, version))) return;
  await plan.enqueue(
    key,
    'meeting.replace',
    { staffId },
    {
      activity: cardActivity(invitationCard(face)),
      replaceActivityId: earlier,
      replaceEarlier: { kinds: INVITATION_KINDS },
    },
    plan.now,
    face.meeting.ends_at,
  );
}
