/** `tilknyt <team>` / `link <team>` in a Teams channel. */
import { TurnContext } from 'botbuilder';
import { linkChannel } from '../../app/meetings/linkChannel';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { conversationKindOf } from '../identity';
import { statusCard } from '../../views/meetingCards';
import { HandlerDeps, KnownCaller, refuse, sendCard } from './deps';

export const LINK_COMMAND = /^\s*(?:tilknyt|link)(?:\s+(.*?))?\s*$/i;

/**
 * A message in a channel thread carries ';messageid=…' in its conversation id; posting to that id
 * would answer inside the thread, so the team's posts use the channel itself.
 */
export function channelIdOf(context: TurnContext): string {
  return context.activity.conversation.id.split(';')[0]!;
}

export async function link(_deps: HandlerDeps, context: TurnContext, caller: KnownCaller): Promise<void> {
  const t = MEETING_TEXTS[caller.locale];
  if (conversationKindOf(context) !== 'channel') return refuse(context, caller, t.linkChannelOnly);
  const name = LINK_COMMAND.exec(context.activity.text ?? '')?.[1]?.trim() ?? '';
  if (!name) return refuse(context, caller, t.linkUsage);
  const conversationId = channelIdOf(context);
  const reference = TurnContext.getConversationReference(context.activity);
  const res = await linkChannel(caller.tenant, caller.staff, name, {
    conversationId,
    reference: {
      ...reference,
      conversation: { ...reference.conversation, id: conversationId },
    } as unknown as Record<string, unknown>,
  });
  if (!res.ok) return refuse(context, caller, res);
  await sendCard(context, statusCard(fill(t.linked, { team: res.value.name }), { color: 'Accent' }));
}
