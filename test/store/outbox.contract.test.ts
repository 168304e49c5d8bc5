import { ENGINES, openTestStore } from '../support/db';
import { Store } from '../../src/store/store';

const T0 = new Date('2026-11-23T08:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe.each(ENGINES)('outbox on $name', (fixture) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(fixture));
    await store.municipalities.create({ id: 'qby', name: 'Qby Kommune', tenant_id: null, settings: {} });
    await store.municipalities.create({ id: 'rby', name: 'Rby Kommune', tenant_id: null, settings: {} });
  });
  afterAll(async () => dispose());
  const q = () => store.tenant({ municipalityId: 'qby', actor: 'scheduler' }).outbox;

  const msg = (key: string, notBefore = T0) => ({
    dedupeKey: key,
    kind: 'followup.upcoming',
    recipientStaffId: null,
    payload: { key },
    notBefore,
  });

  it('plans a reminder once, whatever the number of passes', async () => {
    expect(await q().enqueue(msg('a'))).toBe(true);
    expect(await q().enqueue(msg('a'))).toBe(false);
    // The same key in another municipality is another reminder.
    expect(await store.tenant({ municipalityId: 'rby', actor: 's' }).outbox.enqueue(msg('a'))).toBe(true);
    expect((await q().list()).map((m) => m.dedupe_key)).toEqual(['a']);
  });

  it('claims only rows that are due, and each row by one sender', async () => {
    await q().enqueue(msg('future', later(3_600_000)));
    const first = await store.queue.claim('s1', T0, 10, 60_000);
    const second = await store.queue.claim('s2', T0, 10, 60_000);
    expect(first.map((m) => m.dedupe_key).sort()).toEqual(['a', 'a']);
    expect(second).toEqual([]);
    expect(first.every((m) => m.attempts === 1 && m.status === 'sending')).toBe(true);
    for (const m of first) expect(await store.queue.markSent(m.id, 's1', T0, `act-${m.id}`)).toBe(true);
  });

  it('lets a sender settle only its own lease, and hands an expired lease to another sender', async () => {
    const [stuck] = await store.queue.claim('s3', later(3_600_000), 1, 60_000);
    expect(stuck?.dedupe_key).toBe('future');
    expect(await store.queue.markSent(stuck!.id, 'intruder', later(3_600_001), 'x')).toBe(false);
    // s3 dies; after the lease another sender picks the row up again.
    const reclaimed = await store.queue.claim('s4', later(3_600_000 + 61_000), 10, 60_000);
    expect(reclaimed.map((m) => [m.id, m.attempts])).toContainEqual([stuck!.id, 2]);
    expect(await store.queue.markSent(stuck!.id, 's3', later(3_700_000), 'late')).toBe(false);
    expect(await store.queue.markSent(stuck!.id, 's4', later(3_700_000), 'act-1')).toBe(true);
    // A sent row is never claimed again, even long after.
    expect(await store.queue.claim('s5', later(10 * 3_600_000), 10, 60_000)).toEqual([]);
  });

  it('retries later and parks after failures', async () => {
    await q().enqueue(msg('flaky'));
    const [m] = await store.queue.claim('s6', later(20 * 3_600_000), 1, 60_000);
    await store.queue.retryLater(m!.id, 's6', later(21 * 3_600_000), 'HTTP 429');
    expect(await store.queue.claim('s6', later(20 * 3_600_000 + 1), 1, 60_000)).toEqual([]);
    const [again] = await store.queue.claim('s6', later(21 * 3_600_000), 1, 60_000);
    expect([again?.id, again?.attempts]).toEqual([m!.id, 2]);
    await store.queue.park(again!.id, 's6', 'HTTP 400: bad activity');
    const parked = await q().list('parked');
    expect(parked.map((p) => [p.dedupe_key, p.last_error])).toEqual([['flaky', 'HTTP 400: bad activity']]);
    expect((await store.queue.counts()).parked).toBe(1);
  });
});
