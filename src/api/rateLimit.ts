/**
 * A token bucket per key (an API token, a source address): `burst` requests at once, refilled at
 * `perMinute`. In memory, per process: each instance limits on its own, which bounds a runaway
 * client without shared state.
 */
export interface RateLimit {
  burst: number;
  perMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 30, perMinute: 120 };

/** Keys kept before full buckets are forgotten: a flood of source addresses cannot grow the map without end. */
const MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit = DEFAULT_RATE_LIMIT) {}

  /** 0 when the request may go ahead (and is counted), else the whole seconds to wait. */
  take(key: string, nowMs: number): number {
    const tokens = this.tokens(key, nowMs);
    if (tokens >= 1) {
      this.store(key, tokens - 1, nowMs);
      return 0;
    }
    this.store(key, tokens, nowMs);
    return this.secondsUntilOne(tokens);
  }

  /** What `take` would answer, without counting anything: for limits on failures, judged before trying. */
  wait(key: string, nowMs: number): number {
    const tokens = this.tokens(key, nowMs);
    return tokens >= 1 ? 0 : this.secondsUntilOne(tokens);
  }

  private get rate(): number {
    return this.limit.perMinute / 60_000;
  }

  private tokens(key: string, nowMs: number): number {
    const b = this.buckets.get(key);
    return b
      ? Math.min(this.limit.burst, b.tokens + Math.max(0, nowMs - b.at) * this.rate)
      : this.limit.burst;
  }

  private secondsUntilOne(tokens: number): number {
    return Math.max(1, Math.ceil((1 - tokens) / this.rate / 1000));
  }

  private store(key: string, tokens: number, nowMs: number): void {
    if (this.buckets.size >= MAX_KEYS && !this.buckets.has(key)) {
      for (const [k, b] of this.buckets)
        if (b.tokens + Math.max(0, nowMs - b.at) * this.rate >= this.limit.burst) this.buckets.delete(k);
      // Still full of busy keys: forget the oldest rather than grow.
      if (this.buckets.size >= MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    }
    this.buckets.set(key, { tokens, at: nowMs });
  }
}
