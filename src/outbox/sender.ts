import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock';
import { isWithinWorkingTime, nextWorkingTime, WorkingHours } from '../domain/calendar';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { OutboxMessage } from '../store/outboxRepo';
import { MessageTransport, TransportError } from './transport';
import { SlidingWindowLimiter, TEAMS_CONVERSATION_WINDOWS, TEAMS_TENANT_WINDOWS } from './rateLimiter';

export interface SendWindow {
  hours: WorkingHours;
  timeZone: string;
}

export interface SenderOptions {
  clock: Clock;
  log: Logger;
  /** The recipient's working hours and zone; channel posts (no recipient) use the municipality's. */
  sendWindow(municipalityId: string, staffId: string | null): Promise<SendWindow>;
  owner?: string;
  batchSize?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /** Real waiting for rate limits; tests may shorten it. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface DrainResult {
  sent: number;
  retried: number;
  parked: number;
  deferred: number;
}

const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);
const DEAD_CODES = new Set([
  'BotNotInConversationRoster',
  'MessageWritesBlocked',
  'ConversationBlockedByUser',
]);

/**
 * Jittered exponential backoff, never shorter than the service's Retry-After, capped at 5 minutes.
 * The 500 ms floor keeps one drain pass from re-claiming the row it has just put back.
 */
export function backoffMs(
  attempt: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number {
  const ceiling = 1_000 * 2 ** Math.max(0, attempt - 1);
  return Math.min(300_000, Math.max(retryAfterMs ?? 0, 500 + Math.round(random() * ceiling)));
}

/**
 * Outbox → Teams. Claims due rows, paces them by Teams' limits, settles each as sent, retried,
 * deferred (outside working hours) or parked (after maxAttempts, or an error retrying cannot fix).
 */
export class OutboxSender {
  private readonly owner: string;
  private readonly tenantLimiter = new SlidingWindowLimiter(TEAMS_TENANT_WINDOWS);
  private readonly conversationLimiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly store: Store,
    private readonly transport: MessageTransport,
    private readonly opts: SenderOptions,
  ) {
    this.owner = opts.owner ?? `sender-${randomUUID()}`;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** Sends everything claimable now, batch by batch, and reports what happened. */
  async drain(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retried: 0, parked: 0, deferred: 0 };
    for (;;) {
      const batch = await this.store.queue.claim(
        this.owner,
        this.opts.clock.now(),
        this.opts.batchSize ?? 25,
        this.opts.leaseMs ?? 60_000,
      );
      if (batch.length === 0) return total;
      const outcomes = await Promise.all(batch.map((m) => this.deliver(m)));
      for (const o of outcomes) total[o]++;
    }
  }

  private async deliver(m: OutboxMessage): Promise<keyof DrainResult> {
    const now = this.opts.clock.now();
    try {
      const window = await this.opts.sendWindow(m.municipality_id, m.recipient_staff_id);
      if (!isWithinWorkingTime(now, window.hours, window.timeZone)) {
        await this.store.queue.defer(m.id, this.owner, nextWorkingTime(now, window.hours, window.timeZone));
        return 'deferred';
      }
      const conversations = this.store.tenant({
        municipalityId: m.municipality_id,
        actor: 'sender',
      }).conversations;
      const conversation = m.conversation_id
        ? await conversations.get(m.conversation_id)
        : m.recipient_staff_id
          ? await conversations.personalFor(m.recipient_staff_id)
          : null;
      if (!conversation || conversation.dead) {
        await this.store.queue.park(
          m.id,
          this.owner,
          conversation
            ? 'conversation is dead (app removed or blocked)'
            : 'no conversation: the recipient has not installed Samspil in Teams',
        );
        return 'parked';
      }
      const settle = await this.pace(m.municipality_id, conversation.conversation_id);
      const payload = m.payload as { activity: Record<string, unknown>; replaceActivityId?: string | null };
      const { activityId } = await this.transport.send(conversation, payload).finally(settle);
      await this.store.queue.markSent(m.id, this.owner, this.opts.clock.now(), activityId);
      return 'sent';
    } catch (err) {
      return this.settleFailure(m, err);
    }
  }

  /** Waits for a slot under both limits and returns a function that settles it once sent. */
  private async pace(tenant: string, conversationId: string): Promise<() => void> {
    const now = Date.now();
    const tenantSlot = this.tenantLimiter.reserve(tenant, now);
    const conversationSlot = this.conversationLimiter.reserve(conversationId, now);
    const at = Math.max(tenantSlot, conversationSlot);
    if (at > now) await this.sleep(at - now);
    return () => {
      const done = Date.now();
      this.tenantLimiter.settle(tenant, tenantSlot, done);
      this.conversationLimiter.settle(conversationId, conversationSlot, done);
    };
  }

  private async settleFailure(m: OutboxMessage, err: unknown): Promise<keyof DrainResult> {
    const e = err instanceof TransportError ? err : null;
    const reason = e
      ? `HTTP ${e.status}${e.code ? ` ${e.code}` : ''}: ${e.message}`
      : String((err as Error)?.message ?? err);
    if (e?.status === 403 && e.code && DEAD_CODES.has(e.code) && m.conversation_id !== null) {
      await this.store
        .tenant({ municipalityId: m.municipality_id, actor: 'sender' })
        .conversations.markDead(m.conversation_id);
    }
    const retryable = !e || RETRYABLE.has(e.status);
    if (retryable && m.attempts < (this.opts.maxAttempts ?? 6)) {
      const delay = backoffMs(m.attempts, e?.retryAfterMs ?? null, this.opts.random);
      await this.store.queue.retryLater(
        m.id,
        this.owner,
        new Date(this.opts.clock.now().getTime() + delay),
        reason,
      );
      this.opts.log.warn({ id: m.id, attempts: m.attempts, delay, reason }, 'send failed; will retry');
      return 'retried';
    }
    await this.store.queue.park(m.id, this.owner, reason);
    this.opts.log.error({ id: m.id, attempts: m.attempts, reason }, 'send parked');
    return 'parked';
  }
}
