import { ENGINES, openTestStore } from '../support/db';
import { Store } from '../../src/store/store';
import type { OutboxKey } from '../../src/outbox/keys';
import type { ClaimedMessage, NewOutboxMessage, OutboxStatus } from '../../src/store/outboxRepo';

const T0 = new Date('2026-11-23T08:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const single = (key: string): OutboxKey => ({ key, subject: key, version: 0 });
const sent = (m: ClaimedMessage, activityId = `act-${m.id}`) => ({
  id: m.id,
  token: m.lease_token,
  status: 'sent' as const,
  at: T0,
  activityId,
});

describe.each(ENGINES)('outbox on $name', (fixture) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let staffId: string;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(fixture));
    await store.municipalities.create({ id: 'qby', name: 'Qby Kommune', tenant_id: null, settings: {} });
    await store.municipalities.create({ id: 'rby', name: 'Rby Kommune', tenant_id: null, settings: {} });
    staffId = (await t().staff.upsert({ email: 'x@qby.example', name: 'X', roles: ['adviser'] })).id;
  });
  afterAll(async () => dispose());
  const t = () => store.tenant({ municipalityId: 'qby', actor: 'scheduler' });
  const out = () => t().outbox;
  const statusOf = async (key: string): Promise<OutboxStatus | undefined> =>
    (await out().list(undefined, 1000)).find((m) => m.dedupe_key === key)?.status;

  const msg = (key: OutboxKey | string, notBefore = T0, extra: { expiresAt?: Date } = {}) => ({
    key: typeof key === 'string' ? single(key) : key,
    kind: 'followup.upcoming',
    recipientStaffId: null,
    conversationId: 'channel-1',
    payload: { activity: { text: typeof key === 'string' ? key : key.key } },
    notBefore,
    ...extra,
  });

  it('plans a message once, whatever the number of passes', async () => {
    expect(await out().enqueue(msg('a'))).toBe(true);
    expect(await out().enqueue(msg('a'))).toBe(false);
    // The same key in another municipality is another message.
    expect(await store.tenant({ municipalityId: 'rby', actor: 's' }).outbox.enqueue(msg('a'))).toBe(true);
    expect((await out().list()).map((m) => m.dedupe_key)).toEqual(['a']);
  });

  it('claims only rows that are due, each row by one sender, with its conversation in the same query', async () => {
    await t().conversations.save({
      conversationId: 'channel-1',
      kind: 'channel',
      staffId: null,
      reference: { conversation: { id: 'channel-1' } },
    });
    await out().enqueue(msg('future', later(3_600_000)));
    const first = await store.queue.claim('s1', T0, 10, 60_000);
    const second = await store.queue.claim('s2', T0, 10, 60_000);
    expect(first.map((m) => m.dedupe_key).sort()).toEqual(['a', 'a']);
    expect(second).toEqual([]);
    expect(first.every((m) => m.attempts === 1 && m.status === 'sending')).toBe(true);
    expect(first.find((m) => m.municipality_id === 'qby')?.conversation?.conversation_id).toBe('channel-1');
    expect(first.find((m) => m.municipality_id === 'rby')?.conversation).toBeNull();
    expect((await store.queue.settle(first.map((m) => sent(m)))).size).toBe(2);
  });

  it('fences a row: only the token of the current claim settles it, and a lost lease is not renewed', async () => {
    // Leases run on the database's clock: this one lasts 150 ms of real time.
    const [stuck] = await store.queue.claim('s3', later(3_600_000), 1, 150);
    expect(stuck?.dedupe_key).toBe('future');
    expect((await store.queue.settle([{ ...sent(stuck!), token: crypto.randomUUID() }])).size).toBe(0);
    expect(await store.queue.claim('s4', later(3_600_000), 10, 60_000)).toEqual([]);
    // s3 stalls; after the lease another sender picks the row up again, with a new token.
    await new Promise((r) => setTimeout(r, 300));
    const [reclaimed] = await store.queue.claim('s4', later(3_600_000), 10, 60_000);
    expect([reclaimed?.id, reclaimed?.attempts]).toEqual([stuck!.id, 2]);
    expect(reclaimed!.lease_token).not.toBe(stuck!.lease_token);
    expect((await store.queue.renew([stuck!.id], stuck!.lease_token, 60_000)).size).toBe(0);
    expect((await store.queue.renew([stuck!.id], reclaimed!.lease_token, 60_000)).has(stuck!.id)).toBe(true);
    expect((await store.queue.settle([sent(stuck!, 'late')])).size).toBe(0);
    expect((await store.queue.settle([sent(reclaimed!)])).size).toBe(1);
    // A sent row is never claimed again, even long after.
    expect(await store.queue.claim('s5', later(10 * 3_600_000), 10, 60_000)).toEqual([]);
  });

  it('renews a lease so a send waiting longer than the lease keeps its row', async () => {
    await out().enqueue(msg('slow'));
    const [m] = await store.queue.claim('s6', later(11 * 3_600_000), 1, 200);
    await store.queue.renew([m!.id], m!.lease_token, 60_000);
    await new Promise((r) => setTimeout(r, 300)); // longer than the first lease
    expect(await store.queue.claim('s7', later(11 * 3_600_000), 10, 60_000)).toEqual([]);
    expect((await store.queue.settle([sent(m!)])).size).toBe(1);
  });

  it('retries later and parks after failures, in one statement for a whole batch', async () => {
    await out().enqueue(msg('flaky'));
    await out().enqueue(msg('broken'));
    const claimed = await store.queue.claim('s6', later(20 * 3_600_000), 2, 60_000);
    const [flaky, broken] = ['flaky', 'broken'].map((k) => claimed.find((m) => m.dedupe_key === k)!);
    const settled = await store.queue.settle([
      {
        id: flaky!.id,
        token: flaky!.lease_token,
        status: 'retry',
        notBefore: later(21 * 3_600_000),
        error: 'HTTP 429',
      },
      { id: broken!.id, token: broken!.lease_token, status: 'parked', error: 'HTTP 400: bad activity' },
    ]);
    expect(settled.size).toBe(2);
    expect(await store.queue.claim('s6', later(20 * 3_600_000 + 1), 1, 60_000)).toEqual([]);
    const [again] = await store.queue.claim('s6', later(21 * 3_600_000), 1, 60_000);
    expect([again?.id, again?.attempts]).toEqual([flaky!.id, 2]);
    const parked = await out().list('parked');
    expect(parked.map((p) => [p.dedupe_key, p.last_error])).toEqual([['broken', 'HTTP 400: bad activity']]);
    expect((await store.queue.counts()).parked).toBe(1);
    await store.queue.settle([sent(again!)]);
  });

  it('supersedes an unsent older version by a newer one, and stores a late older one as superseded', async () => {
    const v = (version: number): OutboxKey => ({ key: `meeting:${version}`, subject: 'meeting', version });
    await out().enqueue(msg(v(1)));
    await out().enqueue(msg(v(3)));
    expect(await statusOf('meeting:1')).toBe('superseded');
    expect(await statusOf('meeting:3')).toBe('pending');
    // A pass that read the meeting before its last change plans version 2 after version 3.
    expect(await out().enqueue(msg(v(2)))).toBe(true);
    expect(await statusOf('meeting:2')).toBe('superseded');
    expect(await statusOf('meeting:3')).toBe('pending');
    // Another recipient's messages about the same subject are theirs.
    await out().enqueue({
      ...msg({ key: 'meeting:1:other', subject: 'meeting', version: 1 }),
      conversationId: 'c2',
    });
    expect(await statusOf('meeting:1:other')).toBe('pending');
  });

  it('drops at claim time a row whose newer version arrived in a race, and one past its expiry', async () => {
    await out().enqueue(msg('stale', T0, { expiresAt: later(1000) }));
    // Simulate the race the enqueue statement cannot see: an older version committed afterwards.
    await store.engine.query(
      `UPDATE outbox SET status = 'pending' WHERE municipality_id = 'qby' AND dedupe_key = 'meeting:2'`,
    );
    const claimed = await store.queue.claim('s8', later(2000), 10, 60_000);
    const byKey = new Map(claimed.map((m) => [m.dedupe_key, m]));
    expect(byKey.get('meeting:2')?.superseded).toBe(true);
    expect(byKey.get('meeting:3')?.superseded).toBe(false);
    expect(byKey.get('stale')?.expired).toBe(true);
    await store.queue.settle(claimed.map((m) => sent(m)));
  });

  it('keeps a message waiting for a first conversation and releases it when the conversation appears', async () => {
    await out().enqueue({ ...msg('for-x'), conversationId: null, recipientStaffId: staffId });
    const [m] = await store.queue.claim('s9', later(30 * 3_600_000), 10, 60_000);
    expect(m?.conversation).toBeNull();
    await store.queue.settle([{ id: m!.id, token: m!.lease_token, status: 'waiting', error: 'waiting' }]);
    expect(await statusOf('for-x')).toBe('waiting');
    expect((await out().list('waiting'))[0]?.attempts).toBe(0);
    expect(await store.queue.claim('s9', later(30 * 3_600_000), 10, 60_000)).toEqual([]);
    await t().conversations.save({
      conversationId: 'a:x',
      kind: 'personal',
      staffId,
      reference: { conversation: { id: 'a:x' } },
    });
    expect(await statusOf('for-x')).toBe('pending');
    const [again] = await store.queue.claim('s9', later(30 * 3_600_000), 10, 60_000);
    expect(again?.conversation?.conversation_id).toBe('a:x');
    await store.queue.settle([sent(again!)]);
  });

  it('cancels the unsent messages about a subject, waiting ones included, by exact subject', async () => {
    await out().enqueue({ ...msg({ key: 'd1:r', subject: 'd1', version: 1 }), recipientStaffId: staffId });
    await out().enqueue({ ...msg({ key: 'd10:r', subject: 'd10', version: 1 }), recipientStaffId: staffId });
    await store.engine.query(`UPDATE outbox SET status = 'waiting' WHERE dedupe_key = 'd1:r'`);
    expect(await out().cancel('d1')).toBe(1);
    expect(await statusOf('d1:r')).toBe('cancelled');
    expect(await statusOf('d10:r')).toBe('pending');
    await out().cancel('d10');
  });

  it('claims at most a few rows per conversation and none for a conversation or tenant it is told to skip', async () => {
    for (let i = 0; i < 6; i++) await out().enqueue(msg(`busy-${i}`, later(40 * 3_600_000)));
    await out().enqueue({ ...msg('quiet', later(40 * 3_600_000 + 1)), conversationId: 'c2' });
    const now = later(40 * 3_600_000 + 2);
    const capped = await store.queue.claim('s10', now, 10, 60_000, { perDestination: 2 });
    expect(capped.map((m) => m.dedupe_key)).toEqual(['busy-0', 'busy-1', 'quiet']);
    const skipped = await store.queue.claim('s10', now, 10, 60_000, { skipDestinations: ['channel-1'] });
    expect(skipped).toEqual([]);
    expect(await store.queue.claim('s10', now, 10, 60_000, { skipMunicipalities: ['qby'] })).toEqual([]);
    const rest = await store.queue.claim('s10', now, 10, 60_000);
    expect(rest.map((m) => m.dedupe_key)).toEqual(['busy-2', 'busy-3', 'busy-4', 'busy-5']);
    await store.queue.settle([...capped, ...rest].map((m) => sent(m)));
  });

  it("gives each municipality its share of a claim, however long another's queue is", async () => {
    const at = later(50 * 3_600_000);
    for (let i = 0; i < 6; i++) await out().enqueue({ ...msg(`long-${i}`, at), conversationId: `c-${i}` });
    await store
      .tenant({ municipalityId: 'rby', actor: 's' })
      .outbox.enqueue({ ...msg('short', later(50 * 3_600_000 + 1)) });
    const claimed = await store.queue.claim('s11', later(50 * 3_600_000 + 2), 4, 60_000, {
      perMunicipality: 2,
    });
    expect(claimed.map((m) => m.dedupe_key)).toEqual(['long-0', 'long-1', 'short']);
    const rest = await store.queue.claim('s11', later(50 * 3_600_000 + 2), 10, 60_000);
    await store.queue.settle([...claimed, ...rest].map((m) => sent(m)));
  });

  describe('many messages in one statement', () => {
    // The same history planned twice: message by message in one municipality, as a batch in another.
    const setUp = async (municipalityId: string) => {
      await store.municipalities.create({
        id: municipalityId,
        name: municipalityId,
        tenant_id: null,
        settings: {},
      });
      const tt = store.tenant({ municipalityId, actor: 'scheduler' });
      const person = (
        await tt.staff.upsert({ email: `p@${municipalityId}.example`, name: 'P', roles: ['adviser'] })
      ).id;
      const to = (m: ReturnType<typeof msg>, staff: boolean) =>
        staff ? { ...m, conversationId: null, recipientStaffId: person } : m;
      const v = (subject: string, version: number, tag = ''): OutboxKey => ({
        key: `${subject}:${version}${tag}`,
        subject,
        version,
      });
      // Stored before the batch: pending, waiting (no conversation yet), sent and cancelled rows.
      for (const m of [msg(v('pend', 1)), to(msg(v('wait', 1)), true), msg(v('sent', 3)), msg(v('gone', 5))])
        await tt.outbox.enqueue(m);
      await store.engine.query(
        `UPDATE outbox SET status = CASE subject WHEN 'wait' THEN 'waiting' WHEN 'sent' THEN 'sent' ELSE 'cancelled' END
         WHERE municipality_id = $1 AND subject IN ('wait', 'sent', 'gone')`,
        [municipalityId],
      );
      const batch = [
        msg(v('pend', 1)), // already planned
        msg(v('pend', 2)), // supersedes the stored pending version 1
        to(msg(v('wait', 2)), true), // supersedes the waiting one
        msg(v('sent', 2)), // older than a sent version: superseded at once
        msg(v('gone', 4)), // the newer stored version was cancelled: goes in as current
        msg(v('pair', 1)), // a newer version follows in the same batch
        msg(v('pair', 3)),
        msg(v('late', 4)), // a newer version came earlier in the same batch
        msg(v('late', 2)),
        msg(v('gone', 5)), // stored and cancelled: not planned again, yet (as one by one) it supersedes 4
        msg(v('pair', 3)), // repeated in the batch
        to(msg(v('pair', 1, ':p')), true), // another recipient of the same subject
      ];
      return { tt, batch };
    };
    let planned: NewOutboxMessage[] = [];
    const statuses = async (municipalityId: string) =>
      (
        await store.engine.query<{ dedupe_key: string; status: string }>(
          'SELECT dedupe_key, status FROM outbox WHERE municipality_id = $1 ORDER BY dedupe_key COLLATE "C"',
          [municipalityId],
        )
      ).map((r) => `${r.dedupe_key}=${r.status}`);

    it('leaves the same rows and statuses as planning the messages one by one, and says which were new', async () => {
      const one = await setUp('one');
      const fresh: string[] = [];
      for (const m of one.batch) if (await one.tt.outbox.enqueue(m)) fresh.push(m.key.key);
      const many = await setUp('many');
      planned = many.batch;
      const freshMany = await many.tt.outbox.enqueueMany(many.batch, 4); // chunks split the history too

      expect([...freshMany].sort()).toEqual(fresh.sort());
      expect(await statuses('many')).toEqual(await statuses('one'));
      expect(await statuses('many')).toEqual([
        'gone:4=superseded',
        'gone:5=cancelled',
        'late:2=superseded',
        'late:4=pending',
        'pair:1=superseded',
        'pair:1:p=pending',
        'pair:3=pending',
        'pend:1=superseded',
        'pend:2=pending',
        'sent:2=superseded',
        'sent:3=sent',
        'wait:1=superseded',
        'wait:2=pending',
      ]);
    });

    it('plans nothing twice when the same batch comes again', async () => {
      const before = await statuses('many');
      const again = await store
        .tenant({ municipalityId: 'many', actor: 'scheduler' })
        .outbox.enqueueMany(planned);
      expect(again.size).toBe(0);
      expect(await statuses('many')).toEqual(before);
    });
  });
});
