import http from 'node:http';
import express, { NextFunction, Request, Response } from 'express';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log';

export interface HttpServerDeps {
  adapter: TeamsAdapter;
  /** Runs one turn; false means no route took the activity. */
  runTurn(context: TurnContext): Promise<boolean>;
  health(): Promise<Record<string, unknown>>;
  /** False while the process is still starting (admin endpoint, scheduler): /healthz answers 503. */
  ready?: () => boolean;
  log: Logger;
  /** Extra routes (the local admin endpoint) mounted before the error handler. */
  mount?: (app: express.Express) => void;
}

/** The HTTP face of the bot: /api/messages for Bot Framework activities, /healthz for operators. */
export function createHttpApp(deps: HttpServerDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));

  app.get('/healthz', async (_req, res) => {
    if (deps.ready && !deps.ready()) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    try {
      res.json({ status: 'ok', ...(await deps.health()) });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', error: (err as Error).message });
    }
  });

  app.post('/api/messages', async (req: Request, res: Response) => {
    const body = req.body as { type?: unknown } | undefined;
    if (!body || typeof body !== 'object' || typeof body.type !== 'string') {
      res.status(400).json({ error: 'The body must be a Bot Framework activity (JSON with a "type").' });
      return;
    }
    await deps.adapter.process(req, res, async (context) => {
      await deps.runTurn(context);
    });
  });

  deps.mount?.(app);

  app.use(
    (err: Error & { type?: string; status?: number }, _req: Request, res: Response, _next: NextFunction) => {
      if (err.type === 'entity.parse.failed' || err.status === 400) {
        res.status(400).json({ error: 'Malformed JSON body.' });
        return;
      }
      deps.log.error({ err }, 'unhandled HTTP error');
      if (!res.headersSent) res.status(500).json({ error: 'Internal error' });
    },
  );
  return app;
}

export function listen(app: express.Express, port: number, host = '0.0.0.0'): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    const server = http.createServer(app);
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
