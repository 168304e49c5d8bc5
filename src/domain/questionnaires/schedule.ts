/**
 * When the post-meeting questionnaire goes out, is reminded and closes. Pure: the
 * clock, calendar options and settings are passed in.
 */
import {
  addWorkingDays,
  localDateOf,
  nextWorkingTime,
  type CalendarOptions,
  type WorkingHours,
} from '../calendar';
import type { LocalDate } from '../localDate';

export interface QuestionnaireTiming {
  delayMinutes: number;
  reminderWorkingDays: number;
  closesAfterDays: number;
  timeZone: string;
  workingHours: WorkingHours;
}

export interface Attendance {
  rsvp: 'yes' | 'no' | null;
  attended: boolean | null;
}

/**
 * Who attended: marked present, or said yes and was not marked absent. A coordinator's "absent"
 * overrides an RSVP yes, because it was recorded after the meeting.
 */
export function attended(p: Attendance): boolean {
  return p.attended === true || (p.attended !== false && p.rsvp === 'yes');
}

/** The instant the questionnaire may go out: the meeting's end plus the delay. */
export function questionnaireDueAt(endsAt: Date, t: Pick<QuestionnaireTiming, 'delayMinutes'>): Date {
  return new Date(endsAt.getTime() + t.delayMinutes * 60_000);
}

/** After this instant answers are refused and nothing more is sent. */
export function questionnaireClosesAt(endsAt: Date, t: Pick<QuestionnaireTiming, 'closesAfterDays'>): Date {
  return new Date(endsAt.getTime() + t.closesAfterDays * 24 * 60 * 60_000);
}

export function isQuestionnaireOpen(endsAt: Date, now: Date, t: QuestionnaireTiming): boolean {
  return now >= questionnaireDueAt(endsAt, t) && now < questionnaireClosesAt(endsAt, t);
}

/**
 * The day a non-respondent is reminded: the given number of working days after the day the
 * questionnaire actually reaches them (the sender holds it until working hours, so a meeting
 * ending late on a Friday is sent on Monday and reminded on Wednesday).
 */
export function reminderDate(endsAt: Date, t: QuestionnaireTiming, opts?: CalendarOptions): LocalDate {
  const sentAt = nextWorkingTime(questionnaireDueAt(endsAt, t), t.workingHours, t.timeZone, opts);
  return addWorkingDays(localDateOf(sentAt, t.timeZone), t.reminderWorkingDays, opts);
}

/** Remind once, on or after the reminder day, while open and only if the person has not answered. */
export function shouldRemind(
  endsAt: Date,
  now: Date,
  answered: boolean,
  t: QuestionnaireTiming,
  opts?: CalendarOptions,
): boolean {
  if (answered || !isQuestionnaireOpen(endsAt, now, t)) return false;
  return localDateOf(now, t.timeZone) >= reminderDate(endsAt, t, opts);
}
