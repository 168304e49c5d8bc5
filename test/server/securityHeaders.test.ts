import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createAdapter } from '../../src/teams/adapter';
import { createHttpApp, listen } from '../../src/server/httpServer';
import { apiRouter } from '../../src/api/router';
import { mountTabRoutes } from '../../src/tab/routes';
import { fixedClock } from '../../src/domain/clock';
import { ENGINES, openTestStore } from '../support/db';
import type { Store } from '../../src/store/store';

/**
 * OWASP Secure Headers on every answer of the real HTTP app: a page, an asset, JSON, a problem
 * document, an error before parsing and a route that does not exist. Only the Overblik tab may be
 * framed, and only by Teams.
 */
describe('security headers on every route', () => {
  let server: http.Server;
  let url: string;
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    const log = createLogger('silent');
    const clock = fixedClock('2026-11-23T09:00:00+01:00');
    const app = createHttpApp({
      adapter: createAdapter(loadConfig({ PORT: '0' })),
      runTurn: async () => true,
      health: async () => ({}),
      log,
      mount: (h) => {
        h.use('/api/v1', apiRouter({ store, clock, log }));
        mountTabRoutes(h, { store, clock, log, botId: '00000000-0000-0000-0000-000000000000' });
      },
    });
    server = await listen(app, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await dispose();
  });

  const everywhere = (res: Response) => {
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  };

  it.each([
    ['GET', '/healthz', undefined, 200],
    ['POST', '/api/messages', '{"hello":1}', 400],
    ['POST', '/api/messages', '{not json', 400],
    ['GET', '/api/v1/openapi.json', undefined, 200],
    ['GET', '/api/v1/cases/R-1', undefined, 401],
    ['GET', '/no/such/route', undefined, 404],
  ])(
    '%s %s (%s): never framed, never sniffed, no referrer, HTTPS kept',
    async (method, path, body, status) => {
      const res = await fetch(`${url}${path}`, {
        method,
        body,
        headers: body ? { 'content-type': 'application/json' } : {},
      });
      expect(res.status).toBe(status);
      everywhere(res);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    },
  );

  it.each(['/tab/overblik', '/tab/team', '/tab/config', '/tab/assets/overblik.js'])(
    '%s may be framed by Teams and nobody else',
    async (path) => {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(200);
      everywhere(res);
      expect(res.headers.get('x-frame-options')).toBeNull();
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com /);
      expect(csp).not.toMatch(/frame-ancestors[^;]*\*(\s|;|$)/);
    },
  );
});
