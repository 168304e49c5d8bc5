import http from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createAdapter } from '../../src/teams/adapter';
import { createBotApp } from '../../src/teams/botApp';
import { createHttpApp, listen } from '../../src/server/httpServer';
import { apiRouter } from '../../src/api/router';
import { JSON_BOUNDS, jsonShapeProblem } from '../../src/server/boundedJson';
import { fixedClock } from '../../src/domain/clock';
import { ENGINES, openTestStore } from '../support/db';
import { personalMessage } from '../support/activities';
import type { Store } from '../../src/store/store';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const deep = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

describe('the shape of a JSON body, judged on its bytes before parsing', () => {
  it('lets through what Teams and the case-system API send', () => {
    const activity = personalMessage(
      'http://127.0.0.1:1',
      { id: '29:u', aadObjectId: 'a', name: 'N' },
      'hej',
    );
    expect(jsonShapeProblem(bytes(JSON.stringify(activity)))).toBeNull();
    const batch = {
      items: Array.from({ length: 1000 }, (_, i) => ({
        case_ref: `R-${i}`,
        adviser_email: 'a@x.example',
        opened: '2026-01-01',
        ladder_step: 3,
        child_initials: 'AB',
        closed: null,
      })),
    };
    expect(jsonShapeProblem(bytes(JSON.stringify(batch)))).toBeNull();
  });

  it(`refuses nesting deeper than ${JSON_BOUNDS.maxDepth} levels with 400, objects and arrays alike`, () => {
    expect(jsonShapeProblem(bytes(deep(JSON_BOUNDS.maxDepth)))).toBeNull();
    expect(jsonShapeProblem(bytes(deep(JSON_BOUNDS.maxDepth + 1)))?.status).toBe(400);
    expect(jsonShapeProblem(bytes(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`))?.type).toBe('entity.too.deep');
  });

  it('does not count brackets, commas or escaped quotes inside strings', () => {
    const text = JSON.stringify({ text: `${'['.repeat(500)}\\"${',{'.repeat(3000)}` });
    expect(jsonShapeProblem(bytes(text))).toBeNull();
  });

  it(`refuses more than ${JSON_BOUNDS.maxEntries} entries in one container, or ${JSON_BOUNDS.maxValues} values, with 413`, () => {
    const array = (n: number) => `[${Array.from({ length: n }, () => '0').join(',')}]`;
    expect(jsonShapeProblem(bytes(array(JSON_BOUNDS.maxEntries)))).toBeNull();
    expect(jsonShapeProblem(bytes(array(JSON_BOUNDS.maxEntries + 1)))?.status).toBe(413);
    const keys = `{${Array.from({ length: JSON_BOUNDS.maxEntries + 1 }, (_, i) => `"k${i}":1`).join(',')}}`;
    expect(jsonShapeProblem(bytes(keys))?.type).toBe('entity.too.wide');
    // Many small arrays: each is narrow, the whole is not.
    const many = `[${Array.from({ length: 1000 }, () => array(60)).join(',')}]`;
    expect(jsonShapeProblem(bytes(many))?.status).toBe(413);
  });
});

/**
 * A body deep or wide enough to hurt is answered before JSON.parse and before authentication, on
 * every JSON route, within a second, and the server keeps serving. Run with an app id, as the
 * finding was: authentication on does not protect a route from what happens before it.
 */
describe('hostile JSON bodies against the real HTTP server (app id configured)', () => {
  let server: http.Server;
  let url: string;
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    const config = loadConfig({
      PORT: '0',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
    });
    const log = createLogger('silent');
    const adapter = createAdapter(config);
    const clock = fixedClock('2026-11-23T09:00:00+01:00');
    const bot = createBotApp({
      adapter,
      botAppId: config.MicrosoftAppId,
      log,
      store,
      clock,
      devFallback: false,
    });
    const app = createHttpApp({
      adapter,
      runTurn: (c) => bot.run(c),
      health: async () => ({}),
      log,
      mount: (h) => h.use('/api/v1', apiRouter({ store, clock, log })),
    });
    server = await listen(app, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await dispose();
  });

  const hostile: [string, string, number][] = [
    ['6,000 levels of arrays', `{"type":"message","x":${deep(6000)}}`, 400],
    ['6,000 levels of objects', `{"type":"message","x":${'{"a":'.repeat(6000)}1${'}'.repeat(6000)}}`, 400],
    ['200,000 elements in one array', `{"type":"message","x":[${'0,'.repeat(199_999)}0]}`, 413],
    [
      '50,001 keys',
      `{"type":"message",${Array.from({ length: 50_001 }, (_, i) => `"k${i}":0`).join(',')}}`,
      413,
    ],
  ];

  for (const route of ['/api/messages', '/api/v1/cases']) {
    it.each(hostile)(
      `answers %s at ${route} with a 4xx within a second and stays up`,
      async (_n, body, status) => {
        const started = Date.now();
        const res = await fetch(`${url}${route}`, {
          method: route === '/api/messages' ? 'POST' : 'PUT',
          headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token' },
          body,
        });
        const text = await res.text();
        expect(Date.now() - started).toBeLessThan(1000);
        expect(res.status).toBe(status);
        expect(text).toMatch(route === '/api/v1/cases' ? /"status":4\d\d/ : /"error":"The JSON body/);
        expect((await fetch(`${url}/healthz`)).status).toBe(200);
      },
    );
  }
});
