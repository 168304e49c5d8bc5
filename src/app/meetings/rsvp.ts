/** A participant's answer to an invitation card: deltager / deltager ikke. */
import { z } from 'zod';
import type { MeetingRow } from '../../store/meetingsRepo';
import type { Store } from '../../store/store';
import type { StaffRow } from '../../store/types';
import type { MunicipalityContext } from '../municipalityContext';
import { ActionResult, fail, ok } from './common';
import { meetingRefInput } from './change';

export const rsvpInput = meetingRefInput.extend({ answer: z.enum(['yes', 'no']) });

export async function answerInvitation(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  input: z.infer<typeof rsvpInput>,
  now: Date,
): Promise<ActionResult<MeetingRow>> {
  const actor = { municipalityId: m.id, actor: `staff:${staff.email}` };
  const t = store.tenant(actor);
  const meeting = await t.meetings.get(input.meetingId);
  if (!meeting) return fail('Mødet findes ikke.', 'The meeting does not exist.');
  if (meeting.status === 'cancelled') return fail('Mødet er aflyst.', 'The meeting is cancelled.', true);
  if (meeting.sequence !== input.sequence) {
    return fail(
      'Mødet er ændret siden denne invitation – svar på den nye.',
      'The meeting has changed since this invitation – answer the new one.',
      true,
    );
  }
  if (meeting.ends_at <= now) return fail('Mødet er afholdt.', 'The meeting has taken place.', true);
  const saved = await store.inTransaction(actor, (tx) =>
    tx.meetings.setRsvp(meeting.id, staff.id, input.answer, now),
  );
  if (!saved) return fail('Du er ikke inviteret til mødet.', 'You are not invited to this meeting.');
  return ok(meeting);
}
