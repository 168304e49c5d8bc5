import { loadMunicipality } from '../../src/app/municipalityContext';
import { defaultSettings } from '../../src/domain/municipality';
import { runImport, type ImportResult } from '../../src/import/importer';
import { readRows } from '../../src/import/read';
import { kindFromColumns, type ImportKind } from '../../src/import/schemas';
import type { Store, TenantStore } from '../../src/store/store';
import { ENGINES, openTestStore } from '../support/db';

/** The import kinds of dated history: ladder steps, closing a case, follow-ups within their measure. */
const M = 'historieby';
const TODAY = '2019-06-01';

describe('importing dated history (PGlite)', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let t: TenantStore;

  async function load(csv: string, kind?: ImportKind): Promise<ImportResult> {
    const m = await loadMunicipality(store, M);
    const rows = readRows(csv, 'file.csv');
    const k = kind ?? kindFromColumns(Object.keys(rows[0]!.values))!;
    return runImport(
      store,
      { municipalityId: M, actor: 'test:import' },
      { ladderMaxStep: m.ladder.steps.length, policy: m.policy, today: TODAY },
      k,
      rows,
      { dryRun: false },
    );
  }

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    await store.municipalities.create({
      id: M,
      name: 'Historieby',
      tenant_id: null,
      settings: defaultSettings('vesthimmerland'),
    });
    t = store.tenant({ municipalityId: M, actor: 'test' });
    await t.staff.upsert({ email: 'anna@historieby.example', name: 'Anna', roles: ['adviser'] });
    const cases = await load(
      [
        'case_ref;adviser_email;opened;ladder_step;child_initials;closed',
        'H-1;anna@historieby.example;2017-01-10;2;;',
        'H-2;anna@historieby.example;2017-01-10;;;2018-12-31',
      ].join('\n'),
    );
    expect(cases.errors).toEqual([]);
  }, 60_000);
  afterAll(() => dispose());

  it('reads a ladder file (recognised by its columns) as dated steps, an empty step as off the ladder', async () => {
    const csv = ['case_ref;ladder_step;from', 'H-1;3;2018-02-01', 'H-1;;2019-01-15', 'H-2;1;2017-01-10'].join(
      '\n',
    );
    expect(await load(csv)).toMatchObject({ kind: 'ladder', applied: true, created: 3, updated: 0 });
    const h1 = (await t.cases.byRef('H-1'))!;
    expect((await t.cases.steps(h1.id)).map((s) => [s.from_date, s.step])).toEqual([
      ['2017-01-10', 2], // from the cases file: the step from the opening date
      ['2018-02-01', 3],
      ['2019-01-15', null],
    ]);
    expect(await t.cases.stepOn(h1.id, '2018-12-31')).toBe(3);
    // The same file again adds nothing.
    expect(await load(csv)).toMatchObject({ applied: true, created: 0, updated: 3 });
    expect((await t.cases.steps(h1.id)).length).toBe(3);
  });

  it('refuses a step outside the ladder, an unknown case and a date before the case or in the future, by line', async () => {
    const r = await load(
      [
        'case_ref;ladder_step;from',
        'H-1;4;2018-03-01',
        'H-9;2;2018-03-01',
        'H-1;2;2016-12-31',
        'H-1;2;2019-06-02',
      ].join('\n'),
      'ladder',
    );
    expect(r.applied).toBe(false);
    expect(r.errors).toEqual([
      { line: 2, field: 'ladder_step', message: "must be between 1 and 3 (the municipality's ladder)" },
      { line: 3, field: 'case_ref', message: 'no case H-9' },
      { line: 4, field: 'from', message: 'is before the case was opened (2017-01-10)' },
      { line: 5, field: 'from', message: 'is in the future (today is 2019-06-01)' },
    ]);
    // A value that is not a step is refused before anything is looked up.
    expect((await load(['case_ref;ladder_step;from', 'H-1;to;2018-03-01'].join('\n'))).errors).toEqual([
      { line: 2, field: 'ladder_step', message: 'must be a whole number' },
    ]);
  });

  it('closes a case from the file, never reopens one the file leaves empty, and reopens on "åben"', async () => {
    const file = (closed: string) =>
      [
        'case_ref;adviser_email;opened;ladder_step;child_initials;closed',
        `H-2;anna@historieby.example;2017-01-10;;;${closed}`,
      ].join('\n');
    expect((await t.cases.byRef('H-2'))!.closed).toBe('2018-12-31');
    expect((await load(file(''))).applied).toBe(true);
    expect((await t.cases.byRef('H-2'))!.closed).toBe('2018-12-31');
    expect(
      (await load(['case_ref;adviser_email;opened', 'H-2;anna@historieby.example;2017-01-10'].join('\n')))
        .applied,
    ).toBe(true);
    expect((await t.cases.byRef('H-2'))!.closed).toBe('2018-12-31');
    expect((await load(file('åben'))).applied).toBe(true);
    expect((await t.cases.byRef('H-2'))!.closed).toBeNull();
    expect((await load(file('31-12-2018'))).applied).toBe(true);
    expect((await t.cases.byRef('H-2'))!.closed).toBe('2018-12-31');
    const bad = await load(
      [
        'case_ref;adviser_email;opened;ladder_step;child_initials;closed',
        'H-3;anna@historieby.example;2018-01-10;;;2018-01-09',
        'H-5;anna@historieby.example;2018-01-10;;;lukket',
      ].join('\n'),
    );
    expect(bad.errors).toEqual([
      { line: 2, field: 'closed', message: 'is before opened' },
      { line: 3, field: 'closed', message: 'is not a date (YYYY-MM-DD or DD-MM-YYYY) or "åben"' },
    ]);
    const future = await load(
      ['case_ref;adviser_email;opened;closed', 'H-4;anna@historieby.example;2018-01-10;2019-07-01'].join(
        '\n',
      ),
    );
    expect(future.errors).toEqual([
      { line: 2, field: 'closed', message: 'is in the future (today is 2019-06-01)' },
    ]);
  });

  it("refuses a follow-up outside its measure's period, with the line number", async () => {
    expect(
      (await load(['case_ref;measure_type;start;end', 'H-1;preventive;2017-02-01;2017-12-31'].join('\n')))
        .errors,
    ).toEqual([]);
    const r = await load(
      [
        'case_ref;measure_type;held_on;child_conversation',
        'H-1;preventive;2017-05-01;ja',
        'H-1;preventive;2017-01-31;ja',
        'H-1;preventive;2018-01-01;nej',
      ].join('\n'),
    );
    expect(r.applied).toBe(false);
    expect(r.errors).toEqual([
      { line: 3, field: 'held_on', message: "is before case H-1's first preventive measure started" },
      { line: 4, field: 'held_on', message: "is after case H-1's preventive measure ended (2017-12-31)" },
    ]);
  });
});
