/** `tilknyt <team>` / `link <team>` in a Teams channel. */
import { linkChannel } from '../../app/meetings/linkChannel';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { statusCard } from '../../views/meetingCards';
import { cardMessage, refusalNotice, type Message } from '../cardReply';
import type { HandlerDeps, KnownCaller } from './deps';

export async function link(_deps: HandlerDeps, caller: KnownCaller, name: string): Promise<Message[]> {
  const t = MEETING_TEXTS[caller.locale];
  const { kind, channelId, reference } = caller.conversation;
  if (kind !== 'channel') return [refusalNotice(t.linkChannelOnly, caller.locale)];
  if (!name) return [refusalNotice(t.linkUsage, caller.locale)];
  const conversation = reference.conversation as Record<string, unknown>;
  const res = await linkChannel(caller.tenant, caller.staff, name, {
    conversationId: channelId,
    reference: { ...reference, conversation: { ...conversation, id: channelId } },
  });
  if (!res.ok) return [refusalNotice(res, caller.locale)];
  return [cardMessage(statusCard(fill(t.linked, { team: res.value.name }), { color: 'Accent' }))];
}
