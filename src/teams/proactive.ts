import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { ConversationReference, Activity } from 'botbuilder';
import type { ConversationRefRow } from '../store/conversationsRepo';
import { MessageTransport, TransportError } from '../outbox/transport';
import type { OutboxPayload } from '../store/outboxRepo';

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

/** A connector error as the sender and a turn's replies judge it: status, code, Retry-After. */
export function toTransportError(err: unknown): TransportError {
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

/**
 * Proactive sends through botbuilder's CloudAdapter, with its errors mapped for the sender.
 * The error of a send is caught inside the turn callback and rethrown after it: the adapter's
 * onTurnError (which teams-ai's `app.error` installs on the same adapter to answer users) would
 * otherwise swallow it, the sender would record a failed send as sent, and the user would get the
 * generic error text instead of their reminder.
 */
export class BotFrameworkTransport implements MessageTransport {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  async send(
    conversation: ConversationRefRow,
    message: OutboxPayload,
  ): Promise<{ activityId: string | null }> {
    const reference = conversation.reference as Partial<ConversationReference>;
    let activityId: string | null = null;
    let failure: { error: unknown } | null = null;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        try {
          if (message.replaceActivityId) {
            // PUT with the earlier activity's id: repeating it after a crash replaces the same card.
            await context.updateActivity({
              ...(message.activity as Partial<Activity>),
              id: message.replaceActivityId,
            });
            activityId = message.replaceActivityId;
          } else {
            const res = await context.sendActivity(message.activity as Partial<Activity>);
            activityId = res?.id ?? null;
          }
        } catch (error) {
          failure = { error };
        }
      });
    } catch (err) {
      throw toTransportError(err);
    }
    if (failure) throw toTransportError((failure as { error: unknown }).error);
    return { activityId };
  }
}
