// The modules themselves, not the package's index: that also loads the AI planners, tokenizers and
// text recognisers Samspil never uses, about 30 MB of a server's memory (docs/performance.md).
import { Application } from '@microsoft/teams-ai/lib/Application';
import type { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import type { TurnState } from '@microsoft/teams-ai/lib/TurnState';
import { ActivityTypes, MemoryStorage, TurnContext } from 'botbuilder';
import { TEXTS } from '../i18n/texts';
import { localeFrom } from '../i18n/locale';
import type { HandlerDeps } from './handlers/deps';
import { registerCardVerbs } from './routes/execute';
import { identify } from './identity';
import { COMMANDS, registerCommands, runCommand } from './routes/commands';
import { registerMeetingEvents } from './routes/meetingEvents';

export interface BotDeps extends HandlerDeps {
  adapter: TeamsAdapter;
  botAppId?: string;
}

/**
 * The teams-ai Application: routing only. Handlers translate activities into application calls
 * and back; the rules live in src/domain and src/app.
 */
export function createBotApp(deps: BotDeps): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter: deps.adapter,
    botAppId: deps.botAppId ?? '',
    storage: new MemoryStorage(),
    removeRecipientMention: true,
    startTypingTimer: false,
  });
  // Every typed command and every card button, from their two tables (routes/commands.ts,
  // routes/cardVerbs.ts), through the one caller pipeline; the catch-alls below must stay last.
  registerCommands(app, deps);
  registerCardVerbs(app, deps);

  registerMeetingEvents(app, deps);

  // Installation in a personal chat, a team or a group chat: remember the conversation and say hello.
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    if (context.activity.action === 'add' || context.activity.action === 'add-upgrade') {
      await runCommand(deps, context, COMMANDS.help);
    }
  });
  app.conversationUpdate('membersAdded', async (context) => {
    const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
    if (botAdded) await identify(deps.store, context, { devFallback: deps.devFallback });
  });

  // Anything else typed: a polite pointer to help. A message with a value and no text is a press on
  // a card sent before every button became Action.Execute (docs/cards.md): say so instead.
  app.activity(ActivityTypes.Message, async (context) => {
    const caller = await identify(deps.store, context, { devFallback: deps.devFallback });
    const t = TEXTS[caller?.locale ?? localeFrom()].errors;
    const oldCard = !context.activity.text?.trim() && context.activity.value !== undefined;
    await context.sendActivity(oldCard ? t.oldCard : t.unknownCommand);
  });
  // An invoke no route took would make the HTTP answer 501 (docs/teams-app.md, platform facts): answer it politely instead.
  app.activity(ActivityTypes.Invoke, async (context) => {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: {} } });
  });

  app.error(async (context: TurnContext, error: Error) => {
    deps.log.error({ err: error, activityType: context.activity?.type }, 'turn failed');
    const locale = localeFrom();
    await context.sendActivity(TEXTS[locale].errors.generic).catch(() => undefined);
  });
  return app;
}
