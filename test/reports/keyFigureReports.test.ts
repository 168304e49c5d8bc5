import { loadMunicipality } from '../../src/app/municipalityContext';
import { REPORTS } from '../../src/reports';
import { formatReport } from '../../src/reports/format';
import type { ReportScope, ReportTable } from '../../src/reports/report';
import type { Store } from '../../src/store/store';
import { ENGINES, openTestStore } from '../support/db';
import { MUNICIPALITY, NOW, seedKeyFigures, type Seeded } from './fixture';

const HIDDEN = 'skjult (n<5)';

describe.each(ENGINES)('key figure reports on $name', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seeded: Seeded;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(engine));
    seeded = await seedKeyFigures(store);
  }, 60_000);
  afterAll(() => dispose());

  async function run(
    name: string,
    scope?: ReportScope,
    from = '2017-01-01',
    to = '2017-12-31',
  ): Promise<ReportTable> {
    const municipality = await loadMunicipality(store, MUNICIPALITY);
    return REPORTS[name]!.run({ tenant: seeded.tenant, municipality, from, to, now: NOW, scope });
  }

  it('follow-ups: 9 held at institutions, exactly 87.6 days apart; foster care suppressed', async () => {
    const t = await run('followups');
    expect(t.rows).toEqual([
      { category: 'Institutionsanbringelser', cases: 5, held: 9, average_days: 87.6, intervals: 5 },
      {
        category: 'Plejefamilieanbringelser',
        cases: HIDDEN,
        held: HIDDEN,
        average_days: HIDDEN,
        intervals: HIDDEN,
      },
      { category: 'Hjemmebaserede foranstaltninger', cases: 0, held: 0, average_days: null, intervals: 0 },
    ]);
  });

  it('shows a suppressed group as suppressed, never as numbers, in table, CSV and JSON', async () => {
    const t = await run('followups');
    const table = formatReport(t, 'table');
    expect(table).toMatch(
      /Plejefamilieanbringelser\s+skjult \(n<5\)\s+skjult \(n<5\)\s+skjult \(n<5\)\s+skjult \(n<5\)/,
    );
    const csv = formatReport(t, 'csv').split('\n');
    expect(csv[2]).toBe(`Plejefamilieanbringelser,${HIDDEN},${HIDDEN},${HIDDEN},${HIDDEN}`);
    expect(csv[1]).toBe('Institutionsanbringelser,5,9,87.6,5');
    const json = JSON.parse(formatReport(t, 'json')) as { rows: Record<string, unknown>[] };
    expect(json.rows[1]).toEqual({
      category: 'Plejefamilieanbringelser',
      cases: HIDDEN,
      held: HIDDEN,
      average_days: HIDDEN,
      intervals: HIDDEN,
    });
  });

  it("never counts another municipality's rows", async () => {
    const t = await run('followups', undefined, '2017-05-03', '2017-05-31');
    // Only the other municipality held follow-ups 3–31 May (its 11 May one, 10 days after the one before).
    expect(t.rows[0]).toMatchObject({ cases: 0, held: 0, average_days: null });
  });

  it('narrows to a unit: three institution cases are too few to show', async () => {
    const t = await run('followups', { unitId: seeded.unitNord });
    expect(t.rows[0]).toMatchObject({ cases: HIDDEN, held: HIDDEN });
  });

  it('follow-ups per case per half-year: 9 / 10 = 0.9 at institutions', async () => {
    const t = await run('followups-per-half-year');
    expect(t.rows).toEqual([
      { category: 'Institutionsanbringelser', cases: 5, held: 9, case_half_years: 10, average: 0.9 },
      {
        category: 'Plejefamilieanbringelser',
        cases: HIDDEN,
        held: HIDDEN,
        case_half_years: HIDDEN,
        average: HIDDEN,
      },
      { category: 'Hjemmebaserede foranstaltninger', cases: 5, held: 0, case_half_years: 5, average: 0 },
    ]);
  });

  it("compliance: none on time by Herning's 6 weeks, 7 of 9 by the law", async () => {
    const t = await run('compliance');
    expect(t.rows[0]).toEqual({
      category: 'Institutionsanbringelser',
      cases: 5,
      held: 9,
      on_time_policy: 0,
      policy_share: 0,
      legal_base: 9,
      on_time_legal: 7,
      legal_share: 77.78,
    });
    // With the three foster-care cases (each late first, then on time by the law): 10 of 15.
    expect(t.rows[3]).toMatchObject({
      category: 'Alle',
      cases: 8,
      held: 15,
      on_time_policy: 0,
      on_time_legal: 10,
      legal_share: 66.67,
    });
  });

  it('ladder movements 2017: the known from–to matrix', async () => {
    const t = await run('ladder-movements');
    expect(t.rows).toEqual([
      { from_step: 'Ikke på trappen', to_step: '2 Hjemmebaserede indsatser', direction: 'Ind', count: 1 },
      { from_step: '2 Hjemmebaserede indsatser', to_step: 'Ikke på trappen', direction: 'Ud', count: 1 },
      {
        from_step: '3 Anbringelse i slægt/netværk',
        to_step: '4 Anbringelse i familiepleje',
        direction: 'Op',
        count: 1,
      },
      {
        from_step: '4 Anbringelse i familiepleje',
        to_step: '3 Anbringelse i slægt/netværk',
        direction: 'Ned',
        count: 1,
      },
      {
        from_step: '5 Anbringelse på institution',
        to_step: '4 Anbringelse i familiepleje',
        direction: 'Ned',
        count: 1,
      },
    ]);
    expect(t.summary).toEqual({ cases: 5, up: 1, down: 2, in: 1, out: 1 });
  });

  it('ladder movements of fewer than five children are suppressed in every cell', async () => {
    const t = await run('ladder-movements', undefined, '2017-01-01', '2017-06-30');
    expect(t.rows).toEqual([{ from_step: HIDDEN, to_step: HIDDEN, direction: HIDDEN, count: HIDDEN }]);
    expect(JSON.parse(formatReport(t, 'json'))).toMatchObject({ summary: { up: HIDDEN, down: HIDDEN } });
  });

  it('§ 30 courses followed by an investigation: 1 of 5 = 20 %', async () => {
    const t = await run('early-help');
    expect(t.rows).toEqual([{ recipients: 5, followed: 1, share: 20 }]);
  });

  it('meetings held per team against the minimum', async () => {
    const t = await run('meetings');
    expect(t.rows).toEqual([
      {
        team: 'Team Hedeskolen',
        institution: 'Overbygningsskole',
        held: 10,
        theme: 10,
        child: 0,
        minimum_per_year: 10,
        expected: 10,
        met: true,
      },
      {
        team: 'Team Solsikken',
        institution: 'Dagtilbud',
        held: 5,
        theme: 4,
        child: 1,
        minimum_per_year: 6,
        expected: 6,
        met: false,
      },
    ]);
    expect(t.summary).toEqual({ teams: 2, teams_meeting_minimum: 1 });
  });

  it('questionnaires: 41/9/0 of 50 → 82/18/0 %; a team of 4 answers suppressed; the municipality in all', async () => {
    const t = await run('questionnaires');
    expect(t.rows).toEqual([
      {
        group: 'Team Hedeskolen',
        answers: HIDDEN,
        good: HIDDEN,
        good_with_room: HIDDEN,
        poor: HIDDEN,
        good_pct: HIDDEN,
        good_with_room_pct: HIDDEN,
        poor_pct: HIDDEN,
        professions: HIDDEN,
      },
      {
        group: 'Team Solsikken',
        answers: 50,
        good: 41,
        good_with_room: 9,
        poor: 0,
        good_pct: 82,
        good_with_room_pct: 18,
        poor_pct: 0,
        professions: 'lærer 20, pædagog 15, sundhedsplejerske 10, psykolog 5',
      },
      {
        group: 'Hele kommunen',
        answers: 54,
        good: 41,
        good_with_room: 9,
        poor: 4,
        good_pct: 75.93,
        good_with_room_pct: 16.67,
        poor_pct: 7.41,
        professions: 'lærer 23, pædagog 15, sundhedsplejerske 10, psykolog 5, forælder <5',
      },
    ]);
    const csv = formatReport(t, 'csv');
    expect(csv.split('\n')[1]).toBe(`Team Hedeskolen,${Array(8).fill(HIDDEN).join(',')}`);
  });

  it('questionnaires narrowed to one team total that team only', async () => {
    const t = await run('questionnaires', { teamIds: [seeded.solsikken] });
    expect(t.rows.map((r) => [r.group, r.answers])).toEqual([
      ['Team Solsikken', 50],
      ['Valgte teams i alt', 50],
    ]);
  });
});
