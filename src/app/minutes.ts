/**
 * Writing the Signs of Safety minutes of a child meeting: validated with the SoS
 * schema (CPR refused, never stored), stored with their agreements in one transaction, and the
 * next meeting date creates the next meeting.
 */
import { z } from 'zod';
import { localDateOf, zonedInstant } from '../domain/calendar';
import { addDays } from '../domain/localDate';
import { agreementOwner, sosMinutesSchema } from '../domain/meetings/minutes';
import type { Store, TenantStore } from '../store/store';
import type { LocalDate } from '../domain/localDate';
import { invalidInput, ok, refuse, type Result } from '../domain/result';
import type { StaffRow } from '../store/types';
import type { MeetingRow } from '../store/meetingsRepo';
import type { AgreementRow, MinutesRow } from '../store/minutesRepo';
import type { MunicipalityContext } from './municipalityContext';
import { mayManageMeeting } from './questionnaires';
import { parentLinkExpiry, parentLinkFor } from './parentAnswers';
import type { ParentLinks } from './parentLinks';

/** Adaptive Cards have no repeating inputs, so the card offers this many agreement rows. */
export const AGREEMENT_ROWS = 5;

export interface SavedMinutes {
  meeting: MeetingRow;
  minutes: MinutesRow;
  agreements: AgreementRow[];
  nextMeeting: MeetingRow | null;
}

/**
 * Saving the minutes: a refusal about the form's inputs names them (`field`), one about the whole
 * card does not; minutes saved before are a spent card (`stale`).
 */
export type MinutesResult = Result<SavedMinutes>;

const MINUTES_SAVED = refuse('minutesSaved', { stale: true });

/** The card input a minutes problem is about ("a2Due" for the second agreement's due date). */
function minutesField(path: (string | number)[]): string {
  const [head, index, leaf] = path;
  if (head === 'agreements' && typeof index === 'number') {
    return `a${index + 1}${leaf === 'ownerId' ? 'Owner' : leaf === 'due' ? 'Due' : 'Text'}`;
  }
  if (head === 'header') return 'purpose';
  return String(head ?? '');
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The card's flat fields → the SoS schema's shape; the header comes from the meeting, not the card. */
export function minutesInput(meeting: MeetingRow, participantIds: string[], data: Record<string, unknown>) {
  const agreements = [];
  for (let i = 1; i <= AGREEMENT_ROWS; i++) {
    const row = {
      text: str(data[`a${i}Text`]),
      ownerId: str(data[`a${i}Owner`]),
      due: str(data[`a${i}Due`]),
    };
    // An untouched row is no agreement; a half-filled one is, so the schema says what is missing.
    if (row.text.trim() || row.ownerId.trim() || row.due.trim()) agreements.push(row);
  }
  return {
    header: {
      meetingDate: meeting.date,
      childReference: meeting.child_reference ?? '',
      purpose: str(data.purpose) || meeting.purpose || '',
      participants: participantIds,
    },
    resources: str(data.resources),
    challenges: str(data.challenges),
    goals: str(data.goals),
    agreements,
    nextMeetingDate: str(data.nextMeetingDate),
    childRulerLevel: str(data.childRulerLevel),
  };
}

/**
 * Who the coordinator ticked as present (a multi-select submits "id1,id2"; '' is nobody). Null when
 * the card had no such field, so attendance is left as the RSVPs say. Ids not at the meeting are ignored.
 */
export function presentIds(data: Record<string, unknown>, participants: string[]): Set<string> | null {
  if (typeof data.present !== 'string') return null;
  const ticked = new Set(data.present.split(',').map((s) => s.trim()));
  return new Set(participants.filter((id) => ticked.has(id)));
}

export async function saveMinutes(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  data: Record<string, unknown>,
  now: Date,
): Promise<MinutesResult> {
  const meetingId = z.string().uuid().safeParse(data.meetingId);
  if (!meetingId.success) return refuse('cardLacksMeeting');
  const ctx = { municipalityId: m.id, actor: `staff:${actor.email}` };
  const t = store.tenant(ctx);
  const meeting = await t.meetings.get(meetingId.data);
  if (!meeting) return refuse('meetingGone');
  if (meeting.format !== 'child') return refuse('minutesOnlyForChildMeetings');
  if (meeting.status === 'cancelled') return refuse('meetingWasCancelled');
  if (!(await mayManageMeeting(store, m, actor, meeting))) return refuse('minutesNeedCoordinator');
  if (await t.minutes.get(meeting.id)) return MINUTES_SAVED;
  const participants = (await t.meetings.participants(meeting.id)).map((p) => p.staff_id);
  const parsed = sosMinutesSchema.safeParse(
    minutesInput(meeting, participants.length ? participants : [actor.id], data),
  );
  if (!parsed.success) return invalidInput(parsed.error, minutesField);
  const sos = parsed.data;
  // A staff owner must be someone at the meeting: the reminder goes to them. A role (a parent, the
  // family) is not staff and is followed up at the next meeting instead.
  const owners = new Set([
    ...participants,
    ...(meeting.organizer_staff_id ? [meeting.organizer_staff_id] : []),
  ]);
  const stranger = sos.agreements.findIndex((a) => {
    const owner = agreementOwner(a.ownerId);
    return owner.kind === 'staff' && !owners.has(owner.staffId);
  });
  if (stranger >= 0) {
    return refuse('agreementOwnerAbsent', { params: { agreement: stranger + 1 } });
  }
  const present = presentIds(data, participants);
  return store.inTransaction(ctx, async (tx): Promise<MinutesResult> => {
    const minutes = await tx.minutes.save({
      meetingId: meeting.id,
      resources: sos.resources,
      challenges: sos.challenges,
      goals: sos.goals,
      nextMeetingDate: sos.nextMeetingDate ?? null,
      childRulerLevel: sos.childRulerLevel ?? null,
      agreements: sos.agreements,
      recordedAt: now,
    });
    if (!minutes) return MINUTES_SAVED;
    // The coordinator's word on who was there settles it: it decides who gets the questionnaire.
    if (present)
      for (const id of participants) await tx.meetings.setAttended(meeting.id, id, present.has(id));
    let nextMeeting: MeetingRow | null = null;
    if (sos.nextMeetingDate) {
      const tz = m.settings.timeZone;
      nextMeeting = await tx.meetings.create({
        teamId: meeting.team_id,
        format: meeting.format,
        date: sos.nextMeetingDate,
        startTime: meeting.start_time,
        endTime: meeting.end_time,
        startsAt: zonedInstant(sos.nextMeetingDate, meeting.start_time, tz),
        endsAt: zonedInstant(sos.nextMeetingDate, meeting.end_time, tz),
        place: meeting.place,
        onlineUrl: meeting.online_url,
        childReference: meeting.child_reference,
        purpose: sos.header.purpose,
        parentsTakePart: meeting.parents_take_part,
        childTakesPart: meeting.child_takes_part,
        organizerStaffId: meeting.organizer_staff_id ?? actor.id,
        previousMeetingId: meeting.id,
        participantIds: participants,
      });
      await tx.minutes.setNextMeeting(meeting.id, nextMeeting.id);
    }
    return ok({
      meeting,
      minutes: { ...minutes, next_meeting_id: nextMeeting?.id ?? null },
      agreements: await tx.minutes.agreements(meeting.id),
      nextMeeting,
    });
  });
}

/** How far back the `referat` command looks for child meetings without minutes. */
export const MINUTES_LOOKBACK_DAYS = 60;

/**
 * Child meetings the actor manages that still lack minutes, newest first: those of the last weeks
 * and today's (minutes are often written during the meeting).
 */
export async function meetingsLackingMinutes(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  now: Date,
): Promise<MeetingRow[]> {
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${actor.email}` });
  const tz = m.settings.timeZone;
  const endOfToday = zonedInstant(addDays(localDateOf(now, tz), 1), '00:00', tz);
  const ended = await t.meetings.endedBetween(
    new Date(now.getTime() - MINUTES_LOOKBACK_DAYS * 86_400_000),
    endOfToday,
  );
  const out: MeetingRow[] = [];
  for (const meeting of ended.reverse()) {
    if (meeting.format !== 'child' || (await t.minutes.get(meeting.id))) continue;
    if (await mayManageMeeting(store, m, actor, meeting)) out.push(meeting);
  }
  return out;
}

/** The child meeting whose minutes the caller may open: only its coordinator writes them. */
export async function minutesAccess(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  meetingId: unknown,
): Promise<Result<MeetingRow>> {
  const id = z.string().uuid().safeParse(meetingId);
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${staff.email}` });
  const meeting = id.success ? await t.meetings.get(id.data) : null;
  if (!meeting || meeting.format !== 'child') return refuse('meetingGone');
  if (!(await mayManageMeeting(store, m, staff, meeting))) return refuse('minutesNeedCoordinator');
  return ok(meeting);
}

/** The agreement's owner marks it done; a second time changes nothing (`fresh` false). */
export async function completeAgreement(
  t: TenantStore,
  staff: StaffRow,
  agreementId: unknown,
  today: LocalDate,
): Promise<Result<{ agreement: AgreementRow; meeting: MeetingRow; fresh: boolean }>> {
  const id = z.string().uuid().safeParse(agreementId);
  const agreement = id.success ? await t.minutes.agreement(id.data) : null;
  if (!agreement) return refuse('agreementGone');
  if (agreement.owner_staff_id !== staff.id) return refuse('agreementNeedsOwner');
  const meeting = await t.meetings.get(agreement.meeting_id);
  if (!meeting) return refuse('agreementGone');
  const fresh = await t.minutes.markDone(agreement.id, today);
  const now = (await t.minutes.agreement(agreement.id)) ?? agreement;
  return ok({ agreement: now, meeting, fresh });
}

/** What a child meeting's minutes cards show beside the minutes themselves. */
export interface MinutesExtras {
  /**
   * Agreements of the previous meeting that a parent, the family or another role owns and are not
   * done: Samspil reminds no one of them, so the coordinator follows them up at this meeting.
   */
  followUps: AgreementRow[];
  /** The parents' signed link to their own questionnaire, and the last day it takes answers. */
  parentLink: { url: string; closesOn: LocalDate } | null;
}

export async function minutesExtras(
  t: TenantStore,
  m: MunicipalityContext,
  meeting: MeetingRow,
  links: ParentLinks | undefined,
): Promise<MinutesExtras> {
  const followUps = meeting.previous_meeting_id
    ? (await t.minutes.roleAgreements(meeting.previous_meeting_id)).filter((a) => a.done_on === null)
    : [];
  const url = meeting.parents_take_part ? parentLinkFor(links, m, meeting) : null;
  return {
    followUps,
    parentLink: url
      ? { url, closesOn: localDateOf(parentLinkExpiry(meeting, m), m.settings.timeZone) }
      : null,
  };
}
