import http from 'node:http';
import express, { NextFunction, Request, Response } from 'express';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { redactCpr } from '../domain/cpr';
import { PROBLEMS, sendProblem, type ProblemType } from '../api/problem';
import { checkEnvelope } from './activityEnvelope';
import { bufferedResponse } from './bufferedResponse';
import { boundedJson, JSON_BOUNDS } from './boundedJson';
import { isLoopbackUrl } from './exposure';
import { securityHeaders } from './securityHeaders';
import { sourceLimits, sourceOf, type SourceLimits } from './sourceLimits';
import { healthRoute } from './healthRoute';
import { systemClock, type Clock } from '../domain/clock';

export interface HttpServerDeps {
  adapter: TeamsAdapter;
  /** Runs one turn; false means no route took the activity. */
  runTurn(context: TurnContext): Promise<boolean>;
  health(): Promise<Record<string, unknown>>;
  /** False while the process is still starting (admin endpoint, scheduler): /healthz answers 503. */
  ready?: () => boolean;
  /** The bearer token that shows /healthz's details; without it, /healthz says up or down only. */
  adminToken?: string;
  /** Per-source limits, shared with the routes mounted on this server (the API). */
  limits?: SourceLimits;
  clock?: Clock;
  log: Logger;
  /**
   * Inbound activities carry a verified Bot Framework token (an app id is set). Without one a reply
   * may only go to a Bot Connector on this machine (src/server/exposure.ts).
   */
  authenticated?: boolean;
  /** Extra routes (the local admin endpoint) mounted before the error handler. */
  mount?: (app: express.Express) => void;
}

/** The HTTP face of the bot: /api/messages for Bot Framework activities, /healthz for operators. */
export function createHttpApp(deps: HttpServerDeps): express.Express {
  const app = express();
  const limits = deps.limits ?? sourceLimits();
  const clock = deps.clock ?? systemClock;
  app.disable('x-powered-by');
  app.use(securityHeaders);
  // Counted before the body is read: a flood costs a bucket lookup, not a parse.
  app.post('/api/messages', (req, res, next) => {
    const wait = limits.messages.take(sourceOf(req), clock.now().getTime());
    if (wait === 0) return next();
    res
      .status(429)
      .set('retry-after', String(wait))
      .json({ error: `Too many requests; wait ${wait} s.` });
  });
  app.use(boundedJson());

  app.get('/healthz', healthRoute({ ...deps, limits, clock }));

  app.post('/api/messages', async (req: Request, res: Response) => {
    const body = req.body as { type?: unknown } | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
      res.status(400).json({ error: 'The body must be a Bot Framework activity (JSON with a "type").' });
      return;
    }
    const envelope = checkEnvelope(body);
    if (!envelope.ok) {
      res.status(400).json({ error: envelope.problem });
      return;
    }
    // Unauthenticated, the serviceUrl is the caller's word for where replies and later proactive
    // messages go (it is stored with the conversation): only a connector on this machine is believed.
    const serviceUrl = (body as { serviceUrl?: unknown }).serviceUrl;
    if (!deps.authenticated && serviceUrl !== undefined && !isLoopbackUrl(serviceUrl)) {
      res.status(403).json({
        error:
          'Without an app id Samspil answers only a Bot Connector on this machine: the serviceUrl must be a loopback address.',
      });
      return;
    }
    // botbuilder answers a failure before the turn starts (its signing keys could not be fetched)
    // with 500 and the error text, which names its internal URL; that is an outage of the key
    // source, logged here, and to the caller a token that could not be verified.
    let turnStarted = false;
    const buffered = bufferedResponse();
    try {
      await deps.adapter.process(req, buffered.response, async (context) => {
        turnStarted = true;
        await deps.runTurn(context);
      });
    } catch (err) {
      deps.log.error({ err: redactCpr(String(err)) }, 'activity could not be processed');
      if (!res.headersSent)
        res.status(turnStarted ? 500 : 400).json({ error: 'The activity could not be processed.' });
      return;
    }
    const out = buffered.result();
    if (!turnStarted && out.status >= 500) {
      deps.log.warn(
        { status: out.status, reason: redactCpr(String(out.body ?? '')) },
        'Bot Framework token could not be verified: key source unavailable',
      );
      res.status(401).json({ error: 'The token could not be verified.' });
      return;
    }
    if (!turnStarted && out.status === 401) {
      res.status(401).json({ error: 'The token is missing or not valid.' });
      return;
    }
    // 501 is botbuilder's word for "no route took this activity" (an activity type Samspil has no
    // use for): the caller did nothing wrong, and Teams only needs to know it arrived.
    if (out.status === 501) {
      res.status(200).json({});
      return;
    }
    if (out.status >= 500) {
      res.status(out.status).json({ error: 'Internal error' });
      return;
    }
    buffered.flush(res);
  });

  deps.mount?.(app);
  app.use((_req, res) => {
    res.status(404).json({ error: 'Not found.' });
  });

  app.use(
    (err: Error & { type?: string; status?: number }, req: Request, res: Response, _next: NextFunction) => {
      // body-parser marks what the caller did wrong (too large, not JSON, bad charset) with a 4xx.
      const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
      if (status === 500)
        deps.log.error({ err: redactCpr(String(err.stack ?? err)) }, 'unhandled HTTP error');
      if (res.headersSent) return;
      const detail =
        err.type === 'entity.too.deep' || err.type === 'entity.too.wide'
          ? err.message
          : status === 413
            ? `The body is larger than ${JSON_BOUNDS.limit}.`
            : err.type === 'entity.parse.failed'
              ? 'Malformed JSON body.'
              : status === 500
                ? 'Internal error'
                : 'The request cannot be read.';
      if (req.path.startsWith('/api/v1/')) {
        const type = (Object.entries(PROBLEMS).find(([, p]) => p.status === status)?.[0] ??
          'bad-request') as ProblemType;
        sendProblem(res, type, detail);
      } else res.status(status).json({ error: detail });
    },
  );
  return app;
}

/** Listens on `host`; `samspil start` chooses it with exposureOf, and only loopback without authentication. */
export function listen(app: express.Express, port: number, host: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
