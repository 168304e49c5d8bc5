import { currentForm } from '../../app/questionnaireForms';
import { PARENT_FORM_ID } from '../../app/parentAnswers';
import {
  answerQuestionnaire,
  meetingSummary,
  parentAnswerAccess,
  recordParentAnswer,
  earlierAnswer,
  submittedForm,
  timingOf,
  type AnswerResult,
} from '../../app/questionnaires';
import { refuse } from '../../domain/result';
import type { QuestionnaireForm } from '../../domain/questionnaires/form';
import { localDateOf } from '../../domain/calendar';
import { questionnaireClosesAt } from '../../domain/questionnaires/schedule';
import type { MeetingRow } from '../../store/meetingsRepo';
import { AFTER_MEETING_TEXTS } from '../../i18n/afterMeetingTexts';
import { questionnaireCard, thanksCard } from '../../views/questionnaireCards';
import { alreadyDone, note, opened, refusalText, refusedForm, replace, type CardReply } from '../cardReply';
import { HandlerDeps, KnownCaller } from './deps';

/** The questionnaire card as it was sent, to show a refused answer on it again. */
async function formCard(caller: KnownCaller, meeting: MeetingRow, form: QuestionnaireForm, parent: boolean) {
  const timing = timingOf(caller.municipality);
  return questionnaireCard({
    form,
    meeting: await meetingSummary(caller.tenant, meeting),
    locale: caller.locale,
    closesOn: localDateOf(questionnaireClosesAt(meeting.ends_at, timing), timing.timeZone),
    mode: parent ? 'parent' : 'first',
    profession: parent ? undefined : (caller.staff.profession ?? undefined),
  });
}

async function answer(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
  res: AnswerResult,
  parent: boolean,
): Promise<CardReply> {
  if (!res.ok) {
    // A refusal about the whole card (no input named) is a note; the action checked the card's
    // meeting before it could refuse an input or find the card spent.
    if (!res.stale && !res.problems.some((p) => p.field)) return note(refusalText(res, caller.locale));
    const meeting = await caller.tenant.meetings.get(String(values.meetingId ?? ''));
    if (!meeting) return note(refusalText(refuse('meetingGone'), caller.locale));
    if (!res.stale) {
      const form = await submittedForm(caller.tenant, values);
      if (!form) return note(refusalText(res, caller.locale));
      return refusedForm(await formCard(caller, meeting, form, parent), values, res.problems, caller.locale);
    }
    // Answered before: the spent card shows the first answer, titled as already answered.
    const earlier = await earlierAnswer(caller.tenant, caller.staff, meeting.id);
    if (!earlier) return alreadyDone(caller.locale, null);
    const first = thanksCard({
      ...earlier,
      meeting: await meetingSummary(caller.tenant, meeting),
      locale: caller.locale,
      kind: 'already',
    });
    return replace(first);
  }
  const answered = res.value;
  deps.log.info({ meetingId: answered.meeting.id, parent }, 'questionnaire answered');
  return replace(
    thanksCard({
      form: answered.form,
      answers: answered.answers,
      meeting: await meetingSummary(caller.tenant, answered.meeting),
      locale: caller.locale,
      kind: parent ? 'parent' : 'thanks',
      recordedBy: caller.staff.name,
    }),
  );
}

/** A submitted questionnaire, a participant's own or a parent's answer recorded by the coordinator. */
function submitting(record: typeof answerQuestionnaire, parent: boolean) {
  return async (
    deps: HandlerDeps,
    caller: KnownCaller,
    values: Record<string, unknown>,
  ): Promise<CardReply> => {
    const res = await record(deps.store, caller.municipality, caller.staff, values, deps.clock.now());
    return answer(deps, caller, values, res, parent);
  };
}

export const submitQuestionnaire = submitting(answerQuestionnaire, false);
export const submitParentQuestionnaire = submitting(recordParentAnswer, true);

/** The coordinator's blank questionnaire for one parent's answer (a new card below each time). */
export async function openParentQuestionnaire(
  deps: HandlerDeps,
  caller: KnownCaller,
  values: Record<string, unknown>,
): Promise<CardReply> {
  const t = AFTER_MEETING_TEXTS[caller.locale].questionnaire;
  const res = await parentAnswerAccess(
    deps.store,
    caller.municipality,
    caller.staff,
    values.meetingId,
    deps.clock.now(),
  );
  if (!res.ok) return note(refusalText(res, caller.locale));
  const meeting = res.value;
  const form = await currentForm(caller.tenant, PARENT_FORM_ID);
  return opened(await formCard(caller, meeting, form, true), caller.locale, t.parentTitle);
}
