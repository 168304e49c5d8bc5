/**
 * Sliding-window limits, as Teams states them (per conversation 7/1 s, 8/2 s, 60/30 s, 1800/h;
 * 50/s per app per tenant). `reserve` books a slot and says how long to wait for it, so a sender
 * paces itself instead of collecting 429s. The service counts a message when it arrives, which is
 * after it was booked, so `settle` moves the booking to when the send completed: a window is then
 * measured from a time no earlier than the service's own.
 */
export interface Window {
  limit: number;
  ms: number;
}

export const TEAMS_CONVERSATION_WINDOWS: Window[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];
export const TEAMS_TENANT_WINDOWS: Window[] = [{ limit: 50, ms: 1_000 }];

/**
 * Of the tenant's 50 a second, what a turn (a card press, a typed command) may need for its own
 * replies through the connector. The sender never uses it, so a reply never meets a 429 caused by
 * the morning's reminders (docs/outbox.md "One budget per tenant").
 */
export const TURN_RESERVE_PER_SECOND = 10;
export const SENDER_PER_TENANT_SECOND = 50 - TURN_RESERVE_PER_SECOND;
/** The sender's own windows per tenant: Teams' limit less the turns' reserve. */
export const SENDER_TENANT_WINDOWS: Window[] = [{ limit: SENDER_PER_TENANT_SECOND, ms: 1_000 }];

export class SlidingWindowLimiter {
  private readonly history = new Map<string, number[]>();
  private readonly longest: number;

  constructor(private readonly windows: Window[]) {
    this.longest = Math.max(...windows.map((w) => w.ms));
  }

  /** The earliest slot at or after `now` for `key`, without booking it (epoch ms). */
  earliest(key: string, now: number): number {
    return this.slot(
      (this.history.get(key) ?? []).filter((t) => t > now - this.longest),
      now,
    );
  }

  /** Reserves the earliest slot at or after `now` for `key` and returns it (epoch ms). */
  reserve(key: string, now: number): number {
    const times = (this.history.get(key) ?? []).filter((t) => t > now - this.longest);
    const at = this.slot(times, now);
    times.push(at);
    times.sort((a, b) => a - b);
    this.history.set(key, times);
    return at;
  }

  private slot(times: readonly number[], now: number): number {
    let at = now;
    for (;;) {
      const blocked = this.windows
        .map((w) => {
          const inWindow = times.filter((t) => t > at - w.ms);
          return inWindow.length >= w.limit ? inWindow[inWindow.length - w.limit]! + w.ms : null;
        })
        .filter((t): t is number => t !== null);
      if (blocked.length === 0) break;
      at = Math.max(...blocked);
    }
    return at;
  }

  /** Moves a booking made at `bookedAt` to `completedAt` (no-op if it is no longer held). */
  settle(key: string, bookedAt: number, completedAt: number): void {
    const times = this.history.get(key);
    const i = times?.indexOf(bookedAt) ?? -1;
    if (!times || i < 0) return;
    times.splice(i, 1);
    times.push(Math.max(bookedAt, completedAt));
    times.sort((a, b) => a - b);
  }
}
