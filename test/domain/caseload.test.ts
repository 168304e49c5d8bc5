import { CASELOAD_TARGET, caseloadReport } from '../../src/domain/caseload';

const adviser = (id: string, openCases: number, unit: string | null = 'Nord') => ({
  adviserId: id,
  adviserName: `Rådgiver ${id}`,
  unit,
  openCases,
});

describe('caseload (seeds 002 §3.1, 004 §5.2: gennemsnitligt højst 25 sager pr. rådgiver)', () => {
  it('the target is 25', () => {
    expect(CASELOAD_TARGET).toBe(25);
  });

  it('seed 002: Vesthimmerland 2019 averaged 23,5 sager — under target', () => {
    const r = caseloadReport([adviser('a', 22), adviser('b', 25)]);
    expect(r.average).toBe(23.5);
    expect(r.averageOverTarget).toBe(false);
  });

  it('seed 002: Vesthimmerland 2015 averaged 35 sager — over target', () => {
    const r = caseloadReport([adviser('a', 30), adviser('b', 40)]);
    expect(r.average).toBe(35);
    expect(r.averageOverTarget).toBe(true);
    expect(r.advisers.map((a) => [a.adviserId, a.overTarget])).toEqual([
      ['a', true],
      ['b', true],
    ]);
  });

  it('flags an adviser over target only above it: 25 is on target, 26 over', () => {
    const r = caseloadReport([adviser('a', 25), adviser('b', 26, null)]);
    expect(r.advisers).toEqual([
      { adviserId: 'a', adviserName: 'Rådgiver a', unit: 'Nord', openCases: 25, overTarget: false },
      { adviserId: 'b', adviserName: 'Rådgiver b', unit: null, openCases: 26, overTarget: true },
    ]);
    expect(r.target).toBe(25);
  });

  it('rounds the average to one decimal, halves up (469 cases / 20 advisers = 23.45 → 23.5)', () => {
    const rows = Array.from({ length: 20 }, (_, i) => adviser(String(i), i < 9 ? 24 : 23));
    expect(rows.reduce((n, r) => n + r.openCases, 0)).toBe(469);
    expect(caseloadReport(rows).average).toBe(23.5);
  });

  it('judges the average exactly: 626 cases / 25 advisers = 25.04 shows 25 but is over target', () => {
    const rows = Array.from({ length: 25 }, (_, i) => adviser(String(i), i === 0 ? 26 : 25));
    const r = caseloadReport(rows);
    expect(r.average).toBe(25);
    expect(r.averageOverTarget).toBe(true);
  });

  it('uses a municipality target when given, and averages no advisers as 0', () => {
    const r = caseloadReport([adviser('a', 21)], 20);
    expect([r.target, r.advisers[0]?.overTarget, r.averageOverTarget]).toEqual([20, true, true]);
    expect(caseloadReport([])).toEqual({ advisers: [], average: 0, target: 25, averageOverTarget: false });
  });
});
