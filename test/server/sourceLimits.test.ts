import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createAdapter } from '../../src/teams/adapter';
import { createHttpApp, listen } from '../../src/server/httpServer';
import { sourceLimits } from '../../src/server/sourceLimits';
import { apiRouter } from '../../src/api/router';
import { RateLimiter } from '../../src/api/rateLimit';
import { ManualClock } from '../../src/domain/clock';
import { ENGINES, openTestStore } from '../support/db';
import { seedTwoMunicipalities } from '../support/apiServer';
import type { Store } from '../../src/store/store';

/**
 * Per-source limits on the real HTTP app: a source that guesses API tokens is stopped after a few
 * failures (a valid token from it too, until it has waited), and a source flooding /api/messages gets
 * 429 with Retry-After before its bodies are read. Another source is not affected.
 */
describe('limits per source address', () => {
  let server: http.Server;
  let url: string;
  let store: Store;
  let dispose: () => Promise<void>;
  let token: string;
  const clock = new ManualClock('2026-11-23T09:00:00+01:00');
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    await seedTwoMunicipalities(store);
    token = (await store.apiTokens.create('nordby', 'dubu', ['read'], 'test')).token;
    const log = createLogger('silent');
    const limits = sourceLimits({
      failedAuth: { burst: 5, perMinute: 5 },
      messages: { burst: 20, perMinute: 60 },
    });
    const app = createHttpApp({
      adapter: createAdapter(loadConfig({ PORT: '0' })),
      runTurn: async () => true,
      health: async () => ({}),
      limits,
      clock,
      log,
      mount: (h) => h.use('/api/v1', apiRouter({ store, clock, log, failedAuth: limits.failedAuth })),
    });
    server = await listen(app, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await dispose();
  });

  /** POSTs a malformed body from a chosen local address; resolves with the status. */
  const postFrom = (localAddress: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${url}/api/messages`,
        { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{');
    });

  const read = (bearer: string) =>
    fetch(`${url}/api/v1/cases/N-1`, { headers: { authorization: `Bearer ${bearer}` } });

  it('stops a source guessing API tokens with 429 and Retry-After, then lets it try again', async () => {
    expect((await read(token)).status).toBe(404);
    for (let i = 0; i < 5; i++) expect((await read(`guess${i}`)).status).toBe(401);
    const blocked = await read(token);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('12');
    expect(blocked.headers.get('content-type')).toContain('application/problem+json');
    // Successful calls never counted against the source; waiting gives one more try.
    clock.advance(12_000);
    expect((await read(token)).status).toBe(404);
    expect((await read('guess-again')).status).toBe(401);
    expect((await read(token)).status).toBe(429);
    clock.advance(60_000);
  });

  it('answers a flood of /api/messages from one source with 429 and Retry-After before reading the body', async () => {
    const post = () =>
      fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      });
    const statuses = [];
    for (let i = 0; i < 25; i++) statuses.push((await post()).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(400));
    expect(statuses.slice(20)).toEqual(Array(5).fill(429));
    const res = await post();
    expect(res.headers.get('retry-after')).toBe('1');
    // The same machine from another loopback address is another source.
    expect(await postFrom('127.0.0.2')).toBe(400);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    clock.advance(1_000);
    expect((await post()).status).toBe(400);
  });
});

describe('the token bucket keyed by source', () => {
  it('judges without counting (wait) and counts (take)', () => {
    const l = new RateLimiter({ burst: 2, perMinute: 60 });
    expect(l.wait('a', 0)).toBe(0);
    expect(l.wait('a', 0)).toBe(0);
    expect([l.take('a', 0), l.take('a', 0), l.take('a', 0)]).toEqual([0, 0, 1]);
    expect(l.wait('a', 0)).toBe(1);
    expect(l.wait('b', 0)).toBe(0);
    expect(l.wait('a', 1_000)).toBe(0);
  });

  it('forgets idle sources instead of growing with every address that ever called', () => {
    const l = new RateLimiter({ burst: 1, perMinute: 60 });
    for (let i = 0; i < 25_000; i++) l.take(`10.0.${i >> 8}.${i & 255}`, i);
    expect((l as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(10_000);
    // A source still in its penalty is remembered.
    expect(l.take('10.0.97.167', 24_999)).toBe(1);
  });
});
