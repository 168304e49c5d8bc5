import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { loadDemo } from '../../src/demo/load';
import { fixedClock } from '../../src/domain/clock';
import { listen } from '../../src/server/httpServer';
import { securityHeaders } from '../../src/server/securityHeaders';
import type { Store } from '../../src/store/store';
import { mountTabRoutes, type TabDeps } from '../../src/tab/routes';
import { ENGINES, openTestStore } from '../support/db';

/** The demo as of a Monday in late November: overdue, this-week and later deadlines all exist. */
export const TODAY = '2026-11-23';
export const NOW = new Date('2026-11-23T09:00:00+01:00');
export const clock = fixedClock(NOW);
export const BOT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

export interface TabServer {
  url: string;
  close(): Promise<void>;
}

/** Samspil's tab routes on a real HTTP server on a free loopback port, with the server's headers. */
export async function startTabServer(
  store: Store,
  extra: Partial<Pick<TabDeps, 'verify'>> = {},
): Promise<TabServer> {
  const app = express();
  app.use(securityHeaders);
  mountTabRoutes(app, { store, clock, log: pino({ level: 'silent' }), botId: BOT_ID, ...extra });
  const server: http.Server = await listen(app, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function openDemoStore(engine = ENGINES[0]!) {
  const opened = await openTestStore(engine);
  await loadDemo(opened.store, TODAY);
  const tenant = opened.store.tenant({ municipalityId: 'demo', actor: 'test' });
  return { ...opened, tenant };
}
