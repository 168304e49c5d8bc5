/** A participant's answer to an invitation card: deltager / deltager ikke. */
import { z } from 'zod';
import type { MeetingRow, ParticipantRow } from '../../store/meetingsRepo';
import type { Store } from '../../store/store';
import type { StaffRow } from '../../store/types';
import type { MunicipalityContext } from '../municipalityContext';
import { ok, refuse, type Result } from '../../domain/result';
import { meetingRefInput } from './change';
import { meetingOrganizer } from './calendar';

export const rsvpInput = meetingRefInput.extend({ answer: z.enum(['yes', 'no']) });

export async function answerInvitation(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  input: z.infer<typeof rsvpInput>,
  now: Date,
): Promise<Result<MeetingRow>> {
  const actor = { municipalityId: m.id, actor: `staff:${staff.email}` };
  const t = store.tenant(actor);
  const meeting = await t.meetings.get(input.meetingId);
  if (!meeting) return refuse('meetingUnknown');
  if (meeting.status === 'cancelled') return refuse('meetingCancelled', { stale: true });
  if (meeting.sequence !== input.sequence) return refuse('invitationOutdated', { stale: true });
  if (meeting.ends_at <= now) return refuse('meetingHeld', { stale: true });
  const saved = await store.inTransaction(actor, (tx) =>
    tx.meetings.setRsvp(meeting.id, staff.id, input.answer, now),
  );
  if (!saved) return refuse('notInvited');
  return ok(meeting);
}

/** An invitation card's state: open to answers, over, cancelled, or superseded by a newer version. */
export type InvitationState = 'open' | 'held' | 'cancelled' | 'replaced';

export interface InvitationView {
  meeting: MeetingRow;
  team: { name: string };
  participants: ParticipantRow[];
  organizerName: string | null;
  /** The caller's own answer as saved. */
  answer: 'yes' | 'no' | null;
  state: InvitationState;
}

/**
 * Everything a participant's invitation card shows, as it stands now. A press on a card whose moment
 * has passed shows this instead of a bare refusal, so the meeting's details stay on the card.
 */
export async function invitationView(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  ref: { meetingId: string; sequence: number },
  now: Date,
): Promise<InvitationView | null> {
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${staff.email}` });
  const meeting = await t.meetings.get(ref.meetingId);
  if (!meeting) return null;
  const participants = await t.meetings.participants(meeting.id);
  const team = await t.teams.get(meeting.team_id);
  const organizer = meeting.organizer_staff_id ? await meetingOrganizer(t, meeting) : null;
  const state: InvitationState =
    meeting.status === 'cancelled'
      ? 'cancelled'
      : meeting.status === 'held' || meeting.ends_at <= now
        ? 'held'
        : meeting.sequence !== ref.sequence
          ? 'replaced'
          : 'open';
  return {
    meeting,
    team: { name: team?.name ?? '' },
    participants,
    organizerName: organizer?.name ?? null,
    answer: participants.find((p) => p.staff_id === staff.id)?.rsvp ?? null,
    state,
  };
}
