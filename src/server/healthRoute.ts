import type { RequestHandler } from 'express';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import { redactCpr } from '../domain/cpr';
import { tokenMatches } from './adminEndpoint';
import { sourceOf, type SourceLimits } from './sourceLimits';

export interface HealthDeps {
  health(): Promise<Record<string, unknown>>;
  ready?: () => boolean;
  adminToken?: string;
  limits: SourceLimits;
  clock: Clock;
  log: Logger;
}

/**
 * GET /healthz. A load balancer learns 200 "ok" or 503 and nothing more: outbox counts, the store and
 * the server's clock tell a stranger how busy the service is and what it runs on. With the admin
 * token as a bearer token the operator gets those details; a wrong token counts as a failed try of
 * its source (src/server/sourceLimits.ts).
 */
export function healthRoute(deps: HealthDeps): RequestHandler {
  return async (req, res) => {
    const header = req.get('authorization');
    let detailed = false;
    if (header !== undefined) {
      const source = sourceOf(req);
      const now = deps.clock.now().getTime();
      const wait = deps.limits.failedAuth.wait(source, now);
      if (wait > 0) {
        res
          .status(429)
          .set('retry-after', String(wait))
          .json({ error: `Too many failed tries; wait ${wait} s.` });
        return;
      }
      detailed = deps.adminToken !== undefined && tokenMatches(header, deps.adminToken);
      if (!detailed) {
        deps.limits.failedAuth.take(source, now);
        res
          .status(401)
          .set('www-authenticate', 'Bearer realm="samspil"')
          .json({ error: 'The token is not valid.' });
        return;
      }
    }
    if (deps.ready && !deps.ready()) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    try {
      const details = await deps.health();
      res.set('cache-control', 'no-store').json(detailed ? { status: 'ok', ...details } : { status: 'ok' });
    } catch (err) {
      const error = redactCpr(String((err as Error)?.message ?? err));
      deps.log.error({ err: error }, 'health check failed');
      res.status(503).json(detailed ? { status: 'unavailable', error } : { status: 'unavailable' });
    }
  };
}
