/**
 * Answering the post-meeting questionnaire: a participant who attended answers
 * once, while it is open, on the form version the card carried; a coordinator records a parent's
 * answer on their behalf.
 */
import { z } from 'zod';
import type { MunicipalityContext } from './municipalityContext';
import type { Bilingual } from './followUpActions';
import { formVersion } from './questionnaireForms';
import { PARENT_FORM_ID, parentLinkExpiry, submitParentAnswer } from './parentAnswers';
import { fail, ok, refuse, type ActionResult } from './actionResult';
import { PROBLEM_TEXTS, type ProblemCode } from '../i18n/problems';
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

export type AnswerFailure =
  | { ok: false; kind: 'invalid'; form: QuestionnaireForm; error: z.ZodError }
  | { ok: false; kind: 'already'; form: QuestionnaireForm | null; answers: Answers | null }
  | { ok: false; kind: 'refused'; reason: Bilingual };

export type AnswerResult =
  { ok: true; form: QuestionnaireForm; answers: Answers; meeting: MeetingRow } | AnswerFailure;

const refused = (da: string, en: string): AnswerFailure => ({
  ok: false,
  kind: 'refused',
  reason: { da, en },
});

/** A refusal whose words are shared with other rules (src/i18n/problems.ts). */
const refusedAs = (code: ProblemCode): AnswerFailure => ({
  ok: false,
  kind: 'refused',
  reason: PROBLEM_TEXTS[code],
});

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
): Promise<{ ok: true; meeting: MeetingRow } | AnswerFailure> {
  const t = store.tenant({ municipalityId: m.id, actor: 'questionnaire' });
  const meeting = await t.meetings.get(meetingId);
  if (!meeting) return refusedAs('meetingGone');
  if (meeting.status === 'cancelled') return refused('Mødet blev aflyst.', 'The meeting was cancelled.');
  // An answer is about a meeting that took place: before its end there is nothing to rate yet.
  if (now < meeting.ends_at)
    return refused(
      'Spørgeskemaet åbner, når mødet er slut.',
      'The questionnaire opens when the meeting has ended.',
    );
  if (now >= questionnaireClosesAt(meeting.ends_at, timingOf(m))) return refusedAs('questionnaireClosed');
  return { ok: true, meeting };
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
  if (!sub.success)
    return refused('Kortet mangler oplysninger om mødet.', 'The card lacks the meeting details.');
  const { meetingId, formId, formVersion: version, ...data } = sub.data;
  const open = await openMeeting(store, m, meetingId, now);
  if (!open.ok) return open;
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${actor.email}` });
  // Roles are checked here, on the server: the card is never the only guard.
  if (respondent === 'parent') {
    if (!(await mayManageMeeting(store, m, actor, open.meeting))) {
      return refused(
        'Kun mødets tovholder kan registrere forældres svar.',
        "Only the meeting's coordinator can record parents' answers.",
      );
    }
  } else {
    const me = (await t.meetings.participants(meetingId)).find((p) => p.staff_id === actor.id);
    if (!me || !attended(me)) {
      return refused(
        'Spørgeskemaet besvares af dem, der deltog i mødet.',
        'The questionnaire is answered by those who took part in the meeting.',
      );
    }
    const earlier = await t.questionnaires.responseOf(meetingId, actor.id);
    if (earlier) return already(t, earlier);
  }
  const form = await formVersion(t, formId, version);
  // A parent answers the parents' form, never the professionals' one.
  const expectedForm = respondent === 'parent' ? PARENT_FORM_ID : open.meeting.format;
  if (!form || form.id !== expectedForm) {
    return refused('Spørgeskemaet passer ikke til mødet.', 'The questionnaire does not match the meeting.');
  }
  const parsed = parseAnswers(form, data, respondent);
  if (!parsed.ok) return { ok: false, kind: 'invalid', form, error: parsed.error };
  if (respondent === 'parent') {
    const res = await submitParentAnswer(
      store,
      m,
      { meetingId, expiresAt: parentLinkExpiry(open.meeting, m) },
      { ...data, formVersion: form.version },
      now,
      actor,
    );
    if (!res.ok) return refusedAs(res.refusal.problems[0]?.code ?? 'invalid');
    return { ok: true, form, answers: res.answers, meeting: open.meeting };
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
  if (!row) {
    const earlier = await t.questionnaires.responseOf(meetingId, actor.id);
    return earlier ? already(t, earlier) : { ok: false, kind: 'already', form: null, answers: null };
  }
  return { ok: true, form, answers: parsed.answers, meeting: open.meeting };
}

async function already(
  t: TenantStore,
  earlier: { form_id: string; form_version: number; answers: Record<string, unknown> },
): Promise<AnswerFailure> {
  return {
    ok: false,
    kind: 'already',
    form: await formVersion(t, earlier.form_id, earlier.form_version),
    answers: earlier.answers as Answers,
  };
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
): Promise<ActionResult<MeetingRow>> {
  const id = z.string().uuid().safeParse(meetingId);
  const t = store.tenant({ municipalityId: m.id, actor: `staff:${staff.email}` });
  const meeting = id.success ? await t.meetings.get(id.data) : null;
  if (!meeting) return refuse('meetingGone');
  if (!(await mayManageMeeting(store, m, staff, meeting))) {
    return fail(
      'Kun mødets tovholder kan registrere forældres svar.',
      "Only the meeting's coordinator can record parents' answers.",
    );
  }
  if (now >= questionnaireClosesAt(meeting.ends_at, timingOf(m))) return refuse('questionnaireClosed');
  return ok(meeting);
}
