import type { TurnContext } from 'botbuilder';
import { renderCard } from '../../cards/render';
import { TEXTS } from '../../i18n/texts';
import { HandlerDeps, KnownCaller, sendCard } from './deps';

export async function showHelp(_deps: HandlerDeps, context: TurnContext, caller: KnownCaller): Promise<void> {
  await sendCard(
    context,
    renderCard('help', { t: TEXTS[caller.locale].help }),
    TEXTS[caller.locale].help.title,
  );
}
