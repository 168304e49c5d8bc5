import type { Request } from 'express';
import { RateLimiter, type RateLimit } from '../api/rateLimit';

/**
 * Limits per source address, shared by every route of one server. Failed credentials (an API token
 * or the admin token that does not match) are few from an honest caller and many from a guesser.
 * /api/messages takes what Teams sends for a whole municipality, from a handful of Microsoft
 * addresses, so its bound is generous: it stops a flood, not a busy morning.
 */
export interface SourceLimits {
  failedAuth: RateLimiter;
  messages: RateLimiter;
}

export const FAILED_AUTH_LIMIT: RateLimit = { burst: 10, perMinute: 10 };
export const MESSAGES_LIMIT: RateLimit = { burst: 300, perMinute: 1_200 };

export function sourceLimits(o: { failedAuth?: RateLimit; messages?: RateLimit } = {}): SourceLimits {
  return {
    failedAuth: new RateLimiter(o.failedAuth ?? FAILED_AUTH_LIMIT),
    messages: new RateLimiter(o.messages ?? MESSAGES_LIMIT),
  };
}

/**
 * The peer address of the connection. Behind a load balancer that is the balancer: forwarded
 * headers are the client's word and are not believed.
 */
export const sourceOf = (req: Request): string => req.socket.remoteAddress ?? 'unknown';
