import { renderCard } from '../../cards/render';
import { TEXTS } from '../../i18n/texts';
import { cardMessage, type Message } from '../cardReply';
import type { HandlerDeps, KnownCaller } from './deps';

export async function showHelp(_deps: HandlerDeps, caller: KnownCaller): Promise<Message[]> {
  return [cardMessage(renderCard('help', { t: TEXTS[caller.locale].help }), TEXTS[caller.locale].help.title)];
}
