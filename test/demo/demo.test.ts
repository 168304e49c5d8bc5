import { generateDemo } from '../../src/demo/generate';
import { loadDemo } from '../../src/demo/load';
import { POLICY_PRESETS } from '../../src/domain/policy';
import { MEASURE_TYPES } from '../../src/domain/measures';
import { findCpr } from '../../src/domain/cpr';
import { ENGINES, openTestStore } from '../support/db';

const policy = POLICY_PRESETS['herning-1.0']!;

describe('the fictional demo municipality (realistic in size, deterministic)', () => {
  const data = generateDemo('2026-11-23', policy);

  it('is the same on every run', () => {
    expect(generateDemo('2026-11-23', policy)).toEqual(data);
    expect(generateDemo('2026-11-23', policy, 7)).not.toEqual(data);
  });

  it('has 18 advisers with about 25 cases each, leaders, an admin and 12 teams of all three institution types', () => {
    const advisers = data.staff.filter((s) => s.roles!.split('|').includes('adviser'));
    expect(advisers).toHaveLength(18);
    const perAdviser = data.cases.length / advisers.length;
    expect(perAdviser).toBeGreaterThan(22);
    expect(perAdviser).toBeLessThan(28);
    expect(data.staff.filter((s) => s.roles === 'leader')).toHaveLength(3);
    expect(data.staff.filter((s) => s.roles === 'admin')).toHaveLength(1);
    const types = data.teams.map((t) => t.institution_type);
    expect(types.filter((t) => t === 'dagtilbud')).toHaveLength(4);
    expect(types.filter((t) => t === 'grundskole')).toHaveLength(4);
    expect(types.filter((t) => t === 'overbygningsskole')).toHaveLength(4);
  });

  it('has measures of every type and a history of held follow-ups', () => {
    expect(new Set(data.measures.map((m) => m.measure_type))).toEqual(new Set(MEASURE_TYPES));
    expect(data.followups.length).toBeGreaterThan(1000);
    expect(data.followups.every((f) => f.held_on! < '2026-11-23')).toBe(true);
  });

  it('has a year of history for the key figures: ladder moves up, down and off, closed cases, § 30 courses followed by an investigation', () => {
    const steps = data.ladder;
    expect(steps.filter((l) => l.ladder_step === '1').length).toBeGreaterThan(5); // stepped down
    expect(steps.filter((l) => Number(l.ladder_step) >= 3).length).toBeGreaterThan(5); // placed
    const closed = data.cases.filter((c) => c.closed);
    expect(closed.length).toBeGreaterThan(5);
    // A closed case's child leaves the ladder on the day it closes.
    for (const c of closed)
      expect(steps).toContainEqual({ case_ref: c.case_ref, ladder_step: '', from: c.closed });
    const investigated = new Set(
      data.measures.filter((m) => m.measure_type === 'investigation').map((m) => m.case_ref),
    );
    const earlyHelp = data.measures.filter((m) => m.measure_type === 'early_help');
    expect(earlyHelp.filter((m) => investigated.has(m.case_ref)).length).toBeGreaterThan(3);
  });

  it('holds no CPR-looking value and only .example addresses', () => {
    const values = Object.values(data).flatMap((rows: Record<string, string>[]) =>
      rows.flatMap((r) => Object.values(r)),
    );
    expect(values.filter((v) => findCpr(v) !== null)).toEqual([]);
    expect(data.staff.every((s) => s.email!.endsWith('@fjordby.example'))).toBe(true);
  });

  it('loads through the importer, and loading it twice changes nothing', async () => {
    const { store, dispose } = await openTestStore(ENGINES[0]!);
    try {
      const first = await loadDemo(store, '2026-11-23');
      expect(first.loaded).toBe(true);
      expect(first.lines.join('\n')).toMatch(/Imported \d+ followups rows/);
      const again = await loadDemo(store, '2026-11-23');
      expect(again).toEqual({ loaded: false, lines: ['The demo municipality "demo" is already loaded.'] });
      const t = store.tenant({ municipalityId: 'demo', actor: 'test' });
      expect((await t.cases.list()).length).toBe(data.cases.length);
      expect((await t.teams.list()).length).toBe(12);
    } finally {
      await dispose();
    }
  }, 60_000);
});
