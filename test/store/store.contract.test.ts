import { ENGINES, openTestStore } from '../support/db';
import { migrate } from '../../src/store/migrate';
import { MIGRATIONS } from '../../src/store/migrations';
import { Store } from '../../src/store/store';

/** One contract, both engines: PGlite (embedded default) and PostgreSQL (production). */
describe.each(ENGINES)('store contract on $name', (fixture) => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(fixture));
    await store.municipalities.create({
      id: 'nordby',
      name: 'Nordby Kommune',
      tenant_id: 'tenant-n',
      settings: {},
    });
    await store.municipalities.create({
      id: 'sydby',
      name: 'Sydby Kommune',
      tenant_id: 'tenant-s',
      settings: {},
    });
  });
  afterAll(async () => dispose());

  const nordby = () => store.tenant({ municipalityId: 'nordby', actor: 'test:admin' });
  const sydby = () => store.tenant({ municipalityId: 'sydby', actor: 'test:admin' });

  it('migrations are idempotent', async () => {
    expect(await migrate(store.engine)).toEqual([]);
  });

  it('runs PostgreSQL without JIT, keeping the URL’s own options (the test schema)', async () => {
    if (store.engine.kind !== 'postgres') return expect(store.engine.kind).toBe('pglite');
    expect(await store.engine.query('SHOW jit')).toEqual([{ jit: 'off' }]);
    const [row] = await store.engine.query<{ search_path: string }>('SHOW search_path');
    expect(row?.search_path).toMatch(/^t_[0-9a-f]+$/);
  });

  it('finds a municipality by its Teams tenant', async () => {
    expect((await store.municipalities.byTenant('tenant-s'))?.id).toBe('sydby');
    expect(await store.municipalities.byTenant('tenant-x')).toBeNull();
  });

  it('upserts staff by e-mail, case-insensitively, and reports insert vs update', async () => {
    const unitId = await nordby().organisation.ensureUnit('Familieafdelingen Nord');
    const first = await nordby().staff.upsert({
      email: 'Anna.Adviser@nordby.example',
      name: 'Anna Rådgiver',
      roles: ['adviser'],
      profession: 'family_adviser',
      unitId,
    });
    const again = await nordby().staff.upsert({
      email: 'anna.adviser@nordby.example',
      name: 'Anna R.',
      roles: ['adviser', 'leader'],
      unitId,
    });
    expect(first.inserted).toBe(true);
    expect(again).toEqual({ id: first.id, inserted: false });
    const row = await nordby().staff.byEmail('ANNA.ADVISER@nordby.example');
    expect(row?.name).toBe('Anna R.');
    expect(row?.roles).toEqual(['adviser', 'leader']);
  });

  it('keeps dates as calendar dates and a dated ladder history: the latest step on or before a date', async () => {
    const t = nordby();
    const adviser = await t.staff.byEmail('anna.adviser@nordby.example');
    const c = await t.cases.upsert({
      caseRef: 'N-2026-001',
      adviserId: adviser!.id,
      opened: '2026-03-31',
      ladderStep: 3,
      childInitials: 'AB',
    });
    await t.cases.setStep(c.id, 2, '2026-06-01');
    await t.cases.setStep(c.id, 2, '2026-06-02'); // already there: nothing written
    const row = await t.cases.get(c.id);
    expect(row?.opened).toBe('2026-03-31');
    expect(row?.ladder_step).toBe(2);
    expect((await t.cases.steps(c.id)).map((s) => [s.from_date, s.step])).toEqual([
      ['2026-03-31', 3],
      ['2026-06-01', 2],
    ]);
    expect(await t.cases.stepOn(c.id, '2026-03-30')).toBeNull(); // before the history: not on the ladder
    expect(await t.cases.stepOn(c.id, '2026-05-31')).toBe(3);
    expect(await t.cases.stepOn(c.id, '2026-06-01')).toBe(2);
  });

  it('keeps a stored closing date when a re-import does not name one, and reopens only on null', async () => {
    const t = nordby();
    const adviser = await t.staff.byEmail('anna.adviser@nordby.example');
    const input = {
      caseRef: 'N-2026-050',
      adviserId: adviser!.id,
      opened: '2026-01-01',
      childInitials: null,
    };
    await t.cases.upsert({ ...input, closed: '2026-04-30' });
    await t.cases.upsert(input);
    expect((await t.cases.byRef('N-2026-050'))?.closed).toBe('2026-04-30');
    await t.cases.upsert({ ...input, closed: null });
    expect((await t.cases.byRef('N-2026-050'))?.closed).toBeNull();
    await t.cases.upsert({ ...input, closed: '2026-02-01' }); // closed again, for the caseload below
  });

  it('stores measures and follow-ups, finds the measure running on a date, clears a postponement on registration', async () => {
    const t = nordby();
    const c = await t.cases.byRef('N-2026-001');
    const m1 = await t.measures.upsert({
      caseId: c!.id,
      measureType: 'preventive',
      start: '2026-01-05',
      end: null,
    });
    const m2 = await t.measures.upsert({
      caseId: c!.id,
      measureType: 'preventive',
      start: '2026-09-01',
      end: null,
    });
    expect((await t.measures.runningOn(c!.id, 'preventive', '2026-08-31'))?.id).toBe(m1.id);
    expect((await t.measures.runningOn(c!.id, 'preventive', '2026-09-01'))?.id).toBe(m2.id);
    expect(await t.measures.runningOn(c!.id, 'institution', '2026-09-01')).toBeNull();
    await t.measures.setPostponement(m1.id, '2026-02-20', 'Barnet syg');
    expect((await t.measures.get(m1.id))?.postponed_to).toBe('2026-02-20');
    await t.measures.addFollowUp({
      measureId: m1.id,
      heldOn: '2026-02-02',
      dueOn: '2026-02-02',
      childConversation: true,
    });
    const after = await t.measures.get(m1.id);
    expect([after?.postponed_to, after?.postpone_reason]).toEqual([null, null]);
    const held = await t.measures.followUpsHeld('2026-01-01', '2026-12-31');
    expect(held.map((f) => [f.held_on, f.measure_type, f.child_conversation, f.registered_by])).toEqual([
      ['2026-02-02', 'preventive', true, 'test:admin'],
    ]);
    await t.measures.setCadence(m1.id, { every: { months: 3 }, reason: 'Stabil', decidedOn: '2026-02-02' });
    expect((await t.measures.get(m1.id))?.cadence).toEqual({
      every: { months: 3 },
      reason: 'Stabil',
      decidedOn: '2026-02-02',
    });
  });

  it('audits a postponement, a cadence and a snooze as facts, without the reason written with them (docs/privacy.md)', async () => {
    const t = nordby();
    const c = await t.cases.byRef('N-2026-001');
    const [m] = await t.measures.ofCases([c!.id]);
    const adviser = await t.staff.byEmail('anna.adviser@nordby.example');
    await t.measures.setPostponement(m!.id, '2026-03-20', 'Mor er indlagt');
    await t.measures.setCadence(m!.id, {
      every: { weeks: 6 },
      reason: 'Uro i hjemmet',
      decidedOn: '2026-03-02',
    });
    await t.snoozes.snooze(adviser!.id, `followup:${m!.id}`, '2026-03-05', 'Afventer skolens udtalelse');
    const rows = await store.engine.query<{ action: string; entity: string; details: unknown }>(
      `SELECT action, entity, details FROM audit_log
       WHERE municipality_id = 'nordby' AND entity_id IN ($1, $2) AND action IN ('postpone', 'update', 'snooze')
       ORDER BY id DESC LIMIT 3`,
      [m!.id, `followup:${m!.id}`],
    );
    expect(rows.reverse()).toEqual([
      { action: 'postpone', entity: 'measure', details: { to: '2026-03-20' } },
      {
        action: 'update',
        entity: 'measure_cadence',
        details: { every: { weeks: 6 }, decidedOn: '2026-03-02' },
      },
      { action: 'snooze', entity: 'reminder', details: { staffId: adviser!.id, until: '2026-03-05' } },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/indlagt|Uro|udtalelse/);
  });

  it('migration 010 takes the reasons earlier versions wrote out of the audit log', async () => {
    await store.engine.query(
      `INSERT INTO audit_log (municipality_id, actor, action, entity, entity_id, details) VALUES
         ('nordby', 'old', 'snooze', 'reminder', 'followup:x', '{"staffId":"s","until":"2026-01-02","reason":"Syg"}'),
         ('nordby', 'old', 'export', 'case', 'c', '{"reason":"insight"}')`,
    );
    const sql = MIGRATIONS.find((m) => m.id === '010_audit_facts')!.sql;
    await store.engine.exec(sql);
    const rows = await store.engine.query<{ details: unknown }>(
      "SELECT details FROM audit_log WHERE actor = 'old' ORDER BY id",
    );
    expect(rows.map((r) => r.details)).toEqual([
      { staffId: 's', until: '2026-01-02' },
      { request: 'insight' },
    ]);
  });

  it('counts the cases open on a date in the caseload, per adviser', async () => {
    const t = nordby();
    const adviser = await t.staff.byEmail('anna.adviser@nordby.example');
    await t.cases.upsert({
      caseRef: 'N-2026-002',
      adviserId: adviser!.id,
      opened: '2026-01-01',
      ladderStep: 1,
      childInitials: null,
    });
    await t.cases.upsert({
      caseRef: 'N-2025-900',
      adviserId: adviser!.id,
      opened: '2025-01-01',
      ladderStep: 1,
      childInitials: null,
      closed: '2025-12-31',
    });
    await t.staff.upsert({ email: 'bo@nordby.example', name: 'Bo Uden Sager', roles: ['adviser'] });
    const load = await t.reports.caseloadOn('2026-06-01');
    expect(load.map((r) => [r.adviser_name, r.unit, r.open_cases])).toEqual([
      ['Anna R.', 'Familieafdelingen Nord', 2],
      ['Bo Uden Sager', null, 0],
    ]);
    // On 15 January 2026 N-2026-050 was open (closed 1 February) and N-2026-001 not yet opened.
    const january = await t.reports.caseloadOn('2026-01-15');
    expect(january.map((r) => r.open_cases)).toEqual([2, 0]);
  });

  it('never lets one municipality read or change another municipality’s rows', async () => {
    const n = nordby();
    const s = sydby();
    const nCase = await n.cases.byRef('N-2026-001');
    await s.staff.upsert({ email: 'anna.adviser@nordby.example', name: 'Sydby-Anna', roles: ['adviser'] });
    expect(await s.cases.get(nCase!.id)).toBeNull();
    expect(await s.cases.byRef('N-2026-001')).toBeNull();
    expect(await s.cases.list()).toEqual([]);
    expect(await s.reports.caseloadOn('2026-06-01')).toEqual([
      expect.objectContaining({ adviser_name: 'Sydby-Anna', open_cases: 0 }),
    ]);
    expect((await s.staff.byEmail('anna.adviser@nordby.example'))?.name).toBe('Sydby-Anna');
    expect((await n.staff.byEmail('anna.adviser@nordby.example'))?.name).toBe('Anna R.');
    expect(await s.measures.followUpsHeld('2000-01-01', '2100-01-01')).toEqual([]);
    await expect(
      s.measures.upsert({ caseId: nCase!.id, measureType: 'institution', start: '2026-01-01', end: null }),
    ).rejects.toThrow(/No case/);
    const nMeasure = (await n.measures.forCase(nCase!.id))[0]!;
    expect(await s.measures.get(nMeasure.id)).toBeNull();
    await expect(
      s.measures.addFollowUp({
        measureId: nMeasure.id,
        heldOn: '2026-05-05',
        dueOn: null,
        childConversation: false,
      }),
    ).rejects.toThrow(/No measure/);
    await expect(s.cases.setStep(nCase!.id, 6, '2026-07-01')).rejects.toThrow(/No case/);
    expect((await n.cases.get(nCase!.id))?.ladder_step).toBe(2);
    expect(await s.audit.list()).not.toContainEqual(expect.objectContaining({ entity_id: nCase!.id }));
  });

  it('rolls back a whole unit of work when it fails', async () => {
    await expect(
      store.inTransaction({ municipalityId: 'sydby', actor: 'test:import' }, async (t) => {
        await t.staff.upsert({ email: 'rollback@sydby.example', name: 'Ghost', roles: ['adviser'] });
        throw new Error('bad row');
      }),
    ).rejects.toThrow('bad row');
    expect(await sydby().staff.byEmail('rollback@sydby.example')).toBeNull();
  });

  it('writes every change to the audit log with who, what and when', async () => {
    const entries = await nordby().audit.list(500);
    const created = entries.find((e) => e.entity === 'case' && e.action === 'create');
    expect(created).toMatchObject({ actor: 'test:admin', details: { caseRef: expect.any(String) } });
    expect(created?.at).toBeInstanceOf(Date);
    expect(entries.some((e) => e.entity === 'followup' && e.action === 'create')).toBe(true);
    expect(entries.some((e) => e.entity === 'measure' && e.action === 'postpone')).toBe(true);
  });
});
