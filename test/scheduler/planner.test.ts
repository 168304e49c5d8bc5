import { ENGINES, openTestStore } from '../support/db';
import { Store } from '../../src/store/store';
import { defaultSettings } from '../../src/domain/municipality';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { planAll, planMunicipality } from '../../src/scheduler/planner';

/** Herning institution placement started 2026-11-02: first follow-up due 2026-11-16 (seed 004 tabel 5.1). */
describe('reminder planning (PGlite)', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  const t = () => store.tenant({ municipalityId: 'pl', actor: 'test' });
  const plan = async (iso: string) =>
    planMunicipality(store, await loadMunicipality(store, 'pl'), new Date(iso));
  const planned = async () =>
    (await t().outbox.list())
      .map((o) => `${o.kind}→${o.recipient_staff_id === ids.leader ? 'leader' : 'adviser'}`)
      .sort();
  const ids = { adviser: '', leader: '' };

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    await store.municipalities.create({
      id: 'pl',
      name: 'Pl',
      tenant_id: null,
      settings: defaultSettings('herning'),
    });
    ids.leader = (await t().staff.upsert({ email: 'leder@pl.example', name: 'Leder', roles: ['leader'] })).id;
    ids.adviser = (await t().staff.upsert({ email: 'anna@pl.example', name: 'Anna', roles: ['adviser'] })).id;
    await t().staff.setLeader(ids.adviser, ids.leader);
    const c = await t().cases.upsert({
      caseRef: 'P-1',
      adviserId: ids.adviser,
      opened: '2026-10-01',
      ladderStep: 5,
      childInitials: 'XY',
    });
    await t().measures.upsert({ caseId: c.id, measureType: 'institution', start: '2026-11-02', end: null });
  });
  afterAll(async () => dispose());

  it('plans the due-day reminder on the due date, in working hours', async () => {
    const r = await plan('2026-11-16T07:30:00Z'); // 08:30 Copenhagen
    expect([r.planned, r.alreadyPlanned]).toEqual([1, 0]);
    const [row] = await t().outbox.list();
    expect(row?.kind).toBe('followup.due');
    expect(row?.dedupe_key).toMatch(/^followup:[0-9a-f-]+:2026-11-16:due:/);
  });

  it('waits for the start of the working day when planned before it', async () => {
    await plan('2026-11-17T05:00:00Z'); // 06:00 Copenhagen, one working day overdue
    const overdue = (await t().outbox.list()).find((o) => o.dedupe_key.includes(':overdue:2026-11-17:'));
    expect(overdue?.not_before.toISOString()).toBe('2026-11-17T07:00:00.000Z');
  });

  it('plans nothing more after the recipient’s working day has ended', async () => {
    const r = await plan('2026-11-18T15:30:00Z'); // 16:30 Copenhagen
    expect(r.planned).toBe(0);
  });

  it('escalates to the leader after 5 working days overdue, once', async () => {
    await plan('2026-11-20T09:00:00Z'); // 4 working days overdue
    expect(await planned()).toEqual([
      'followup.due→adviser',
      'followup.overdue→adviser',
      'followup.overdue→adviser',
    ]);
    await plan('2026-11-23T09:00:00Z'); // 5
    await plan('2026-11-24T09:00:00Z'); // 6
    const kinds = await planned();
    expect(kinds.filter((k) => k === 'followup.escalation→leader')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'followup.overdue→adviser')).toHaveLength(4);
  });

  it('sends a digest user one overview a day instead of single reminders', async () => {
    await t().staff.updateSettings(ids.adviser, { reminderMode: 'digest' });
    const before = (await t().outbox.list()).length;
    const r = await plan('2026-11-25T09:00:00Z');
    expect(r.planned).toBe(1);
    const rows = await t().outbox.list();
    expect(rows.length).toBe(before + 1);
    expect(rows[0]?.kind).toBe('followup.digest');
    expect(rows[0]?.dedupe_key).toBe(`digest:${ids.adviser}:2026-11-25`);
    expect((await plan('2026-11-25T10:00:00Z')).planned).toBe(0);
    await t().staff.updateSettings(ids.adviser, { reminderMode: 'single' });
  });

  it('writes the reminder in the recipient’s language', async () => {
    await t().staff.updateSettings(ids.adviser, { locale: 'en' });
    await plan('2026-11-26T09:00:00Z');
    const row = (await t().outbox.list()).find((o) => o.dedupe_key.includes(':overdue:2026-11-26:'));
    expect(JSON.stringify(row?.payload)).toContain('Follow-up is overdue');
  });

  it('records a pass that throws and still runs the other passes', async () => {
    const enqueueProbe = async (store: Store, m: { id: string }) => {
      const fresh = await store.tenant({ municipalityId: m.id, actor: 'test' }).outbox.enqueue({
        key: { key: 'probe:after-failure', subject: 'probe', version: 0 },
        kind: 'probe',
        recipientStaffId: ids.adviser,
        payload: { activity: { type: 'message', text: 'probe' } },
        notBefore: new Date('2026-11-18T08:00:00Z'),
      });
      return { planned: fresh ? 1 : 0, alreadyPlanned: fresh ? 0 : 1 };
    };
    const broken = async function brokenPass(): Promise<never> {
      throw new Error('a meeting has no place');
    };
    const [r] = await planAll(store, new Date('2026-11-18T08:00:00Z'), [broken, enqueueProbe]);
    expect(r?.failures).toEqual(['brokenPass: a meeting has no place']);
    expect((await t().outbox.list()).some((o) => o.dedupe_key === 'probe:after-failure')).toBe(true);
  });

  it('plans nothing on a weekend or a public holiday', async () => {
    expect((await plan('2026-11-28T09:00:00Z')).planned).toBe(0);
    expect((await plan('2026-12-25T09:00:00Z')).planned).toBe(0);
  });
});
