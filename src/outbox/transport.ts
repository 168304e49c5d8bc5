import type { ConversationRefRow } from '../store/conversationsRepo';

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

export interface OutgoingMessage {
  activity: Record<string, unknown>;
  /** Set when the message replaces an earlier card in place (updateActivity). */
  replaceActivityId?: string | null;
}

/** The one thing the sender needs from Teams. The real one wraps botbuilder's proactive API. */
export interface MessageTransport {
  send(conversation: ConversationRefRow, message: OutgoingMessage): Promise<{ activityId: string | null }>;
}
