import type { ConversationRefRow } from '../store/conversationsRepo';
import type { OutboxPayload } from '../store/outboxRepo';

/** An error from the Teams edge with what the sender needs to decide: retry, park, or mark dead. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** The one thing the sender needs from Teams. The real one wraps botbuilder's proactive API. */
export interface MessageTransport {
  send(conversation: ConversationRefRow, message: OutboxPayload): Promise<{ activityId: string | null }>;
}
