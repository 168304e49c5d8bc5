import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createAdapter } from '../../src/teams/adapter';
import { createHttpApp, listen } from '../../src/server/httpServer';
import { sourceLimits } from '../../src/server/sourceLimits';
import { ManualClock } from '../../src/domain/clock';

const ADMIN = 'a'.repeat(48);
const DETAILS = { store: 'pglite', now: '2026-11-23T08:00:00.000Z', outbox: { pending: 3, parked: 1 } };

async function start(o: { health?: () => Promise<Record<string, unknown>> } = {}) {
  const clock = new ManualClock('2026-11-23T09:00:00+01:00');
  const app = createHttpApp({
    adapter: createAdapter(loadConfig({ PORT: '0' })),
    runTurn: async () => true,
    health: o.health ?? (async () => DETAILS),
    adminToken: ADMIN,
    limits: sourceLimits({ failedAuth: { burst: 3, perMinute: 6 } }),
    clock,
    log: createLogger('silent'),
  });
  const server: http.Server = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
  return { url, clock, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const get = (url: string, token?: string) =>
  fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** docs/operations.md "Watching it": a load balancer learns up or down; the operator, with the admin token, more. */
describe('/healthz', () => {
  it('tells anyone "ok" and nothing else: no store, clock or outbox counts', async () => {
    const s = await start();
    try {
      const res = await get(s.url);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    } finally {
      await s.close();
    }
  });

  it('gives the details to the admin token', async () => {
    const s = await start();
    try {
      const res = await get(s.url, ADMIN);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', ...DETAILS });
    } finally {
      await s.close();
    }
  });

  it('answers 503 when the store is down, with the reason only for the admin token', async () => {
    const s = await start({ health: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')) });
    try {
      const anon = await get(s.url);
      expect([anon.status, await anon.json()]).toEqual([503, { status: 'unavailable' }]);
      const admin = await get(s.url, ADMIN);
      expect(admin.status).toBe(503);
      expect(((await admin.json()) as { error: string }).error).toContain('ECONNREFUSED');
    } finally {
      await s.close();
    }
  });

  it('refuses a wrong token with 401, and a source that keeps guessing with 429 and Retry-After until it may try again', async () => {
    const s = await start();
    try {
      for (let i = 0; i < 3; i++) expect((await get(s.url, `guess-${i}`)).status).toBe(401);
      const blocked = await get(s.url, ADMIN);
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('retry-after')).toBe('10');
      // The plain probe is no credential try and keeps working for the load balancer.
      expect((await get(s.url)).status).toBe(200);
      s.clock.advance(10_000);
      expect((await get(s.url, ADMIN)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
