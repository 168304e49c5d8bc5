import { ManualClock } from '../../src/domain/clock';
import { recording } from '../../src/store/recordingEngine';
import { migrate } from '../../src/store/migrate';
import { DEFAULT_READ_CACHE_TTL_MS, TtlReadCache } from '../../src/store/readCache';
import { createStore, Store } from '../../src/store/store';
import { ENGINES } from '../support/db';

/**
 * The reads every Teams turn repeats (src/store/readCache.ts): kept for a short time by the process's
 * wall clock, dropped by writes through the repositories, never filled from inside a transaction.
 */

describe.each(ENGINES)('the read cache on $name', (fixture) => {
  const clock = new ManualClock('2026-11-23T08:00:00Z');
  let store: Store;
  let probe: ReturnType<typeof recording>;
  let dispose: () => Promise<void>;
  let annaId: string;
  const t = () => store.tenant({ municipalityId: 'qby', actor: 'test' });
  const spent = async (fn: () => Promise<unknown>) => {
    const before = probe.count();
    await fn();
    return probe.count() - before;
  };
  const ref = (activityId: string, serviceUrl = 'https://smba.example/emea/') => ({
    conversationId: 'a:anna',
    kind: 'personal' as const,
    staffId: annaId,
    reference: { activityId, serviceUrl, conversation: { id: 'a:anna' } },
  });

  beforeAll(async () => {
    const opened = await fixture.open();
    dispose = opened.dispose;
    await migrate(opened.engine);
    probe = recording(opened.engine);
    store = createStore(probe.engine, undefined, { clock });
    await store.municipalities.create({ id: 'qby', name: 'Qby', tenant_id: 'tenant-q', settings: {} });
    annaId = (await t().staff.upsert({ email: 'anna@qby.example', name: 'Anna', roles: ['adviser'] })).id;
    await t().staff.linkAadObjectId(annaId, 'aad-anna');
  });
  afterAll(async () => dispose());

  it('answers a repeated read from memory within the TTL, and from the database after it', async () => {
    expect(await spent(() => t().staff.recentByAadObjectId('aad-anna'))).toBe(1);
    expect(await spent(() => t().staff.recentByAadObjectId('aad-anna'))).toBe(0);
    expect(await spent(() => store.municipalities.recentByTenant('tenant-q'))).toBe(1);
    expect(await spent(() => store.municipalities.recentByTenant('tenant-q'))).toBe(0);
    clock.advance(DEFAULT_READ_CACHE_TTL_MS);
    expect(await spent(() => t().staff.recentByAadObjectId('aad-anna'))).toBe(1);
    expect(await spent(() => store.municipalities.recentByTenant('tenant-q'))).toBe(1);
  });

  it('does not keep an unknown person, so someone linked a moment later is found at once', async () => {
    expect(await t().staff.recentByAadObjectId('aad-bo')).toBeNull();
    const bo = await t().staff.upsert({ email: 'bo@qby.example', name: 'Bo', roles: ['adviser'] });
    await store.engine.query(`UPDATE staff SET aad_object_id = 'aad-bo' WHERE id = $1`, [bo.id]);
    expect((await t().staff.recentByAadObjectId('aad-bo'))?.id).toBe(bo.id);
  });

  it('shows a write through the repositories on the next read, TTL or not', async () => {
    await t().staff.recentByAadObjectId('aad-anna');
    await t().staff.updateSettings(annaId, { locale: 'en' });
    expect((await t().staff.recentByAadObjectId('aad-anna'))?.locale).toBe('en');
    await store.municipalities.recentByTenant('tenant-q');
    await store.municipalities.updateSettings('qby', { reminderDaysBefore: [5] });
    expect((await store.municipalities.recentByTenant('tenant-q'))?.settings).toEqual({
      reminderDaysBefore: [5],
    });
  });

  it("sees another process's write (plain SQL here) once the TTL has passed", async () => {
    await t().staff.recentByAadObjectId('aad-anna');
    await store.engine.query(`UPDATE staff SET name = 'Anna Andersen' WHERE id = $1`, [annaId]);
    expect((await t().staff.recentByAadObjectId('aad-anna'))?.name).toBe('Anna');
    clock.advance(DEFAULT_READ_CACHE_TTL_MS);
    expect((await t().staff.recentByAadObjectId('aad-anna'))?.name).toBe('Anna Andersen');
  });

  it('reads from the database inside a transaction and keeps nothing a rollback undid', async () => {
    await expect(
      store.inTransaction({ municipalityId: 'qby', actor: 'test' }, async (tx) => {
        await tx.staff.updateSettings(annaId, { locale: 'da' });
        expect((await tx.staff.recentByAadObjectId('aad-anna'))?.locale).toBe('da');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await t().staff.recentByAadObjectId('aad-anna'))?.locale).toBe('en');
    await store.inTransaction({ municipalityId: 'qby', actor: 'test' }, (tx) =>
      tx.staff.updateSettings(annaId, { locale: 'da' }),
    );
    expect((await t().staff.recentByAadObjectId('aad-anna'))?.locale).toBe('da');
  });

  it('writes a conversation reference once while it stays the same, whatever the activity id', async () => {
    expect(await spent(() => t().conversations.refresh(ref('act-1')))).toBe(1);
    expect(await spent(() => t().conversations.refresh(ref('act-2')))).toBe(0);
    // Teams moved the chat to another region: the new serviceUrl is written at once.
    expect(await spent(() => t().conversations.refresh(ref('act-3', 'https://smba.example/amer/')))).toBe(1);
    const stored = await t().conversations.get('a:anna');
    expect(stored?.reference.serviceUrl).toBe('https://smba.example/amer/');
    clock.advance(DEFAULT_READ_CACHE_TTL_MS);
    expect(await spent(() => t().conversations.refresh(ref('act-4', 'https://smba.example/amer/')))).toBe(1);
  });

  it('writes the reference again after the chat was marked dead, so it comes back to life', async () => {
    await t().conversations.refresh(ref('act-5'));
    await t().conversations.markDead('a:anna');
    await t().conversations.refresh(ref('act-6'));
    expect((await t().conversations.get('a:anna'))?.dead).toBe(false);
  });
});

describe('the read cache in a long-running process', () => {
  it('keeps at most its limit of entries, dropping the expired ones first and then the oldest', async () => {
    const clock = new ManualClock('2026-11-23T08:00:00Z');
    const cache = new TtlReadCache(clock, 1_000, 4);
    for (const k of ['a', 'b']) cache.set(k, k);
    clock.advance(1_000); // a and b have expired
    for (const k of ['c', 'd']) cache.set(k, k);
    cache.set('e', 'e');
    expect(cache.size).toBe(3);
    expect(['a', 'b', 'c', 'd', 'e'].filter((k) => cache.holds(k, k))).toEqual(['c', 'd', 'e']);
    cache.set('f', 'f');
    cache.set('g', 'g'); // four fresh entries: the older half goes
    expect(['c', 'd', 'e', 'f', 'g'].filter((k) => cache.holds(k, k))).toEqual(['e', 'f', 'g']);
    // A key written again counts as new.
    cache.set('e', 'e2');
    expect(await cache.get('e', async () => 'loaded')).toBe('e2');
  });
});
