/** A participant's answer to an invitation card: deltager / deltager ikke. */
import { z } from 'zod';
import type { MeetingRow } from '../../store/meetingsRepo';
import type { Store } from '../../store/store';
import type { StaffRow } from '../../store/types';
import type { MunicipalityContext } from '../municipalityContext';
import { ok, refuse, type Result } from '../../domain/result';
import { meetingRefInput } from './change';

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
