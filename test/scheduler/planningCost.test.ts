import { ENGINES, openIsolatedPostgres, openTestStore } from '../support/db';
import type { SqlEngine } from '../../src/store/engine';
import { recording } from '../../src/store/recordingEngine';
import { openPostgres } from '../../src/store/engines/postgres';
import { migrate } from '../../src/store/migrate';
import { createStore, Store } from '../../src/store/store';
import { defaultSettings } from '../../src/domain/municipality';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { planMunicipality } from '../../src/scheduler/planner';

/**
 * Herning institution placements started 2026-11-02: first follow-up due 2026-11-16 (seed 004
 * tabel 5.1), so on that day each case has exactly its due-day reminder.
 */
async function seed(store: Store, id: string, cases: number, from = 0): Promise<void> {
  const t = store.tenant({ municipalityId: id, actor: 'test' });
  if (from === 0) {
    await store.municipalities.create({
      id,
      name: id,
      tenant_id: null,
      settings: defaultSettings('herning'),
    });
  }
  const adviser = (await t.staff.upsert({ email: `a@${id}.example`, name: 'Anna', roles: ['adviser'] })).id;
  for (let i = from; i < from + cases; i++) {
    const c = await t.cases.upsert({
      caseRef: `${id}-${i}`,
      adviserId: adviser,
      opened: '2026-10-01',
      ladderStep: null,
      childInitials: null,
    });
    await t.measures.upsert({ caseId: c.id, measureType: 'institution', start: '2026-11-02', end: null });
  }
}

describe('planning costs what is due, not what exists (PostgreSQL)', () => {
  let dispose: () => Promise<void>;
  let url: string;
  let base: SqlEngine;
  const DUE_DAY = new Date('2026-11-16T09:00:00Z');

  beforeAll(async () => {
    const pg = await openIsolatedPostgres();
    ({ url, dispose } = pg);
    base = pg.engine;
    await migrate(base);
  });
  afterAll(async () => dispose());

  it('a pass with nothing new sends the same few statements at 5 and at 40 cases', async () => {
    const probe = recording(base);
    const store = createStore(probe.engine);
    const pass = async () => planMunicipality(store, await loadMunicipality(store, 'cost'), DUE_DAY);
    await seed(store, 'cost', 5);
    expect((await pass()).planned).toBe(5);
    probe.statements.length = 0;
    expect(await pass()).toEqual({ planned: 0, alreadyPlanned: 0 });
    const small = probe.statements.length;

    await seed(store, 'cost', 35, 5);
    expect((await pass()).planned).toBe(35);
    probe.statements.length = 0;
    expect(await pass()).toEqual({ planned: 0, alreadyPlanned: 0 });
    expect(probe.statements.length).toBe(small);
    expect(small).toBeLessThanOrEqual(6);
  });

  it('refreshes the statistics after a pass that moved a thousand rows or more, and not after a small one', async () => {
    const probe = recording(base);
    const store = createStore(probe.engine);
    const t = store.tenant({ municipalityId: 'bulk', actor: 'test' });
    await seed(store, 'bulk', 1);
    // A thousand more cases and measures the way an import writes them: set-based.
    await base.query(
      `INSERT INTO cases (municipality_id, case_ref, adviser_id, opened)
       SELECT 'bulk', 'bulk-x' || i, (SELECT id FROM staff WHERE municipality_id = 'bulk'), DATE '2026-10-01'
       FROM generate_series(1, 1000) i`,
    );
    await base.query(
      `INSERT INTO measures (municipality_id, case_id, measure_type, start)
       SELECT 'bulk', c.id, 'institution', DATE '2026-11-02' FROM cases c
       WHERE c.municipality_id = 'bulk' AND c.case_ref LIKE 'bulk-x%'`,
    );
    const pass = async () => planMunicipality(store, await loadMunicipality(store, 'bulk'), DUE_DAY);
    probe.statements.length = 0;
    expect((await pass()).planned).toBe(1001);
    expect(probe.statements.filter((q) => q.startsWith('ANALYZE'))).toEqual(['ANALYZE measures']);
    // A few hundred measures a slice: three slices with rows, and the one that finds none.
    expect(
      probe.statements.filter((q) => q.includes('m.plan_on <= $2') && q.endsWith('LIMIT $3')),
    ).toHaveLength(4);
    await t.measures.setPostponement(
      (await t.measures.forCase((await t.cases.byRef('bulk-0'))!.id))[0]!.id,
      '2026-11-19',
      'Syg',
    );
    probe.statements.length = 0;
    expect((await pass()).planned).toBe(1);
    expect(probe.statements.filter((q) => q.startsWith('ANALYZE'))).toEqual([]);
  });

  it('plans a postponed deadline anew: the write resets the measure for the next pass', async () => {
    const store = createStore(base);
    const t = store.tenant({ municipalityId: 'cost', actor: 'test' });
    const [c] = await t.cases.list();
    const [m] = await t.measures.forCase(c!.id);
    await t.measures.setPostponement(m!.id, '2026-11-19', 'Barnet er syg');
    const r = await planMunicipality(store, await loadMunicipality(store, 'cost'), DUE_DAY);
    // 2026-11-16 is 3 working days before the new date, so that advance reminder goes out.
    expect(r.planned).toBe(1);
    const keys = (await t.outbox.list()).map((o) => o.dedupe_key);
    expect(keys.some((k) => k.startsWith(`followup:${m!.id}:2026-11-19:upcoming-3:`))).toBe(true);
  });

  it('two instances share a pass: every reminder is planned once and neither repeats the other', async () => {
    const other = await openPostgres(url, { max: 2 });
    try {
      const a = createStore(base);
      const b = createStore(other);
      await seed(a, 'shared', 30);
      const m = await loadMunicipality(a, 'shared');
      const [ra, rb] = await Promise.all([planMunicipality(a, m, DUE_DAY), planMunicipality(b, m, DUE_DAY)]);
      expect(ra!.planned + rb!.planned).toBe(30);
      expect(ra!.alreadyPlanned + rb!.alreadyPlanned).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('stops reminding a closed case, and reminds it again once it is reopened', async () => {
    const store = createStore(base);
    const t = store.tenant({ municipalityId: 'shared', actor: 'test' });
    const m = await loadMunicipality(store, 'shared');
    const c = (await t.cases.byRef('shared-0'))!;
    const input = {
      caseRef: c.case_ref,
      adviserId: c.adviser_id,
      opened: c.opened,
      ladderStep: null,
      childInitials: null,
    };
    await t.cases.upsert({ ...input, closed: '2026-11-16' });
    const overdue = new Date('2026-11-17T09:00:00Z');
    expect((await planMunicipality(store, m, overdue)).planned).toBe(29);
    await t.cases.upsert({ ...input, closed: null });
    expect((await planMunicipality(store, m, overdue)).planned).toBe(1);
  });
});

describe('a pass lets turns through between its slices (PGlite, one connection)', () => {
  it('answers a query made while a large morning is planned before the pass has finished', async () => {
    const { store, dispose } = await openTestStore(ENGINES[0]!);
    try {
      await seed(store, 'turns', 1);
      await store.engine.query(
        `INSERT INTO cases (municipality_id, case_ref, adviser_id, opened)
         SELECT 'turns', 'turns-x' || i, (SELECT id FROM staff WHERE municipality_id = 'turns'), DATE '2026-10-01'
         FROM generate_series(1, 1200) i`,
      );
      await store.engine.query(
        `INSERT INTO measures (municipality_id, case_id, measure_type, start)
         SELECT 'turns', c.id, 'institution', DATE '2026-11-02' FROM cases c
         WHERE c.municipality_id = 'turns' AND c.case_ref LIKE 'turns-x%'`,
      );
      const m = await loadMunicipality(store, 'turns');
      const order: string[] = [];
      const pass = planMunicipality(store, m, new Date('2026-11-16T09:00:00Z')).then((r) => {
        order.push('pass');
        return r;
      });
      // What a card press reads first, asked once the pass has begun its first slice.
      await new Promise((r) => setImmediate(r));
      const press = store.municipalities.list().then(() => order.push('press'));
      await Promise.all([pass, press]);
      expect((await pass).planned).toBe(1201);
      expect(order).toEqual(['press', 'pass']);
    } finally {
      await dispose();
    }
  }, 120_000);
});
