/**
 * Scheduling one team meeting. A theme meeting is called by a coordinator of the
 * team; a meeting about a child by any member (docs/domain-rules.md: "Anyone may call such a meeting"), and only
 * for a child with no active case.
 */
import { z } from 'zod';
import { meetingRequestSchema, type MeetingRequest } from '../../domain/meetings/meetingRequest';
import type { MeetingRow } from '../../store/meetingsRepo';
import type { Store } from '../../store/store';
import type { StaffRow } from '../../store/types';
import type { MunicipalityContext } from '../municipalityContext';
import { ok, refuse, type Result } from '../../domain/result';
import { instantOf, schoolHolidaysFor, teamRole, unusableDay } from './common';
import { schoolYearOf } from '../../domain/meetings/schoolYear';

const flag = z.preprocess((v) => v === true || v === 'true', z.boolean());

/** What the scheduling card submits: strings, as Adaptive Cards send them. */
export const scheduleCardInput = z.object({
  teamId: z.string().uuid(),
  format: z.enum(['theme', 'child']),
  date: z.string().default(''),
  startTime: z.string().default(''),
  endTime: z.string().default(''),
  place: z.string().optional(),
  onlineUrl: z.string().optional(),
  theme: z.string().optional(),
  childReference: z.string().optional(),
  purpose: z.string().default(''),
  /** Multi-select: comma-separated staff ids. */
  participants: z.string().default(''),
  parentsTakePart: flag.optional(),
  childTakesPart: flag.optional(),
});

export type ScheduleCardInput = z.infer<typeof scheduleCardInput>;

/** The card's strings → the domain request (meetingRequest.ts is strict about which keys a format has). */
export function toMeetingRequest(i: ScheduleCardInput): z.SafeParseReturnType<unknown, MeetingRequest> {
  const common = {
    date: i.date,
    startTime: i.startTime,
    endTime: i.endTime,
    place: i.place,
    onlineUrl: i.onlineUrl,
    purpose: i.purpose,
    participants: i.participants
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
  const request =
    i.format === 'theme'
      ? { ...common, format: 'theme', theme: i.theme ?? '', parentsTakePart: i.parentsTakePart ?? false }
      : {
          ...common,
          format: 'child',
          childReference: i.childReference ?? '',
          parentsTakePart: i.parentsTakePart ?? true,
          childTakesPart: i.childTakesPart ?? false,
        };
  return meetingRequestSchema.safeParse(request);
}

export interface Scheduled {
  meeting: MeetingRow;
  /** Set when the initials match an open case's child: not provable either way, so the caller is told. */
  initialsNotice: InitialsNotice | null;
}

/** The initials a child meeting shares with an open case (src/i18n words the notice). */
export interface InitialsNotice {
  initials: string;
}

/**
 * A case reference is unique in the municipality, so a match with an open case is proof of an
 * active case and the meeting is refused. Initials are not unique — refusing on them would block
 * meetings about other children — so a match only adds a notice asking the caller to check.
 */
async function activeCaseCheck(
  store: Store,
  m: MunicipalityContext,
  ref: string,
): Promise<{ activeCase: string | null; notice: InitialsNotice | null }> {
  const t = store.tenant({ municipalityId: m.id, actor: 'scheduler' });
  const open = await t.cases.list({ openOnly: true });
  const byRef = open.find((c) => c.case_ref.toLowerCase() === ref.toLowerCase());
  if (byRef) return { activeCase: byRef.case_ref, notice: null };
  const byInitials = open.some((c) => c.child_initials !== null && c.child_initials === ref);
  return { activeCase: null, notice: byInitials ? { initials: ref } : null };
}

export async function scheduleMeeting(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  teamId: string,
  req: MeetingRequest,
  now: Date,
): Promise<Result<Scheduled>> {
  const actor = { municipalityId: m.id, actor: `staff:${staff.email}` };
  const t = store.tenant(actor);
  const team = await t.teams.get(teamId);
  if (!team) return refuse('teamGone');
  const role = await teamRole(t, staff, teamId);
  if (!role) return refuse('notTeamMember');
  if (req.format === 'theme' && role !== 'coordinator') return refuse('themeNeedsCoordinator');
  const startsAt = instantOf(m, req.date, req.startTime);
  if (startsAt <= now) return refuse('mustBeFuture', { field: 'date' });
  const year = schoolYearOf(req.date, m.settings.schoolYearStartMonthDay);
  const why = unusableDay(req.date, schoolHolidaysFor(m, year));
  if (why) return refuse('unusableDay', { field: 'date', params: { holiday: why.holiday } });
  let notice: InitialsNotice | null = null;
  if (req.format === 'child') {
    const check = await activeCaseCheck(store, m, req.childReference);
    if (check.activeCase) {
      return refuse('childHasActiveCase', { field: 'childReference', params: { caseRef: check.activeCase } });
    }
    notice = check.notice;
  }
  const existing = await t.meetings.forTeam(teamId, req.date, req.date);
  const clash = existing.find(
    (e) =>
      e.status === 'scheduled' && e.starts_at < instantOf(m, req.date, req.endTime) && e.ends_at > startsAt,
  );
  if (clash) {
    return refuse('teamBusy', {
      field: 'startTime',
      params: { startTime: clash.start_time, endTime: clash.end_time },
    });
  }
  const meeting = await store.inTransaction(actor, (tx) =>
    tx.meetings.create({
      teamId,
      format: req.format,
      date: req.date,
      startTime: req.startTime,
      endTime: req.endTime,
      startsAt,
      endsAt: instantOf(m, req.date, req.endTime),
      place: req.place ?? null,
      onlineUrl: req.onlineUrl ?? null,
      theme: req.format === 'theme' ? req.theme : null,
      childReference: req.format === 'child' ? req.childReference : null,
      purpose: req.purpose,
      parentsTakePart: req.parentsTakePart,
      childTakesPart: req.format === 'child' ? req.childTakesPart : false,
      organizerStaffId: staff.id,
      participantIds: [...new Set([staff.id, ...req.participants])],
    }),
  );
  return ok({ meeting, initialsNotice: notice });
}
