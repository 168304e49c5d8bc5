import type { RouteKit } from './kit';
import { scheduleCommand, scheduleForm, schedule } from '../handlers/meetingsSchedule';
import { confirmYear, showMeetings, yearPlan } from '../handlers/meetingsYear';
import { cancel, editForm, move, rsvp } from '../handlers/meetingsChange';
import { link, LINK_COMMAND } from '../handlers/meetingsChannel';

export const MEETING_COMMANDS = {
  scheduleMeeting: /^\s*(planlæg møde|planlaeg moede|planlæg et møde|schedule( a)? meeting)\s*$/i,
  meetings: /^\s*(møder|moeder|teammøder|meetings|team meetings)\s*$/i,
  linkChannel: LINK_COMMAND,
};

/** Team meetings: linking a channel, scheduling, the year plan, invitations and RSVP (issue 4). */
export function registerMeetingRoutes(kit: RouteKit): void {
  const { app, anywhere, personal } = kit;
  app.message(MEETING_COMMANDS.scheduleMeeting, personal(scheduleCommand));
  app.message(MEETING_COMMANDS.meetings, anywhere(showMeetings));
  app.message(MEETING_COMMANDS.linkChannel, anywhere(link));
  app.adaptiveCards.actionSubmit('meetingScheduleForm', personal(scheduleForm));
  app.adaptiveCards.actionSubmit('meetingSchedule', personal(schedule));
  app.adaptiveCards.actionSubmit('meetingYearPlan', personal(yearPlan));
  app.adaptiveCards.actionSubmit('meetingYearConfirm', personal(confirmYear));
  app.adaptiveCards.actionSubmit('meetingEditForm', personal(editForm));
  app.adaptiveCards.actionSubmit('meetingMove', personal(move));
  app.adaptiveCards.actionSubmit('meetingCancel', personal(cancel));
  app.adaptiveCards.actionSubmit('meetingRsvp', personal(rsvp));
}
