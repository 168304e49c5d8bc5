import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference, Activity } from 'botbuilder';
import type { ConversationRefRow } from '../store/conversationsRepo';
import { MessageTransport, OutgoingMessage, TransportError } from '../outbox/transport';

interface RestErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: {
    headers?: { get?(name: string): string | undefined };
    parsedBody?: { error?: { code?: string } };
  };
  body?: { error?: { code?: string } };
}

function toTransportError(err: unknown): TransportError {
  const e = err as RestErrorLike;
  const status = e?.statusCode ?? 0;
  const code =
    e?.response?.parsedBody?.error?.code ??
    e?.body?.error?.code ??
    (typeof e?.code === 'string' ? e.code : null);
  const retryAfter = e?.response?.headers?.get?.('retry-after');
  const seconds = retryAfter !== undefined ? Number(retryAfter) : NaN;
  return new TransportError(
    e?.message ?? String(err),
    status,
    code ?? null,
    Number.isFinite(seconds) ? seconds * 1000 : null,
  );
}

/** Proactive sends through botbuilder's CloudAdapter, with its errors mapped for the sender. */
export class BotFrameworkTransport implements MessageTransport {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  async send(
    conversation: ConversationRefRow,
    message: OutgoingMessage,
  ): Promise<{ activityId: string | null }> {
    const reference = conversation.reference as Partial<ConversationReference>;
    let activityId: string | null = null;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        if (message.replaceActivityId) {
          await context.updateActivity({
            ...(message.activity as Partial<Activity>),
            id: message.replaceActivityId,
          });
          activityId = message.replaceActivityId;
        } else {
          const res = await context.sendActivity(message.activity as Partial<Activity>);
          activityId = res?.id ?? null;
        }
      });
    } catch (err) {
      throw toTransportError(err);
    }
    return { activityId };
  }
}
