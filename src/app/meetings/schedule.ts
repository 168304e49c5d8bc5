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
import { instantOf, schoolHolidaysFor, teamRole, unusableDay, type TeamRole } from './common';
import { schoolYearOf } from '../../domain/meetings/schoolYear';
import { addDays, type LocalDate } from '../../domain/localDate';
import type { MeetingTeamRow, TeamMemberRow } from '../../store/teamsRepo';

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
  /** Ticked once the caller has checked that initials matching an open case are another child. */
  initialsChecked: flag.optional(),
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
}

/** What the caller has confirmed on the form before anything is sent. */
export interface ScheduleConfirmations {
  /** The caller has checked that initials matching an open case's child are another child. */
  initialsChecked: boolean;
}

/**
 * A case reference is unique in the municipality, so a match with an open case is proof of an
 * active case and the meeting is refused. Initials are not unique — refusing on them would block
 * meetings about other children — so a match asks the caller to check and confirm before anything
 * is sent (see scheduleMeeting).
 */
async function activeCaseCheck(
  store: Store,
  m: MunicipalityContext,
  ref: string,
): Promise<{ activeCase: string | null; initialsMatch: boolean }> {
  const t = store.tenant({ municipalityId: m.id, actor: 'scheduler' });
  const open = await t.cases.list({ openOnly: true });
  const byRef = open.find((c) => c.case_ref.toLowerCase() === ref.toLowerCase());
  if (byRef) return { activeCase: byRef.case_ref, initialsMatch: false };
  const byInitials = open.some((c) => c.child_initials !== null && c.child_initials === ref);
  return { activeCase: null, initialsMatch: byInitials };
}

export async function scheduleMeeting(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  teamId: string,
  req: MeetingRequest,
  now: Date,
  confirmed: ScheduleConfirmations = { initialsChecked: false },
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
  if (req.format === 'child') {
    const check = await activeCaseCheck(store, m, req.childReference);
    if (check.activeCase) {
      return refuse('childHasActiveCase', { field: 'childReference', params: { caseRef: check.activeCase } });
    }
    // Asked before the invitations go out, not after: once sent, a meeting about a child with a
    // case has already told the team about that child.
    if (check.initialsMatch && !confirmed.initialsChecked)
      return refuse('initialsOnOpenCase', { field: 'childReference' });
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
  return ok({ meeting });
}

/** What the scheduling form of one team needs, for someone in that team (null otherwise). */
export interface ScheduleFormData {
  team: MeetingTeamRow;
  role: TeamRole;
  members: TeamMemberRow[];
  /** Active staff outside the team who may be invited as needed (not pre-selected). */
  others: { id: string; name: string; profession: string | null }[];
  /** The place of the team's latest meeting with one, where the next most likely is too. */
  usualPlace: string | null;
}

const MAX_OTHERS = 60;

export async function scheduleFormData(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  teamId: string,
  today: LocalDate,
): Promise<ScheduleFormData | null> {
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${staff.email}` });
  const team = await t.teams.get(teamId);
  const role = team ? await teamRole(t, staff, teamId) : null;
  if (!team || !role) return null;
  const members = await t.teams.members(teamId);
  const inTeam = new Set(members.map((x) => x.staff_id));
  const others = (await t.staff.list())
    .filter((s) => s.active && !inTeam.has(s.id))
    .slice(0, MAX_OTHERS)
    .map((s) => ({ id: s.id, name: s.name, profession: s.profession }));
  const year = schoolYearOf(today, m.settings.schoolYearStartMonthDay);
  const recent = await t.meetings.forTeam(teamId, addDays(year.start, -366), year.end);
  const usualPlace =
    recent
      .filter((x) => x.status !== 'cancelled' && x.place && x.date <= today)
      .map((x) => x.place!)
      .at(-1) ??
    recent.find((x) => x.status !== 'cancelled' && x.place)?.place ??
    null;
  return { team, role, members, others, usualPlace };
}
