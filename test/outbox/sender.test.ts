import { loadConfig } from '../../src/config';
import { fixedClock, offsetClock } from '../../src/domain/clock';
import { createLogger } from '../../src/log';
import { emptyDrain, OutboxSender } from '../../src/outbox/sender';
import { SENDER_PER_TENANT_SECOND } from '../../src/outbox/rateLimiter';
import { createBotApp } from '../../src/teams/botApp';
import { Store } from '../../src/store/store';
import { createAdapter } from '../../src/teams/adapter';
import { BotFrameworkTransport } from '../../src/teams/proactive';
import { openTestStore, ENGINES } from '../support/db';
import { FakeConnector } from '../support/fakeConnector';

const HOURS = { hours: { start: '08:00', end: '16:00' }, timeZone: 'Europe/Copenhagen' };
const MONDAY_0900 = '2026-11-23T08:00:00Z'; // 09:00 in Copenhagen

describe('outbox sender against a fake Bot Connector (PGlite)', () => {
  const connector = new FakeConnector();
  let store: Store;
  let dispose: () => Promise<void>;
  const adapter = createAdapter(loadConfig({}));
  const transport = new BotFrameworkTransport(adapter, '');
  const log = createLogger('silent');

  beforeAll(async () => {
    await connector.start();
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    await store.municipalities.create({ id: 'sby', name: 'Sby', tenant_id: 't', settings: {} });
  });
  afterAll(async () => {
    await dispose();
    await connector.stop();
  });
  beforeEach(() => {
    connector.reset();
    connector.fail = null;
  });

  const t = () => store.tenant({ municipalityId: 'sby', actor: 'test' });
  async function person(email: string) {
    const { id } = await t().staff.upsert({ email, name: email, roles: ['adviser'] });
    await t().conversations.save({
      conversationId: `a:personal-${email}`,
      kind: 'personal',
      staffId: id,
      reference: {
        serviceUrl: connector.url,
        channelId: 'msteams',
        conversation: { id: `a:personal-${email}` },
        bot: { id: '28:bot' },
      },
    });
    return id;
  }
  const sender = (now: string, extra: Partial<ConstructorParameters<typeof OutboxSender>[2]> = {}) =>
    new OutboxSender(store, transport, {
      clock: fixedClock(now),
      log,
      sendWindow: async () => HOURS,
      random: () => 0,
      ...extra,
    });
  const enqueue = (key: string, staffId: string, notBefore = new Date(MONDAY_0900)) =>
    t().outbox.enqueue({
      key: { key, subject: key, version: 0 },
      kind: 'test',
      recipientStaffId: staffId,
      payload: { activity: { type: 'message', text: key } },
      notBefore,
    });

  it('sends a due message once and never again', async () => {
    const id = await person('a@s.example');
    await enqueue('k1', id);
    expect(await sender(MONDAY_0900).drain()).toEqual({ ...emptyDrain(), sent: 1 });
    expect(await sender(MONDAY_0900).drain()).toEqual(emptyDrain());
    expect(connector.sent('a:personal-a@s.example').map((a) => a.text)).toEqual(['k1']);
    expect((await t().outbox.list('sent'))[0]?.activity_id).toMatch(/^act-/);
  });

  it('sends nothing outside working hours or on a holiday; it defers to the next working morning', async () => {
    const id = await person('b@s.example');
    await enqueue('evening', id, new Date('2026-12-23T15:30:00Z'));
    expect(await sender('2026-12-23T15:30:00Z').drain()).toEqual({ ...emptyDrain(), deferred: 1 });
    const [row] = (await t().outbox.list('pending')).filter((r) => r.dedupe_key === 'evening');
    expect(row?.not_before.toISOString()).toBe('2026-12-28T07:00:00.000Z'); // Monday 08:00 after Christmas
    expect(row?.attempts).toBe(0);
    expect(connector.sent()).toEqual([]);
  });

  it("re-queues what still gets 429 after botbuilder's own retries, honouring Retry-After, and loses nothing", async () => {
    const id = await person('c@s.example');
    await enqueue('busy', id);
    // botbuilder retries a 429 three times inside the call; the fourth answer is what the sender sees.
    connector.fail = (call, n) =>
      n <= 4 && call.method === 'POST' ? { status: 429, headers: { 'retry-after': '1' } } : null;
    const first = await sender(MONDAY_0900).drain();
    expect(first.retried).toBe(1);
    const [row] = (await t().outbox.list('pending')).filter((r) => r.dedupe_key === 'busy');
    expect(row!.not_before.getTime() - new Date(MONDAY_0900).getTime()).toBeGreaterThanOrEqual(1000);
    expect(row!.last_error).toMatch(/HTTP 429/);
    expect(await sender('2026-11-23T08:00:00.500Z').drain()).toMatchObject({ sent: 0 });
    expect(await sender('2026-11-23T08:00:02Z').drain()).toMatchObject({ sent: 1 });
    expect(connector.sent('a:personal-c@s.example').map((a) => a.text)).toEqual(['busy']);
  });

  it('retries 412 with backoff and parks after the last attempt, where an admin sees it', async () => {
    const id = await person('d@s.example');
    await enqueue('broken', id);
    connector.fail = () => ({ status: 412 });
    let now = new Date(MONDAY_0900).getTime();
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push(await sender(new Date(now).toISOString(), { maxAttempts: 3 }).drain());
      now += 600_000;
    }
    expect(outcomes.map((o) => [o.retried, o.parked])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    const parked = await t().outbox.list('parked');
    expect(parked.map((p) => [p.dedupe_key, p.attempts])).toEqual([['broken', 3]]);
    expect(parked[0]!.last_error).toMatch(/HTTP 412/);
  });

  it('marks a conversation dead on 403 BotNotInConversationRoster and parks instead of retrying', async () => {
    const id = await person('e@s.example');
    await t().outbox.enqueue({
      key: { key: 'gone', subject: 'gone', version: 0 },
      kind: 'test',
      recipientStaffId: id,
      conversationId: 'a:personal-e@s.example',
      payload: { activity: { type: 'message', text: 'gone' } },
      notBefore: new Date(MONDAY_0900),
    });
    connector.fail = () => ({
      status: 403,
      body: { error: { code: 'BotNotInConversationRoster', message: 'not installed' } },
    });
    expect(await sender(MONDAY_0900).drain()).toMatchObject({ parked: 1, retried: 0 });
    expect((await t().conversations.get('a:personal-e@s.example'))?.dead).toBe(true);
  });

  it('keeps a message for someone who has not opened the app yet, and delivers it once they do', async () => {
    const { id } = await t().staff.upsert({ email: 'f@s.example', name: 'F', roles: ['adviser'] });
    await enqueue('nobody-yet', id);
    expect(await sender(MONDAY_0900).drain()).toMatchObject({ waiting: 1, parked: 0, sent: 0 });
    const [row] = (await t().outbox.list('waiting')).filter((r) => r.dedupe_key === 'nobody-yet');
    expect(row?.last_error).toMatch(/has not opened Samspil/);
    expect(row?.attempts).toBe(0);
    expect(await sender(MONDAY_0900).drain()).toMatchObject({ waiting: 0, sent: 0 });
    await person('f@s.example');
    expect(await sender(MONDAY_0900).drain()).toMatchObject({ sent: 1 });
    expect(connector.sent('a:personal-f@s.example').map((a) => a.text)).toEqual(['nobody-yet']);
  });

  it("sees a failed send even when the bot app's turn-error handler sits on the same adapter", async () => {
    // `samspil start` shares one adapter between the bot (whose app.error answers users with the
    // generic error text) and the sender: the send error must still reach the sender.
    createBotApp({ adapter, log, store, clock: fixedClock(MONDAY_0900), devFallback: true });
    const id = await person('g@s.example');
    await enqueue('through-the-app', id);
    connector.fail = (call) => (call.method === 'POST' ? { status: 502 } : null);
    expect(await sender(MONDAY_0900).drain()).toMatchObject({ retried: 1, sent: 0 });
    expect(connector.calls.filter((c) => JSON.stringify(c.body ?? {}).includes('Beklager'))).toEqual([]);
    const [row] = (await t().outbox.list('pending')).filter((r) => r.dedupe_key === 'through-the-app');
    expect(row?.last_error).toMatch(/HTTP 502/);
  });

  it('renews the lease while a send waits longer than the lease, so no other sender takes the row', async () => {
    const id = await person('h@s.example');
    await enqueue('slow', id);
    // A clock that runs, from Monday 09:00, so leases expire as they would.
    const running = offsetClock(new Date(MONDAY_0900));
    let release: () => void = () => undefined;
    const slow = new Promise<void>((r) => (release = r));
    const waiting = new OutboxSender(
      store,
      {
        async send(conversation, message) {
          await slow;
          return transport.send(conversation, message);
        },
      },
      { clock: running, log, sendWindow: async () => HOURS, leaseMs: 300 },
    );
    const first = waiting.drain();
    await new Promise((r) => setTimeout(r, 1200)); // four leases
    const rival = new OutboxSender(store, transport, {
      clock: running,
      log,
      sendWindow: async () => HOURS,
    });
    await rival.drain();
    expect(connector.sent('a:personal-h@s.example')).toEqual([]);
    release();
    expect(await first).toMatchObject({ sent: 1, leaseLost: 0 });
    expect(connector.sent('a:personal-h@s.example').map((a) => a.text)).toEqual(['slow']);
  });
  it("sends another municipality's messages while one municipality's backlog waits for its share of 50/s", async () => {
    await store.municipalities.create({ id: 'tby', name: 'Tby', tenant_id: 't2', settings: {} });
    const busy: string[] = [];
    for (let i = 0; i < 60; i++) {
      const email = `busy${i}@s.example`;
      await enqueue(`busy-${i}`, await person(email));
      busy.push(`busy-${i}`);
    }
    const other = store.tenant({ municipalityId: 'tby', actor: 'test' });
    const quiet: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { id } = await other.staff.upsert({
        email: `q${i}@t.example`,
        name: `q${i}`,
        roles: ['adviser'],
      });
      await other.conversations.save({
        conversationId: `a:personal-q${i}`,
        kind: 'personal',
        staffId: id,
        reference: {
          serviceUrl: connector.url,
          channelId: 'msteams',
          conversation: { id: `a:personal-q${i}` },
          bot: { id: '28:bot' },
        },
      });
      await other.outbox.enqueue({
        key: { key: `quiet-${i}`, subject: `quiet-${i}`, version: 0 },
        kind: 'test',
        recipientStaffId: id,
        payload: { activity: { type: 'message', text: `quiet-${i}` } },
        notBefore: new Date(MONDAY_0900),
      });
      quiet.push(`quiet-${i}`);
    }
    expect(await sender(MONDAY_0900).drain()).toMatchObject({ sent: 65 });
    const order = connector.sent().map((a) => String(a.text));
    // The busy municipality's 41st (past the sender's 40 a second) waits; the other's five do not.
    const lastQuiet = Math.max(...quiet.map((q) => order.indexOf(q)));
    expect(lastQuiet).toBeLessThan(order.indexOf(`busy-${SENDER_PER_TENANT_SECOND}`));
    expect(order.filter((x) => busy.includes(x))).toHaveLength(60);
  });

  it('holds a replacement while an earlier card is on the wire, then updates every earlier card delivered', async () => {
    const id = await person('r@s.example');
    const card = (version: number, kind: string, extra = {}) =>
      t().outbox.enqueue({
        key: { key: `meeting-x:${version}:${kind}`, subject: 'meeting-x', version },
        kind,
        recipientStaffId: id,
        payload: { activity: { type: 'message', text: `${kind} ${version}` }, ...extra },
        notBefore: new Date(MONDAY_0900),
      });
    await card(0, 'meeting.invitation');
    expect(await sender(MONDAY_0900).drain()).toEqual({ ...emptyDrain(), sent: 1 });
    await card(1, 'meeting.update');
    const [onWire] = await store.queue.claim('other', new Date(MONDAY_0900), 10, 60_000);
    await card(2, 'meeting.replace', {
      replaceActivityId: null,
      replaceEarlier: { kinds: ['meeting.invitation', 'meeting.update'] },
    });
    await card(2, 'meeting.update');
    connector.reset();
    // The update of version 1 is still being sent by another sender: the replacement waits.
    expect(await sender(MONDAY_0900).drain()).toMatchObject({ deferred: 1 });
    expect(connector.updates()).toEqual([]);
    await store.queue.settle([
      {
        id: onWire!.id,
        token: onWire!.lease_token,
        status: 'sent',
        at: new Date(MONDAY_0900),
        activityId: 'act-v1',
      },
    ]);
    const later = new Date(Date.parse(MONDAY_0900) + 5_000).toISOString();
    expect(await sender(later).drain()).toMatchObject({ sent: 1 });
    const first = (await t().outbox.list('sent')).find((r) => r.kind === 'meeting.invitation')!;
    expect(
      connector
        .updates()
        .map((c) => c.activityId)
        .sort(),
    ).toEqual([first.activity_id, 'act-v1'].sort());
  });
});
