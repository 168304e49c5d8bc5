import type { RouteKit } from './kit';
import {
  openParentQuestionnaire,
  submitParentQuestionnaire,
  submitQuestionnaire,
} from '../handlers/questionnaireHandlers';
import {
  listMeetingsLackingMinutes,
  markAgreementDone,
  openMinutes,
  submitMinutes,
} from '../handlers/minutesHandlers';

export const AFTER_MEETING_COMMANDS = {
  minutes: /^\s*(referat|referater|minutes)\s*$/i,
};

/** Signs of Safety minutes and the post-meeting questionnaire (issues 4 and 5). */
export function registerQuestionnaireRoutes(kit: RouteKit): void {
  kit.app.message(AFTER_MEETING_COMMANDS.minutes, kit.personal(listMeetingsLackingMinutes));
  // Answers and minutes are personal: they are answered and written in the personal chat only.
  kit.app.adaptiveCards.actionSubmit('answerQuestionnaire', kit.personal(submitQuestionnaire));
  kit.app.adaptiveCards.actionSubmit('answerParentQuestionnaire', kit.personal(submitParentQuestionnaire));
  kit.app.adaptiveCards.actionSubmit('openParentQuestionnaire', kit.personal(openParentQuestionnaire));
  kit.app.adaptiveCards.actionSubmit('openMinutes', kit.personal(openMinutes));
  kit.app.adaptiveCards.actionSubmit('saveMinutes', kit.personal(submitMinutes));
  kit.app.adaptiveCards.actionSubmit('agreementDone', kit.personal(markAgreementDone));
}
