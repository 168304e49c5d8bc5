import http from 'node:http';
import { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createAdapter } from '../../src/teams/adapter';
import { createBotApp } from '../../src/teams/botApp';
import { createHttpApp, listen } from '../../src/server/httpServer';
import { FakeConnector } from '../support/fakeConnector';
import { personalMessage } from '../support/activities';
import { ENGINES, openTestStore } from '../support/db';
import { systemClock } from '../../src/domain/clock';

const user = { id: '29:user-1', aadObjectId: 'aad-1', name: 'Test Bruger' };

async function startBot(env: NodeJS.ProcessEnv) {
  const config = loadConfig({ ...env, PORT: '0' });
  const log = createLogger('silent');
  const adapter = createAdapter(config);
  const { store } = await openTestStore(ENGINES[0]!);
  const bot = createBotApp({
    adapter,
    botAppId: config.MicrosoftAppId,
    log,
    store,
    clock: systemClock,
    devFallback: true,
  });
  const app = createHttpApp({
    adapter,
    runTurn: (c) => bot.run(c),
    health: async () => ({ store: 'none' }),
    log,
  });
  const server = await listen(app, 0, '127.0.0.1');
  return { server, store, log, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('HTTP server without an app id (local development)', () => {
  const connector = new FakeConnector();
  let bot: Awaited<ReturnType<typeof startBot>>;
  beforeAll(async () => {
    await connector.start();
    bot = await startBot({});
  });
  afterAll(async () => {
    await new Promise((r) => bot.server.close(r));
    await connector.stop();
  });

  it('answers /healthz with "ok" alone (details need the admin token, test/server/healthRoute.test.ts)', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers a malformed request with 400 and stays up', async () => {
    expect((await post(bot.url, '{not json')).status).toBe(400);
    expect((await post(bot.url, JSON.stringify({ hello: 'world' }))).status).toBe(400);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('answers a body over the limit with 413 and an envelope of the wrong shape with 400, and stays up', async () => {
    const big = await post(bot.url, JSON.stringify({ type: 'message', text: 'x'.repeat(1_100_000) }));
    expect(big.status).toBe(413);
    const activity = personalMessage(connector.url, user, 'hjælp');
    for (const broken of [
      { ...activity, locale: { lang: 'da' } },
      { ...activity, from: 'someone' },
      { ...activity, conversation: { id: 42 } },
      { ...activity, text: 'nul\u0000byte' },
    ]) {
      const res = await post(bot.url, JSON.stringify(broken));
      expect(res.status).toBe(400);
      expect(await res.text()).not.toMatch(/toLowerCase|at .*\.js/);
    }
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('refuses a CPR number in an envelope id and redacts one in a display name before anything is stored', async () => {
    const cprId = await post(
      bot.url,
      JSON.stringify(personalMessage(connector.url, { ...user, aadObjectId: '010190-1234' }, 'hjælp')),
    );
    expect(cprId.status).toBe(400);
    expect(await cprId.text()).not.toContain('1234');
    const other = { ...user, id: '29:user-cpr', name: 'Ida 01.01.90-1234' };
    const named = personalMessage(connector.url, other, 'hjælp');
    const ok = await post(
      bot.url,
      JSON.stringify({ ...named, conversation: { ...named.conversation, name: 'Sag 0101-90-1234' } }),
    );
    expect(ok.status).toBe(200);
    // The reply carries the envelope botbuilder would store as the conversation reference.
    const reply = JSON.stringify(connector.sent(`a:personal-${other.id}`));
    expect(reply).toContain('"name":"Ida [CPR]"');
    expect(reply).toContain('"name":"Sag [CPR]"');
    expect(reply).not.toMatch(/1234/);
    const refs = await bot.store.engine.query<{ r: string }>(
      'SELECT reference::text AS r FROM conversation_refs',
    );
    expect(refs.map((x) => x.r).join()).not.toMatch(/1234/);
  });

  it('answers an unknown Teams tenant through the Bot Connector, politely', async () => {
    const res = await post(bot.url, JSON.stringify(personalMessage(connector.url, user, 'hjælp')));
    expect(res.status).toBe(200);
    const sent = connector.sent(`a:personal-${user.id}`);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0])).toContain('Du er ikke sat op i Samspil endnu');
  });
});

describe('HTTP server with an app id (production authentication)', () => {
  let bot: Awaited<ReturnType<typeof startBot>>;
  beforeAll(async () => {
    bot = await startBot({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
    });
  });
  afterAll(async () => new Promise((r) => bot.server.close(r)));

  it('rejects a request without a token with 401', async () => {
    const res = await post(bot.url, JSON.stringify(personalMessage('http://127.0.0.1:9', user, 'hjælp')));
    expect(res.status).toBe(401);
  });

  it('answers a token that cannot be verified because the key source is unreachable with 401, logs the outage and shows no internal URL', async () => {
    // A well-formed RS256 token with a key id: botbuilder must fetch the signing keys to check it,
    // and this machine cannot reach them.
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${part({ alg: 'RS256', typ: 'JWT', kid: 'key-1' })}.${part({
      iss: 'https://api.botframework.com',
      aud: '00000000-0000-0000-0000-000000000001',
      exp: Math.floor(Date.now() / 1000) + 600,
      nbf: Math.floor(Date.now() / 1000) - 60,
      serviceurl: 'http://127.0.0.1:9',
    })}.c2lnbmF0dXJl`;
    // The test machine has no route to login.botframework.com, where the keys are fetched.
    const warn = jest.spyOn(bot.log, 'warn');
    const res = await post(bot.url, JSON.stringify(personalMessage('http://127.0.0.1:9', user, 'hjælp')), {
      authorization: `Bearer ${jwt}`,
    });
    expect(res.status).toBe(401);
    const body = await res.text();
    expect(body).not.toMatch(/https?:\/\/|botframework|openid/i);
    expect(warn.mock.calls.map((c) => String(c[1]))).toContain(
      'Bot Framework token could not be verified: key source unavailable',
    );
  }, 60_000);

  it('rejects a forged token with 401', async () => {
    const res = await post(bot.url, JSON.stringify(personalMessage('http://127.0.0.1:9', user, 'hjælp')), {
      authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
    });
    expect(res.status).toBe(401);
  });
});

describe('a crash in a handler', () => {
  const connector = new FakeConnector();
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    await connector.start();
    const config = loadConfig({ PORT: '0' });
    const log = createLogger('silent');
    const adapter = createAdapter(config);
    const { store } = await openTestStore(ENGINES[0]!);
    // The store fails on the first lookup every turn makes.
    const broken = {
      ...store,
      municipalities: { ...store.municipalities, byTenant: () => Promise.reject(new Error('disk on fire')) },
    };
    const bot = createBotApp({
      adapter,
      log,
      store: broken as unknown as typeof store,
      clock: systemClock,
      devFallback: true,
    });
    const app = createHttpApp({ adapter, runTurn: (c) => bot.run(c), health: async () => ({}), log });
    server = await listen(app, 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await connector.stop();
  });

  it('is answered with a friendly message, and the process keeps serving', async () => {
    await post(url, JSON.stringify(personalMessage(connector.url, user, 'mine opfølgninger')));
    expect(connector.sent(`a:personal-${user.id}`).map((a) => a.text)).toEqual([
      'Beklager, noget gik galt hos Samspil. Prøv igen om lidt – fejlen er logget.',
    ]);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });
});

describe('/healthz while the process is starting', () => {
  it('answers 503 until the server says it is ready (admin endpoint published, scheduler running)', async () => {
    let ready = false;
    const app = createHttpApp({
      adapter: createAdapter(loadConfig({ PORT: '0' })),
      runTurn: async () => true,
      health: async () => ({ store: 'none' }),
      ready: () => ready,
      log: createLogger('silent'),
    });
    const server = await listen(app, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    try {
      const starting = await fetch(url);
      expect([starting.status, await starting.json()]).toEqual([503, { status: 'starting' }]);
      ready = true;
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
