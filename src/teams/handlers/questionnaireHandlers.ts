import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { currentForm } from '../../app/questionnaireForms';
import {
  answerQuestionnaire,
  mayManageMeeting,
  meetingSummary,
  recordParentAnswer,
  timingOf,
  type AnswerResult,
} from '../../app/questionnaires';
import { localDateOf } from '../../domain/calendar';
import { hasCprIssue, invalidQuestions } from '../../domain/questionnaires/answers';
import { questionnaireClosesAt } from '../../domain/questionnaires/schedule';
import { AFTER_MEETING_TEXTS } from '../../i18n/afterMeetingTexts';
import { fill } from '../../i18n/texts';
import { questionnaireCard, thanksCard } from '../../views/questionnaireCards';
import { HandlerDeps, KnownCaller, refuse, replaceCard, sendCard } from './deps';

async function answer(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  res: AnswerResult,
  parent: boolean,
): Promise<void> {
  const t = AFTER_MEETING_TEXTS[caller.locale].questionnaire;
  if (!res.ok) {
    if (res.kind === 'refused') return refuse(context, caller, res.reason);
    if (res.kind === 'invalid') {
      if (hasCprIssue(res.error)) return refuse(context, caller, t.cpr);
      const labels = invalidQuestions(res.form, res.error).map(
        (id) => res.form.questions.find((q) => q.id === id)!.label[caller.locale],
      );
      return refuse(context, caller, fill(t.fix, { fields: labels.join(', ') }));
    }
    // Answered before: the spent card becomes the first answer, and says nothing was changed.
    const meeting = await caller.tenant.meetings.get(
      String((context.activity.value as { meetingId?: string }).meetingId),
    );
    if (!meeting) return refuse(context, caller, t.already);
    const summary = await meetingSummary(caller.tenant, meeting);
    return replaceCard(
      context,
      thanksCard({
        form: res.form,
        answers: res.answers,
        meeting: summary,
        locale: caller.locale,
        kind: 'already',
      }),
    );
  }
  const summary = await meetingSummary(caller.tenant, res.meeting);
  deps.log.info({ meetingId: res.meeting.id, parent }, 'questionnaire answered');
  await replaceCard(
    context,
    thanksCard({
      form: res.form,
      answers: res.answers,
      meeting: summary,
      locale: caller.locale,
      kind: parent ? 'parent' : 'thanks',
      recordedBy: caller.staff.name,
    }),
  );
}

export async function submitQuestionnaire(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
) {
  const res = await answerQuestionnaire(
    deps.store,
    caller.municipality,
    caller.staff,
    data,
    deps.clock.now(),
  );
  await answer(deps, context, caller, res, false);
}

export async function submitParentQuestionnaire(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
) {
  const res = await recordParentAnswer(deps.store, caller.municipality, caller.staff, data, deps.clock.now());
  await answer(deps, context, caller, res, true);
}

/** The coordinator's blank questionnaire for one parent's answer (sent as a new card each time). */
export async function openParentQuestionnaire(
  deps: HandlerDeps,
  context: TurnContext,
  caller: KnownCaller,
  data: unknown,
) {
  const t = AFTER_MEETING_TEXTS[caller.locale].questionnaire;
  const id = z.object({ meetingId: z.string().uuid() }).safeParse(data);
  const meeting = id.success ? await caller.tenant.meetings.get(id.data.meetingId) : null;
  if (!meeting)
    return refuse(context, caller, {
      da: 'Mødet findes ikke (længere).',
      en: 'The meeting no longer exists.',
    });
  if (!(await mayManageMeeting(deps.store, caller.municipality, caller.staff, meeting))) {
    return refuse(context, caller, {
      da: 'Kun mødets tovholder kan registrere forældres svar.',
      en: "Only the meeting's coordinator can record parents' answers.",
    });
  }
  const timing = timingOf(caller.municipality);
  const closesAt = questionnaireClosesAt(meeting.ends_at, timing);
  if (deps.clock.now() >= closesAt) {
    return refuse(context, caller, {
      da: 'Spørgeskemaet er lukket, så svaret kan ikke længere registreres.',
      en: 'The questionnaire is closed, so the answer can no longer be recorded.',
    });
  }
  const card = questionnaireCard({
    form: await currentForm(caller.tenant, meeting.format),
    meeting: await meetingSummary(caller.tenant, meeting),
    locale: caller.locale,
    closesOn: localDateOf(closesAt, timing.timeZone),
    mode: 'parent',
  });
  await sendCard(context, card, t.parentTitle);
}
