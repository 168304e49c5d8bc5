/**
 * Every card verb and its handler, in one typed table. A card template names its verb on an
 * `Action.Execute`; test/teams/cardVerbs.test.ts fails on a verb in cards/ with no entry here and on
 * an entry no card uses, and views take their verb as a `CardVerb`, so a misspelt one fails the
 * type-check.
 */
import { openCase } from '../handlers/caseDetails';
import { openDeadline, postpone, register, showFollowUpsFromCard, snooze } from '../handlers/followUps';
import { saveSettings, showSettingsFromCard } from '../handlers/settings';
import { scheduleForm, schedule } from '../handlers/meetingsSchedule';
import { confirmYear, yearPlan } from '../handlers/meetingsYear';
import { cancel, cancelAsk, cancelKeep, editForm, move, rsvp } from '../handlers/meetingsChange';
import {
  openParentQuestionnaire,
  submitParentQuestionnaire,
  submitQuestionnaire,
} from '../handlers/questionnaireHandlers';
import { markAgreementDone, openMinutes, submitMinutes } from '../handlers/minutesHandlers';
import type { CardAction } from '../handlers/deps';
import type { Scope } from './pipeline';

/** Where a card verb may be pressed, and its handler. */
export interface CardVerbRoute {
  scope: Scope;
  run: CardAction;
}

const personal = (run: CardVerbRoute['run']): CardVerbRoute => ({ scope: 'personal', run });

export const CARD_VERBS = {
  // Follow-ups and settings: case data and personal settings stay in the personal chat.
  showFollowUps: personal(showFollowUpsFromCard),
  showSettings: personal(showSettingsFromCard),
  registerFollowUp: personal(register),
  postponeFollowUp: personal(postpone),
  snoozeReminder: personal(snooze),
  openCase: personal(openCase),
  openDeadline: personal(openDeadline),
  saveSettings: personal(saveSettings),
  // Team meetings.
  meetingScheduleForm: personal(scheduleForm),
  meetingSchedule: personal(schedule),
  meetingYearPlan: personal(yearPlan),
  meetingYearConfirm: personal(confirmYear),
  meetingEditForm: personal(editForm),
  meetingMove: personal(move),
  meetingCancelAsk: personal(cancelAsk),
  meetingCancelKeep: personal(cancelKeep),
  meetingCancel: personal(cancel),
  meetingRsvp: personal(rsvp),
  // After a meeting: answers and minutes are written in the personal chat only.
  answerQuestionnaire: personal(submitQuestionnaire),
  answerParentQuestionnaire: personal(submitParentQuestionnaire),
  openParentQuestionnaire: personal(openParentQuestionnaire),
  openMinutes: personal(openMinutes),
  saveMinutes: personal(submitMinutes),
  agreementDone: personal(markAgreementDone),
} as const satisfies Record<string, CardVerbRoute>;

export type CardVerb = keyof typeof CARD_VERBS;
