import http from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { createLogger, type Logger } from '../../src/log';
import { createAdapter } from '../../src/teams/adapter';
import { createBotApp } from '../../src/teams/botApp';
import { createHttpApp, listen } from '../../src/server/httpServer';
import { apiRouter } from '../../src/api/router';
import type { Clock } from '../../src/domain/clock';
import type { Store } from '../../src/store/store';
import type { RateLimit } from '../../src/api/rateLimit';

/**
 * Samspil's real HTTP app (bot and API) on a loopback port, as `samspil start` builds it.
 * `devFallback: false` answers unknown Teams users as production does instead of as the demo.
 */
export async function startApiServer(
  store: Store,
  clock: Clock,
  rateLimit?: RateLimit,
  o: { devFallback?: boolean; log?: Logger } = {},
) {
  const config = loadConfig({ PORT: '0' });
  const log = o.log ?? createLogger('silent');
  const adapter = createAdapter(config);
  const bot = createBotApp({
    adapter,
    botAppId: undefined,
    log,
    store,
    clock,
    devFallback: o.devFallback ?? true,
  });
  const app = createHttpApp({
    adapter,
    runTurn: (c) => bot.run(c),
    health: async () => ({}),
    log,
    mount: (h) => h.use('/api/v1', apiRouter({ store, clock, log, rateLimit })),
  });
  const server: http.Server = await listen(app, 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () => new Promise<void>((r) => server.close(() => r())),
    put: (path: string, body: unknown, token: string) =>
      fetch(`${url}/api/v1/${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    get: (path: string, token?: string) =>
      fetch(`${url}/api/v1/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    /** An activity POSTed to /api/messages as the Bot Connector delivers it. */
    activity: (body: object) =>
      fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

/** Two municipalities with an adviser each, as a case system would find them. */
export async function seedTwoMunicipalities(store: Store) {
  for (const [id, name] of [
    ['nordby', 'Nordby Kommune'],
    ['sydby', 'Sydby Kommune'],
  ] as const) {
    await store.municipalities.create({ id, name, tenant_id: `tenant-${id}`, settings: {} });
    await store
      .tenant({ municipalityId: id, actor: 'test' })
      .staff.upsert({ email: `anna@${id}.example`, name: 'Anna Rådgiver', roles: ['adviser'], unitId: null });
  }
}
