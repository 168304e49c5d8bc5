/**
 * A token bucket per API token: `burst` requests at once, refilled at `perMinute`. In memory, per
 * process: each instance limits on its own, which bounds a runaway client without shared state.
 */
export interface RateLimit {
  burst: number;
  perMinute: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { burst: 30, perMinute: 120 };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit = DEFAULT_RATE_LIMIT) {}

  /** 0 when the request may go ahead (and is counted), else the whole seconds to wait. */
  take(key: string, nowMs: number): number {
    const rate = this.limit.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.limit.burst, at: nowMs };
    const tokens = Math.min(this.limit.burst, b.tokens + Math.max(0, nowMs - b.at) * rate);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: nowMs });
      return 0;
    }
    this.buckets.set(key, { tokens, at: nowMs });
    return Math.max(1, Math.ceil((1 - tokens) / rate / 1000));
  }
}
