/**
 * Moving or cancelling a meeting. Each change raises the meeting's SEQUENCE; the
 * invitation pass then replaces the participants' cards and sends an updated or cancelling .ics.
 */
import { z } from 'zod';
import {
  hhmmField,
  httpsUrlField,
  localDateField,
  noCprText,
  optionalField,
} from '../../domain/meetings/fields';
import { coded, ok, refuse, type Result } from '../../domain/result';
import { schoolYearOf } from '../../domain/meetings/schoolYear';
import type { MeetingRow } from '../../store/meetingsRepo';
import type { Store } from '../../store/store';
import type { StaffRow } from '../../store/types';
import type { MunicipalityContext } from '../municipalityContext';
import { instantOf, mayChangeMeeting, schoolHolidaysFor, unusableDay } from './common';

export const meetingRefInput = z.object({
  meetingId: z.string().uuid(),
  sequence: z.coerce.number().int().min(0),
});

export const moveInput = meetingRefInput
  .extend({
    date: localDateField,
    startTime: hhmmField,
    endTime: hhmmField,
    place: optionalField(noCprText('place', { max: 200 })),
    onlineUrl: optionalField(httpsUrlField),
  })
  .refine((x) => x.endTime > x.startTime, {
    ...coded('endBeforeStart', 'must be after startTime'),
    path: ['endTime'],
  })
  .refine((x) => x.place !== undefined || x.onlineUrl !== undefined, {
    ...coded('placeOrLink', 'give a place or an online link'),
    path: ['place'],
  });

export type MoveInput = z.infer<typeof moveInput>;

/** The cancellation: the reason is optional, and what is given goes to the participants. */
export const cancelInput = meetingRefInput.extend({
  reason: optionalField(noCprText('reason', { max: 500 })),
});

export type CancelInput = z.infer<typeof cancelInput>;

/** The meeting, if the caller may change it: a coordinator of its team, or whoever called it. */
async function changeable(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  meetingId: string,
  sequence: number,
): Promise<Result<MeetingRow>> {
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${staff.email}` });
  const meeting = await t.meetings.get(meetingId);
  if (!meeting) return refuse('meetingGone');
  if (!(await mayChangeMeeting(t, staff, meeting))) return refuse('notOrganizer');
  if (meeting.status !== 'scheduled' || meeting.sequence !== sequence) {
    return refuse('meetingChangedOrCancelled', { stale: true });
  }
  return ok(meeting);
}

export async function moveMeeting(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  input: MoveInput,
  now: Date,
): Promise<Result<{ before: MeetingRow; after: MeetingRow }>> {
  const found = await changeable(store, m, staff, input.meetingId, input.sequence);
  if (!found.ok) return found;
  const startsAt = instantOf(m, input.date, input.startTime);
  if (startsAt <= now) return refuse('mustBeFuture', { field: 'date' });
  const year = schoolYearOf(input.date, m.settings.schoolYearStartMonthDay);
  const why = unusableDay(input.date, schoolHolidaysFor(m, year));
  if (why) return refuse('unusableDay', { field: 'date', params: { holiday: why.holiday } });
  const actor = { municipalityId: m.id, actor: `staff:${staff.email}` };
  const after = await store.inTransaction(actor, (tx) =>
    tx.meetings.move(
      input.meetingId,
      {
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        startsAt,
        endsAt: instantOf(m, input.date, input.endTime),
        place: input.place ?? null,
        onlineUrl: input.onlineUrl ?? null,
      },
      input.sequence,
    ),
  );
  if (!after) return refuse('meetingChanged', { stale: true });
  return ok({ before: found.value, after });
}

/** What a cancellation is about to do, for the confirmation card: the meeting and who will be told. */
export async function cancellationPreview(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  input: z.infer<typeof meetingRefInput>,
): Promise<Result<{ meeting: MeetingRow; teamName: string; invited: number }>> {
  const found = await changeable(store, m, staff, input.meetingId, input.sequence);
  if (!found.ok) return found;
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${staff.email}` });
  const team = await t.teams.get(found.value.team_id);
  const invited =
    found.value.notified_sequence === null ? 0 : (await t.meetings.participants(input.meetingId)).length;
  return ok({ meeting: found.value, teamName: team?.name ?? '', invited });
}

export async function cancelMeeting(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  input: CancelInput,
): Promise<Result<MeetingRow>> {
  const found = await changeable(store, m, staff, input.meetingId, input.sequence);
  if (!found.ok) return found;
  const actor = { municipalityId: m.id, actor: `staff:${staff.email}` };
  const after = await store.inTransaction(actor, (tx) =>
    tx.meetings.cancel(input.meetingId, input.sequence, input.reason ?? null),
  );
  if (!after) return refuse('meetingAlreadyCancelled', { stale: true });
  return ok(after);
}
