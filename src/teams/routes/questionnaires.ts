import type { RouteKit } from './kit';
import { listMeetingsLackingMinutes } from '../handlers/minutesHandlers';

export const AFTER_MEETING_COMMANDS = {
  minutes: /^\s*(referat|referater|minutes)\s*$/i,
};

/** The `referat` command; the minutes' and questionnaires' card verbs are in cardVerbs.ts. */
export function registerQuestionnaireRoutes(kit: RouteKit): void {
  kit.app.message(AFTER_MEETING_COMMANDS.minutes, kit.personal(listMeetingsLackingMinutes));
}
