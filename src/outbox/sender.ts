import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock';
import { isWithinWorkingTime, nextWorkingTime, WorkingHours } from '../domain/calendar';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import { ClaimedMessage, destinationOf, Settlement } from '../store/outboxRepo';
import { MessageTransport, TransportError } from './transport';
import {
  SENDER_PER_TENANT_SECOND,
  SENDER_TENANT_WINDOWS,
  SlidingWindowLimiter,
  TEAMS_CONVERSATION_WINDOWS,
} from './rateLimiter';
import { TenantBudget } from './tenantBudget';
import { SendBudgetRepo } from '../store/sendBudgetRepo';

export interface SendWindow {
  hours: WorkingHours;
  timeZone: string;
}

export interface SenderOptions {
  clock: Clock;
  log: Logger;
  /** The recipient's working hours and zone; channel posts (no recipient) use the municipality's. */
  sendWindow(
    municipalityId: string,
    recipient: { working_start: string | null; working_end: string | null } | null,
  ): Promise<SendWindow>;
  owner?: string;
  /** Messages in flight at once (claimed and not yet settled). */
  concurrency?: number;
  leaseMs?: number;
  maxAttempts?: number;
  /**
   * Outcomes are written together at most this long after the first of them (default 50 ms): the
   * duplicate window after a crash is this plus one round trip (docs/outbox.md).
   */
  flushMs?: number;
  /** Real waiting for rate limits; tests may shorten it. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface DrainResult {
  sent: number;
  retried: number;
  parked: number;
  deferred: number;
  /** No conversation with the recipient yet: kept until they open Samspil. */
  waiting: number;
  /** Superseded by a newer version, or expired before it could be delivered. */
  dropped: number;
  /** Sent, but the lease had passed to another sender before the result was written. */
  leaseLost: number;
}

type Outcome = Exclude<keyof DrainResult, 'leaseLost'>;

const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);
const DEAD_CODES = new Set([
  'BotNotInConversationRoster',
  'MessageWritesBlocked',
  'ConversationBlockedByUser',
]);
/** Rows of one conversation in flight at once: more would only wait for the 1 s window. */
const PER_DESTINATION = 4;
/** Rows of one tenant in flight at once: one second of the sender's share of the tenant's budget. */
const PER_TENANT = SENDER_PER_TENANT_SECOND;
/**
 * Sends that may be on the wire or delivered-but-not-yet-committed at once. This bounds the
 * duplicate window of a crash (docs/outbox.md) however starved the process is of CPU.
 */
const MAX_UNSETTLED = 8;
/** Outcomes written at once without waiting for flushMs: half the unsettled places. */
const FLUSH_AT = MAX_UNSETTLED / 2;
/** How long a replacement waits for an earlier card still on the wire before it looks again. */
const REPLACE_WAIT_MS = 2_000;

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

export const emptyDrain = (): DrainResult => ({
  sent: 0,
  retried: 0,
  parked: 0,
  deferred: 0,
  waiting: 0,
  dropped: 0,
  leaseLost: 0,
});

/**
 * Outbox → Teams (docs/outbox.md). Keeps up to `concurrency` messages in flight: a claim in one
 * query tops the pool up, each message is paced by Teams' limits on its own (a slow one holds back
 * nobody), and outcomes are written in one query per flush. Conversations and tenants whose window
 * is full are left out of the claim, so one busy channel never delays everyone else. While a send
 * waits (Retry-After, pacing, a slow connector) the lease is renewed; a row whose lease was lost is
 * not sent, and its late result cannot overwrite the new holder's (the claim token fences it).
 */
export class OutboxSender {
  private readonly owner: string;
  private readonly tenantLimiter = new SlidingWindowLimiter(SENDER_TENANT_WINDOWS);
  private readonly budget: TenantBudget;
  private readonly conversationLimiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private stopping = false;
  private unsettled = 0;
  private readonly room: (() => void)[] = [];
  private readonly holding = new Set<number>();

  constructor(
    private readonly store: Store,
    private readonly transport: MessageTransport,
    private readonly opts: SenderOptions,
  ) {
    this.owner = opts.owner ?? `sender-${randomUUID()}`;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.concurrency = opts.concurrency ?? 128;
    this.budget = new TenantBudget(new SendBudgetRepo(store.engine));
  }

  /** Stop claiming; a drain in progress finishes what it holds and returns. */
  stop(): void {
    this.stopping = true;
  }

  /** Sends everything claimable now and reports what happened. */
  async drain(): Promise<DrainResult> {
    const total = emptyDrain();
    const inFlight = new Map<number, { m: ClaimedMessage; done: Promise<void> }>();
    const perDestination = new Map<string, number>();
    const perTenant = new Map<string, number>();
    const lost = new Set<number>();
    let pending: Settlement[] = [];
    let firstPendingAt = 0;
    let exhausted = false;

    const bump = (map: Map<string, number>, key: string, by: number) => {
      const n = (map.get(key) ?? 0) + by;
      if (n <= 0) map.delete(key);
      else map.set(key, n);
    };
    const flushMs = this.opts.flushMs ?? 50;
    let flushing: Promise<void> | null = null;
    let wake: (() => void) | null = null;
    // Outcomes are written by their own loop, never behind a claim or a slow send.
    const kick = () => {
      if (flushing) {
        if (pending.length >= FLUSH_AT) wake?.();
        return;
      }
      if (pending.length === 0) return;
      flushing = (async () => {
        // Half a window of outcomes is written at once (sends wait for their places); fewer wait
        // for the others that are on the wire, at most flushMs, so one statement carries several.
        const wait = pending.length >= FLUSH_AT ? 0 : firstPendingAt + flushMs - Date.now();
        if (wait > 0)
          await new Promise<void>((r) => {
            const timer = setTimeout(r, wait);
            wake = () => {
              clearTimeout(timer);
              r();
            };
          });
        wake = null;
        await flush();
      })()
        .catch((err: unknown) => this.opts.log.error({ err }, 'could not write outcomes'))
        .finally(() => {
          flushing = null;
          kick();
        });
    };
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      const settled = await this.untilStored(() => this.store.queue.settle(batch)).finally(() => {
        for (const b of batch) if (this.holding.delete(b.id)) this.release();
      });
      if (!settled) {
        // The database stayed away longer than half a lease: the rows return to the queue when
        // their lease ends, and a message already delivered may be sent again (docs/outbox.md).
        this.opts.log.error({ ids: batch.map((b) => b.id) }, 'outcomes not written: the database is away');
        return;
      }
      for (const s of batch) {
        if (settled.has(s.id)) continue;
        if (s.status === 'sent') total.leaseLost++;
        this.opts.log.warn({ id: s.id, status: s.status }, 'outcome not written: the lease had passed on');
      }
    };
    let skipped = new Set<string>();
    const start = (m: ClaimedMessage) => {
      const dest = destinationOf(m);
      bump(perDestination, dest, 1);
      bump(perTenant, m.municipality_id, 1);
      const done = this.deliver(m, lost)
        .then(
          (s) => {
            total[s.outcome]++;
            if (pending.length === 0) firstPendingAt = Date.now();
            pending.push(s.settlement);
            kick();
          },
          (err: unknown) => {
            if (this.holding.delete(m.id)) this.release();
            this.opts.log.error({ err, id: m.id }, 'delivery crashed; the lease returns it');
          },
        )
        .finally(() => {
          inFlight.delete(m.id);
          bump(perDestination, dest, -1);
          bump(perTenant, m.municipality_id, -1);
          // A conversation left out of the last claim has room again: its next rows may be claimed.
          if (skipped.has(dest)) exhausted = false;
        });
      inFlight.set(m.id, { m, done });
    };
    const renewal = setInterval(
      () =>
        void this.renew(
          [...inFlight.values()].map((f) => f.m),
          lost,
        ),
      Math.max(50, Math.floor(this.leaseMs / 3)),
    );
    renewal.unref?.();

    try {
      for (;;) {
        const free = this.concurrency - inFlight.size;
        // Top the pool up when it is empty or half empty: one claim serves many messages.
        if (!this.stopping && (inFlight.size === 0 || (!exhausted && free >= this.concurrency / 2))) {
          // Written before claiming again, so a claim never sees this sender's own finished rows.
          while (flushing) await flushing;
          const full = [...perDestination].filter(([, n]) => n >= PER_DESTINATION).map(([d]) => d);
          const claimed = await this.untilStored(() =>
            this.store.queue.claim(this.owner, this.opts.clock.now(), free, this.leaseMs, {
              skipDestinations: full,
              skipMunicipalities: [...perTenant].filter(([, n]) => n >= PER_TENANT).map(([t]) => t),
              perDestination: PER_DESTINATION,
              perMunicipality: PER_TENANT,
            }),
          );
          if (!claimed) {
            if (inFlight.size === 0) return total;
            exhausted = true;
            continue;
          }
          skipped = new Set(full);
          exhausted = claimed.length === 0;
          if (exhausted && inFlight.size === 0) return total;
          for (const m of claimed) start(m);
          if (!exhausted) continue;
        }
        if (inFlight.size === 0) return total;
        await Promise.race([...inFlight.values()].map((f) => f.done));
      }
    } finally {
      clearInterval(renewal);
      while (flushing) await flushing;
      await flush().catch((err: unknown) => this.opts.log.error({ err }, 'could not write outcomes'));
    }
  }

  /**
   * Runs a store call, retrying while the database is briefly away (a restart, a fail-over) for up
   * to two leases; null if it never came back. Outcomes held meanwhile are written late, not lost,
   * and polling quickly lets them in before another sender claims the rows whose lease lapsed.
   */
  private async untilStored<T>(fn: () => Promise<T>): Promise<T | null> {
    const giveUpAt = Date.now() + this.leaseMs * 2;
    for (let wait = 50; ; wait = Math.min(wait * 2, 250)) {
      try {
        return await fn();
      } catch (err) {
        if (Date.now() + wait > giveUpAt) {
          this.opts.log.error({ err }, 'outbox store unavailable');
          return null;
        }
        this.opts.log.warn({ err: (err as Error).message }, 'outbox store unavailable; retrying');
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** Extends the leases still held; a row not renewed was taken over and must not be sent. */
  private async renew(held: ClaimedMessage[], lost: Set<number>): Promise<void> {
    const byToken = new Map<string, number[]>();
    for (const m of held) byToken.set(m.lease_token, [...(byToken.get(m.lease_token) ?? []), m.id]);
    for (const [token, ids] of byToken) {
      try {
        const kept = await this.store.queue.renew(ids, token, this.leaseMs);
        for (const id of ids) if (!kept.has(id)) lost.add(id);
      } catch (err) {
        // The database is away: the lease may lapse, and fencing keeps that safe.
        this.opts.log.warn({ err }, 'lease renewal failed');
      }
    }
  }

  private async deliver(
    m: ClaimedMessage,
    lost: Set<number>,
  ): Promise<{ outcome: Outcome; settlement: Settlement }> {
    const ref = { id: m.id, token: m.lease_token };
    const now = this.opts.clock.now();
    if (m.superseded)
      return {
        outcome: 'dropped',
        settlement: { ...ref, status: 'superseded', error: 'a newer version exists' },
      };
    if (m.expired)
      return { outcome: 'dropped', settlement: { ...ref, status: 'expired', error: 'no longer current' } };
    try {
      const window = await this.opts.sendWindow(m.municipality_id, m.recipient);
      if (!isWithinWorkingTime(now, window.hours, window.timeZone)) {
        return {
          outcome: 'deferred',
          settlement: {
            ...ref,
            status: 'deferred',
            notBefore: nextWorkingTime(now, window.hours, window.timeZone),
          },
        };
      }
      const conversation = m.conversation;
      if (!conversation || (conversation.dead && m.conversation_id === null)) {
        // Nobody to send to yet: the message waits for the recipient's first (or renewed) chat.
        return {
          outcome: 'waiting',
          settlement: {
            ...ref,
            status: 'waiting',
            error: conversation
              ? 'waiting: the recipient removed or blocked Samspil'
              : 'waiting: the recipient has not opened Samspil in Teams yet',
          },
        };
      }
      if (conversation.dead) {
        return {
          outcome: 'parked',
          settlement: {
            ...ref,
            status: 'parked',
            error: 'conversation is dead (app removed from the channel)',
          },
        };
      }
      const targets = await this.replacementTargets(m);
      if (targets === 'wait')
        return {
          outcome: 'deferred',
          settlement: { ...ref, status: 'deferred', notBefore: new Date(now.getTime() + REPLACE_WAIT_MS) },
        };
      if (targets?.length === 0)
        return {
          outcome: 'dropped',
          settlement: { ...ref, status: 'superseded', error: 'no earlier card was delivered' },
        };
      let activityId: string | null = null;
      // One message, or one update per earlier card; the first holds the unsettled place for all.
      for (const [i, target] of (targets ?? [m.payload.replaceActivityId ?? null]).entries()) {
        const settle = await this.paced(m.id, m.municipality_id, conversation.conversation_id, i > 0);
        if (lost.has(m.id)) {
          settle();
          throw new LeaseLostError();
        }
        const payload = target ? { activity: m.payload.activity, replaceActivityId: target } : m.payload;
        const sent = await this.transport.send(conversation, payload).finally(settle);
        activityId ??= sent.activityId;
      }
      return {
        outcome: 'sent',
        settlement: { ...ref, status: 'sent', at: this.opts.clock.now(), activityId },
      };
    } catch (err) {
      return this.failure(m, err);
    }
  }

  /**
   * The cards a replacement updates (docs/outbox.md "Keys"): null for an ordinary message, 'wait'
   * while an earlier card is still on the wire, else every earlier card delivered (the one named at
   * planning first).
   */
  private async replacementTargets(m: ClaimedMessage): Promise<string[] | 'wait' | null> {
    const spec = m.payload.replaceEarlier;
    if (!spec) return null;
    const earlier = await this.store.queue.earlierCards(m, spec.kinds);
    if (earlier.inFlight) return 'wait';
    const named = m.payload.replaceActivityId;
    return named ? [named, ...earlier.activityIds.filter((id) => id !== named)] : earlier.activityIds;
  }

  /** Waits until fewer than MAX_UNSETTLED sends are uncommitted; released when the outcome is written. */
  private async acquire(id: number): Promise<void> {
    while (this.unsettled >= MAX_UNSETTLED) await new Promise<void>((r) => this.room.push(r));
    this.unsettled++;
    this.holding.add(id);
  }

  private releasePlace(id: number): void {
    this.holding.delete(id);
    this.release();
  }

  private release(): void {
    this.unsettled--;
    this.room.shift()?.();
  }

  /**
   * Waits for a slot under both limits and for one of the MAX_UNSETTLED places, and returns a
   * function that settles the slot once sent. A message waiting for its tenant's or conversation's
   * slot holds no place: one tenant's paced backlog must not idle the places another tenant's
   * messages could use (docs/outbox.md "Sending never waits on one conversation"). Once it has a
   * place it books the slot at once, or gives the place back if the slot went to another message.
   */
  private async paced(
    id: number,
    tenant: string,
    conversationId: string,
    holdsPlace = false,
  ): Promise<() => void> {
    const free = (now: number) =>
      Math.max(
        this.tenantLimiter.earliest(tenant, now),
        this.conversationLimiter.earliest(conversationId, now),
      );
    for (;;) {
      const at = free(Date.now());
      if (at > Date.now()) {
        await this.sleep(at - Date.now());
        continue;
      }
      if (!holdsPlace) await this.acquire(id);
      const now = Date.now();
      if (free(now) <= now) {
        // The tenant's budget, shared with the other instances: booked last, so a place is never
        // held while it waits for the next quarter second, and a booked send goes out within it.
        if (await this.budget.take(tenant, now)) break;
        if (!holdsPlace) this.releasePlace(id);
        await this.sleep(TenantBudget.untilNextQuarter(Date.now()));
        continue;
      }
      if (!holdsPlace) this.releasePlace(id);
    }
    const now = Date.now();
    const tenantSlot = this.tenantLimiter.reserve(tenant, now);
    const conversationSlot = this.conversationLimiter.reserve(conversationId, now);
    return () => {
      const done = Date.now();
      this.tenantLimiter.settle(tenant, tenantSlot, done);
      this.conversationLimiter.settle(conversationId, conversationSlot, done);
    };
  }

  private async failure(
    m: ClaimedMessage,
    err: unknown,
  ): Promise<{ outcome: Outcome; settlement: Settlement }> {
    const ref = { id: m.id, token: m.lease_token };
    if (err instanceof LeaseLostError) {
      // Another sender holds the row now; this outcome will not be written (fencing).
      return {
        outcome: 'retried',
        settlement: { ...ref, status: 'retry', notBefore: m.not_before, error: err.message },
      };
    }
    const e = err instanceof TransportError ? err : null;
    const reason = e
      ? `HTTP ${e.status}${e.code ? ` ${e.code}` : ''}: ${e.message}`
      : String((err as Error)?.message ?? err);
    if (e?.status === 403 && e.code && DEAD_CODES.has(e.code) && m.conversation) {
      await this.store
        .tenant({ municipalityId: m.municipality_id, actor: 'sender' })
        .conversations.markDead(m.conversation.conversation_id);
    }
    const retryable = !e || RETRYABLE.has(e.status);
    if (retryable && m.attempts < (this.opts.maxAttempts ?? 6)) {
      const delay = backoffMs(m.attempts, e?.retryAfterMs ?? null, this.opts.random);
      this.opts.log.warn({ id: m.id, attempts: m.attempts, delay, reason }, 'send failed; will retry');
      return {
        outcome: 'retried',
        settlement: {
          ...ref,
          status: 'retry',
          notBefore: new Date(this.opts.clock.now().getTime() + delay),
          error: reason,
        },
      };
    }
    this.opts.log.error({ id: m.id, attempts: m.attempts, reason }, 'send parked');
    return { outcome: 'parked', settlement: { ...ref, status: 'parked', error: reason } };
  }
}

class LeaseLostError extends Error {
  constructor() {
    super('lease lost to another sender before sending');
  }
}
