/**
 * Every typed command, in one typed table beside the card verbs (cardVerbs.ts): its words, where it
 * may be used, and its handler. The table's order is the order they are tried in; anything else
 * typed is answered by the catch-all in botApp.ts. The argument is the pattern's first group.
 */
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { TEXTS } from '../../i18n/texts';
import { openCaseByRef } from '../handlers/caseDetails';
import type { Command, HandlerDeps } from '../handlers/deps';
import { showFollowUps } from '../handlers/followUps';
import { showHelp } from '../handlers/help';
import { link } from '../handlers/meetingsChannel';
import { scheduleCommand } from '../handlers/meetingsSchedule';
import { showMeetings } from '../handlers/meetingsYear';
import { listMeetingsLackingMinutes } from '../handlers/minutesHandlers';
import { showSettings } from '../handlers/settings';
import { showStatus } from '../handlers/status';
import { showOverview } from '../handlers/overview';
import { admit, sendMessages, unknownUserMessage, type Scope } from './pipeline';

export interface CommandRoute {
  pattern: RegExp;
  scope: Scope;
  run: Command;
}

const personal = (pattern: RegExp, run: Command): CommandRoute => ({ pattern, scope: 'personal', run });
const anywhere = (pattern: RegExp, run: Command): CommandRoute => ({ pattern, scope: 'anywhere', run });

export const COMMANDS = {
  help: anywhere(/^\s*(?:hjælp|hjaelp|help|\?)\s*$/i, showHelp),
  // Case data and personal settings are handled in the personal chat only.
  followUps: personal(
    /^\s*(?:mine opfølgninger|mine opfoelgninger|opfølgninger|my follow-?ups|follow-?ups)\s*$/i,
    showFollowUps,
  ),
  settings: personal(/^\s*(?:indstillinger|settings)\s*$/i, showSettings),
  /** `sag REF` / `case REF`: what the Overblik tab's chat link sends, to open one case's card. */
  openCase: personal(/^\s*(?:sag|case)\s+(\S+)\s*$/i, openCaseByRef),
  scheduleMeeting: personal(
    /^\s*(?:planlæg møde|planlaeg moede|planlæg et møde|schedule(?: a)? meeting)\s*$/i,
    scheduleCommand,
  ),
  meetings: anywhere(/^\s*(?:møder|moeder|teammøder|meetings|team meetings)\s*$/i, showMeetings),
  linkChannel: anywhere(/^\s*(?:tilknyt|link)(?:\s+(.*?))?\s*$/i, link),
  /** A unit's figures are for the leader, not for a channel. */
  status: personal(/^\s*status\s*$/i, showStatus),
  /** A leader's unit: overdue and coming deadlines per adviser. */
  overview: personal(/^\s*(?:overblik|overview)\s*$/i, showOverview),
  minutes: personal(/^\s*(?:referat|referater|minutes)\s*$/i, listMeetingsLackingMinutes),
} as const satisfies Record<string, CommandRoute>;

export type CommandName = keyof typeof COMMANDS;

/** Runs one command for the turn's caller, through the one pipeline. */
export async function runCommand(
  deps: HandlerDeps,
  context: TurnContext,
  route: CommandRoute,
): Promise<void> {
  const admission = await admit(deps, context, route.scope);
  if (!admission.ok) {
    if (admission.why === 'unknown')
      return sendMessages(context, [await unknownUserMessage(admission.caller)]);
    return sendMessages(context, [{ text: TEXTS[admission.caller.locale].errors.personalOnly }]);
  }
  const argument = route.pattern.exec(context.activity.text ?? '')?.[1]?.trim() ?? '';
  await sendMessages(context, await route.run(deps, admission.caller, argument));
}

export function registerCommands(app: Application<TurnState>, deps: HandlerDeps): void {
  for (const name of Object.keys(COMMANDS) as CommandName[]) {
    const route: CommandRoute = COMMANDS[name];
    app.message(route.pattern, (context) => runCommand(deps, context, route));
  }
}
