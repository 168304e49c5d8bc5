import {
  attended,
  isQuestionnaireOpen,
  questionnaireDueAt,
  reminderDate,
  shouldRemind,
  type QuestionnaireTiming,
} from '../../../src/domain/questionnaires/schedule';
import { zonedInstant } from '../../../src/domain/calendar';

const timing: QuestionnaireTiming = {
  delayMinutes: 30,
  reminderWorkingDays: 2,
  closesAfterDays: 14,
  timeZone: 'Europe/Copenhagen',
  workingHours: { start: '08:00', end: '16:00' },
};
const at = (date: string, time: string) => zonedInstant(date, time, 'Europe/Copenhagen');

describe('who gets the questionnaire', () => {
  it('counts RSVP yes or marked present as attended; marked absent overrides a yes', () => {
    expect(attended({ rsvp: 'yes', attended: null })).toBe(true);
    expect(attended({ rsvp: null, attended: true })).toBe(true);
    expect(attended({ rsvp: 'no', attended: true })).toBe(true);
    expect(attended({ rsvp: 'yes', attended: false })).toBe(false);
    expect(attended({ rsvp: null, attended: null })).toBe(false);
    expect(attended({ rsvp: 'no', attended: null })).toBe(false);
  });
});

describe('when the questionnaire is sent, reminded and closed', () => {
  const ends = at('2026-11-24', '10:00'); // Tuesday

  it('opens at the end plus the delay and closes after the configured days', () => {
    expect(questionnaireDueAt(ends, timing)).toEqual(at('2026-11-24', '10:30'));
    expect(isQuestionnaireOpen(ends, at('2026-11-24', '10:29'), timing)).toBe(false);
    expect(isQuestionnaireOpen(ends, at('2026-11-24', '10:30'), timing)).toBe(true);
    expect(isQuestionnaireOpen(ends, at('2026-12-08', '09:59'), timing)).toBe(true);
    expect(isQuestionnaireOpen(ends, at('2026-12-08', '10:00'), timing)).toBe(false);
  });

  it('reminds 2 working days after the day it was sent', () => {
    expect(reminderDate(ends, timing)).toBe('2026-11-26');
  });

  it('counts from the next working morning when the meeting ends after working hours on a Friday', () => {
    // Friday 27 Nov 15:45 + 30 min = 16:15, after hours: sent Monday 30 Nov, reminded Wednesday 2 Dec.
    expect(reminderDate(at('2026-11-27', '15:45'), timing)).toBe('2026-12-02');
  });

  it('skips holidays when counting: sent 23 Dec, reminded 28 Dec', () => {
    // 24, 25, 26 (Sat) and 27 (Sun) are closed; 28 is the first, 29 the second working day.
    expect(reminderDate(at('2026-12-23', '09:00'), timing)).toBe('2026-12-29');
  });

  it('reminds only someone who has not answered, from the reminder day, while open', () => {
    expect(shouldRemind(ends, at('2026-11-25', '12:00'), false, timing)).toBe(false);
    expect(shouldRemind(ends, at('2026-11-26', '08:00'), false, timing)).toBe(true);
    expect(shouldRemind(ends, at('2026-11-26', '08:00'), true, timing)).toBe(false);
    expect(shouldRemind(ends, at('2026-12-09', '08:00'), false, timing)).toBe(false);
  });
});
