import { FIXED_REFUSAL_WORDS } from '../problems';
import type { ParentPageTexts } from './types';

export const en: ParentPageTexts = {
  code: 'en',
  name: 'English',
  dateLocale: 'en',
  language: 'Language',
  title: 'Questionnaire after the meeting about your child',
  meetingOn: 'The meeting was on {date}.',
  openUntil: 'You can answer until {date} inclusive.',
  required: 'required',
  optional: 'optional',
  submit: 'Send answer',
  errorSummary: 'Please correct the following before the answer can be sent:',
  storedTitle: 'What do we store, and who sees it?',
  stored: [
    'We store only your answers and the date. Not your name, your phone number, your IP address or the time of day.',
    "Nobody from the meeting can see what you answered. The municipality sees parents' answers only added together, and only when at least 5 parents have answered.",
    'When you have sent your answer, your phone remembers it in a small cookie so it does not send the same answer twice. The cookie holds nothing about you and disappears when the questionnaire closes.',
    "The answers are deleted with the meeting when the municipality's retention period has passed.",
  ],
  commentNote: 'Please do not write names or CPR numbers. Comments are not shown to anyone from the meeting.',
  thanksTitle: 'Thank you for your answer',
  thanksBody: 'Your answer is saved. You can close this page now.',
  alreadyTitle: 'You have already answered',
  alreadyBody: 'This phone has already sent an answer about the meeting. Thank you.',
  refusedTitle: 'You cannot answer here',
  invalidLinkTitle: 'The link does not work',
  invalidLink:
    'The link is not valid. Check that it is typed exactly right, or scan the QR code from the meeting again.',
  tooLarge: 'The answer is too long. Please write a shorter comment and send it again.',
  tooMany: 'Many answers were sent in a short time. Please wait a minute and try again.',
  unavailable: 'The page cannot be used right now. Please try again shortly.',
  cprRemoved: 'We removed your comment because it looked like it contained a CPR number.',
  problems: Object.fromEntries(Object.entries(FIXED_REFUSAL_WORDS).map(([k, v]) => [k, { en: v.en }])),
};
