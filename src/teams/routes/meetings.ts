import type { RouteKit } from './kit';
import { scheduleCommand } from '../handlers/meetingsSchedule';
import { showMeetings } from '../handlers/meetingsYear';
import { link, LINK_COMMAND } from '../handlers/meetingsChannel';

export const MEETING_COMMANDS = {
  scheduleMeeting: /^\s*(planlæg møde|planlaeg moede|planlæg et møde|schedule( a)? meeting)\s*$/i,
  meetings: /^\s*(møder|moeder|teammøder|meetings|team meetings)\s*$/i,
  linkChannel: LINK_COMMAND,
};

/** Team meetings' commands: linking a channel, scheduling, the school year (card verbs: cardVerbs.ts). */
export function registerMeetingRoutes(kit: RouteKit): void {
  const { app, anywhere, personal } = kit;
  app.message(MEETING_COMMANDS.scheduleMeeting, personal(scheduleCommand));
  app.message(MEETING_COMMANDS.meetings, anywhere(showMeetings));
  app.message(MEETING_COMMANDS.linkChannel, anywhere(link));
}
