/**
 * Answering the post-meeting questionnaire: a participant who attended answers
 * once, while it is open, on the form version the card carried; a coordinator records a parent's
 * answer on their behalf.
 */
import { z } from 'zod';
import type { MunicipalityContext } from './municipalityContext';
import { formVersion } from './questionnaireForms';
import { PARENT_FORM_ID, parentLinkExpiry, submitParentAnswer } from './parentAnswers';
import { invalidInput, ok, refuse, type Result } from '../domain/result';
import { attended, questionnaireClosesAt, type QuestionnaireTiming } from '../domain/questionnaires/schedule';
import { parseAnswers, type Answers, type Respondent } from '../domain/questionnaires/answers';
import type { QuestionnaireForm } from '../domain/questionnaires/form';
import type { Store, TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import type { MeetingRow } from '../store/meetingsRepo';
import type { LocalDate } from '../domain/localDate';

/** What a card says about the meeting it is about: never more than initials or a case reference. */
export interface MeetingSummary {
  id: string;
  date: LocalDate;
  startTime: string;
  endTime: string;
  teamName: string;
  format: 'theme' | 'child';
  childReference: string | null;
  theme: string | null;
}

export function timingOf(m: MunicipalityContext): QuestionnaireTiming {
  return {
    delayMinutes: m.settings.questionnaireDelayMinutes,
    reminderWorkingDays: m.settings.questionnaireReminderWorkingDays,
    closesAfterDays: m.settings.questionnaireClosesAfterDays,
    timeZone: m.settings.timeZone,
    workingHours: m.settings.workingHours,
  };
}

/** The card's own fields; everything else it submits is an answer. */
export const questionnaireSubmission = z
  .object({
    meetingId: z.string().uuid(),
    formId: z.string().min(1).max(40),
    formVersion: z.coerce.number().int().min(1),
  })
  .passthrough();

export interface Answered {
  form: QuestionnaireForm;
  answers: Answers;
  meeting: MeetingRow;
}

/**
 * An answer's result: a refusal about its inputs names them (`field`), one about the whole card
 * does not; a second answer is a spent card (`stale`), whose first answer `earlierAnswer` gives.
 */
export type AnswerResult = Result<Answered>;

/** Coordinators of the meeting's team and its organiser keep the minutes and record parents' answers. */
export async function mayManageMeeting(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  meeting: MeetingRow,
) {
  if (meeting.organizer_staff_id === actor.id) return true;
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${actor.email}` });
  return (await t.teams.members(meeting.team_id)).some((s) => s.staff_id === actor.id && s.is_coordinator);
}

async function openMeeting(
  store: Store,
  m: MunicipalityContext,
  meetingId: string,
  now: Date,
): Promise<Result<MeetingRow>> {
  const t = store.tenant({ municipalityId: m.id, actor: 'questionnaire' });
  const meeting = await t.meetings.get(meetingId);
  if (!meeting) return refuse('meetingGone');
  if (meeting.status === 'cancelled') return refuse('meetingWasCancelled');
  // An answer is about a meeting that took place: before its end there is nothing to rate yet.
  if (now < meeting.ends_at) return refuse('questionnaireNotOpen');
  if (now >= questionnaireClosesAt(meeting.ends_at, timingOf(m))) return refuse('questionnaireClosed');
  return ok(meeting);
}

/** A participant's own answer. The stored answer is the first one; a second changes nothing. */
export async function answerQuestionnaire(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  input: unknown,
  now: Date,
): Promise<AnswerResult> {
  return record(store, m, actor, input, now, 'staff');
}

/** A parent's answer on the parents' form, typed with the coordinator's help: anonymous, marked assisted. */
export async function recordParentAnswer(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  input: unknown,
  now: Date,
): Promise<AnswerResult> {
  return record(store, m, actor, input, now, 'parent');
}

async function record(
  store: Store,
  m: MunicipalityContext,
  actor: StaffRow,
  input: unknown,
  now: Date,
  respondent: Respondent,
): Promise<AnswerResult> {
  const sub = questionnaireSubmission.safeParse(input);
  if (!sub.success) return refuse('cardLacksMeeting');
  const { meetingId, formId, formVersion: version, ...data } = sub.data;
  const open = await openMeeting(store, m, meetingId, now);
  if (!open.ok) return open;
  const meeting = open.value;
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${actor.email}` });
  // Roles are checked here, on the server: the card is never the only guard.
  if (respondent === 'parent') {
    if (!(await mayManageMeeting(store, m, actor, meeting))) return refuse('parentAnswerNeedsCoordinator');
  } else {
    const me = (await t.meetings.participants(meetingId)).find((p) => p.staff_id === actor.id);
    if (!me || !attended(me)) return refuse('questionnaireForAttendees');
    if (await t.questionnaires.responseOf(meetingId, actor.id)) return ANSWERED;
  }
  const form = await formVersion(t, formId, version);
  // A parent answers the parents' form, never the professionals' one.
  const expectedForm = respondent === 'parent' ? PARENT_FORM_ID : meeting.format;
  if (!form || form.id !== expectedForm) return refuse('questionnaireMismatch');
  const parsed = parseAnswers(form, data, respondent);
  if (!parsed.ok) return invalidInput(parsed.error);
  if (respondent === 'parent') {
    const res = await submitParentAnswer(
      store,
      m,
      { meetingId, expiresAt: parentLinkExpiry(meeting, m) },
      { ...data, formVersion: form.version },
      now,
      actor,
    );
    if (!res.ok) return res.refusal;
    return ok({ form, answers: res.answers, meeting });
  }
  const row = await t.questionnaires.record({
    meetingId,
    respondentStaffId: actor.id,
    recordedByStaffId: actor.id,
    formId: form.id,
    formVersion: form.version,
    answers: parsed.answers,
    answeredAt: now,
  });
  if (!row) return ANSWERED;
  return ok({ form, answers: parsed.answers, meeting });
}

const ANSWERED = refuse('questionnaireAnswered', { stale: true });

/** The caller's first answer to a meeting's questionnaire, for a spent card to show. */
export async function earlierAnswer(
  t: TenantStore,
  staff: StaffRow,
  meetingId: unknown,
): Promise<{ form: QuestionnaireForm; answers: Answers } | null> {
  if (!z.string().uuid().safeParse(meetingId).success) return null;
  const earlier = await t.questionnaires.responseOf(meetingId as string, staff.id);
  const form = earlier ? await formVersion(t, earlier.form_id, earlier.form_version) : null;
  return earlier && form ? { form, answers: earlier.answers as Answers } : null;
}

/** The form a questionnaire card was sent with, to show a refused answer on it again. */
export async function submittedForm(t: TenantStore, values: unknown): Promise<QuestionnaireForm | null> {
  const sub = questionnaireSubmission.safeParse(values);
  return sub.success ? formVersion(t, sub.data.formId, sub.data.formVersion) : null;
}

/** The meeting as the cards show it (team name, initials or case reference, never more). */
export async function meetingSummary(t: TenantStore, meeting: MeetingRow): Promise<MeetingSummary> {
  const team = await t.teams.get(meeting.team_id);
  return {
    id: meeting.id,
    date: meeting.date,
    startTime: meeting.start_time,
    endTime: meeting.end_time,
    teamName: team?.name ?? '',
    format: meeting.format,
    childReference: meeting.child_reference,
    theme: meeting.theme,
  };
}

/**
 * The meeting a coordinator may record a parent's answer for: only its coordinator, and only while
 * its questionnaire is open.
 */
export async function parentAnswerAccess(
  store: Store,
  m: MunicipalityContext,
  staff: StaffRow,
  meetingId: unknown,
  now: Date,
): Promise<Result<MeetingRow>> {
  const id = z.string().uuid().safeParse(meetingId);
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${staff.email}` });
  const meeting = id.success ? await t.meetings.get(id.data) : null;
  if (!meeting) return refuse('meetingGone');
  if (!(await mayManageMeeting(store, m, staff, meeting))) return refuse('parentAnswerNeedsCoordinator');
  if (now >= questionnaireClosesAt(meeting.ends_at, timingOf(m))) return refuse('questionnaireClosed');
  return ok(meeting);
}
