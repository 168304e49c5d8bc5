/**
 * A parent's answer about a meeting about their child (seed 002 §2.4: whether the parents felt heard
 * is one of the model's measures). The parent answers the parents' form on their own phone through
 * the meeting's signed link, or with the coordinator in Teams (marked assisted). Either way the
 * answer takes one of the meeting's places for parents, never more than the parents expected, and
 * stores nothing about who gave it: no staff id, no name, no address, no device.
 */
import { localDateOf } from '../domain/calendar';
import type { LocalDate } from '../domain/localDate';
import { parseAnswers, type Answers } from '../domain/questionnaires/answers';
import type { QuestionnaireForm } from '../domain/questionnaires/form';
import { questionnaireClosesAt } from '../domain/questionnaires/schedule';
import type { MeetingRow } from '../store/meetingsRepo';
import type { Store, TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import { invalidInput, ok, refuse, type Refusal, type Result } from '../domain/result';
import type { MunicipalityContext } from './municipalityContext';
import type { ParentLink, ParentLinks } from './parentLinks';
import { currentForm, formVersion } from './questionnaireForms';
import { timingOf } from './questionnaires';

/** The parents' form; its answers never carry a profession or a staff id. */
export const PARENT_FORM_ID = 'parent';

/** What the page needs to show the form: the form and the meeting's date, nothing more. */
export interface ParentFormView {
  form: QuestionnaireForm;
  meetingDate: LocalDate;
  municipalityName: string;
  closesOn: LocalDate;
}

/**
 * When a meeting's parents' link stops taking answers: when its questionnaire closes
 * (`questionnaireClosesAfterDays`, 14 by default, after the meeting's end).
 */
export function parentLinkExpiry(meeting: MeetingRow, m: MunicipalityContext): Date {
  return questionnaireClosesAt(meeting.ends_at, timingOf(m));
}

/** The link the coordinator's card shows for a meeting about a child, or null for a theme meeting. */
export function parentLinkFor(
  links: ParentLinks | undefined,
  m: MunicipalityContext,
  meeting: MeetingRow,
): string | null {
  if (!links || meeting.format !== 'child' || meeting.parents_expected === 0) return null;
  return links.url(m.id, meeting.id, parentLinkExpiry(meeting, m));
}

/** A meeting whose parents may answer now, or why not. */
async function answerableMeeting(
  t: TenantStore,
  m: MunicipalityContext,
  meetingId: string,
  expiresAt: Date,
  now: Date,
): Promise<Result<MeetingRow>> {
  if (now >= expiresAt) return refuse('questionnaireClosed');
  const meeting = await t.meetings.get(meetingId);
  if (!meeting || meeting.format !== 'child') return refuse('meetingGone');
  if (meeting.status === 'cancelled') return refuse('meetingCancelled');
  if (now < meeting.ends_at) return refuse('questionnaireNotOpen');
  // The municipality may have shortened the questionnaire's time since the link was made.
  if (now >= parentLinkExpiry(meeting, m)) return refuse('questionnaireClosed');
  const places = await t.questionnaires.parentPlaces(meeting.id);
  if (!places || places.taken >= places.expected) return refuse('parentAnswersFull');
  return ok(meeting);
}

function viewOf(form: QuestionnaireForm, meeting: MeetingRow, m: MunicipalityContext): ParentFormView {
  return {
    form,
    meetingDate: meeting.date,
    municipalityName: m.name,
    closesOn: localDateOf(parentLinkExpiry(meeting, m), m.settings.timeZone),
  };
}

const parentTenant = (store: Store, m: MunicipalityContext) =>
  store.tenant({ municipalityId: m.id, actor: 'parent-link' });

/** The parents' form behind a signed link, if the meeting takes answers now. */
export async function openParentForm(
  store: Store,
  m: MunicipalityContext,
  link: ParentLink,
  now: Date,
): Promise<Result<ParentFormView>> {
  const t = parentTenant(store, m);
  const meeting = await answerableMeeting(t, m, link.meetingId, link.expiresAt, now);
  if (!meeting.ok) return meeting;
  return ok(viewOf(await currentForm(t, PARENT_FORM_ID), meeting.value, m));
}

/** A refused answer keeps the form it was given on, so the page can show it again beside the reasons. */
export type ParentAnswerResult =
  | { ok: true; form: QuestionnaireForm; answers: Answers }
  | { ok: false; refusal: Refusal; view: ParentFormView | null };

/**
 * Stores one parent's answer to the form version the page or card carried. `helper` is the
 * coordinator when the parent answers with help in Teams; then the answer is marked assisted.
 */
export async function submitParentAnswer(
  store: Store,
  m: MunicipalityContext,
  target: { meetingId: string; expiresAt: Date },
  input: Record<string, unknown>,
  now: Date,
  helper: StaffRow | null = null,
): Promise<ParentAnswerResult> {
  const t = helper
    ? store.tenant({ municipalityId: m.id, actor: `staff:${helper.email}` })
    : parentTenant(store, m);
  const meeting = await answerableMeeting(t, m, target.meetingId, target.expiresAt, now);
  if (!meeting.ok) return { ok: false, refusal: meeting, view: null };
  const version = Number(input.formVersion);
  const form =
    (Number.isInteger(version) && (await formVersion(t, PARENT_FORM_ID, version))) ||
    (await currentForm(t, PARENT_FORM_ID));
  const view = viewOf(form, meeting.value, m);
  const parsed = parseAnswers(form, input);
  if (!parsed.ok) return { ok: false, refusal: invalidInput(parsed.error), view };
  const row = await t.questionnaires.recordParent({
    meetingId: meeting.value.id,
    recordedByStaffId: helper?.id ?? null,
    assisted: helper !== null,
    formId: form.id,
    formVersion: form.version,
    answers: parsed.answers,
    // The day only: the minute an answer came in could tell who at the table sent it.
    answeredAt: new Date(`${localDateOf(now, m.settings.timeZone)}T12:00:00Z`),
  });
  if (!row) return { ok: false, refusal: refuse('parentAnswersFull'), view: null };
  return { ok: true, form, answers: parsed.answers };
}
