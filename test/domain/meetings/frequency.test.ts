import { frequencyStatus, needsFrequencyWarning } from '../../../src/domain/meetings/frequency';
import { schoolYear } from '../../../src/domain/meetings/schoolYear';

const YEAR = schoolYear(2026); // 1 Aug 2026 – 31 Jul 2027, 365 days

describe('frequencyStatus — plan against the minimum (docs/domain-rules.md)', () => {
  it('a grundskole team (minimum 6) with 4 meetings planned is 2 short', () => {
    const s = frequencyStatus({
      minimum: 6,
      held: [],
      planned: ['2026-09-08', '2026-11-03', '2027-01-12', '2027-03-09'],
      schoolYear: YEAR,
      today: '2026-08-20',
    });
    expect(s).toEqual({
      minimum: 6,
      held: 0,
      planned: 4,
      unregistered: 0,
      planShortBy: 2,
      elapsedDays: 19,
      totalDays: 365,
      expectedByNow: 0,
      behindPace: false,
      behindBy: 0,
    });
    expect(needsFrequencyWarning(s)).toBe(true);
  });

  it('held + planned reaching the minimum is not short (and never negative when above it)', () => {
    const base = { minimum: 6, schoolYear: YEAR, today: '2026-12-01' };
    const held = ['2026-09-08', '2026-11-03'];
    const planned = ['2027-01-12', '2027-03-09', '2027-05-04', '2027-06-08', '2027-06-15'];
    expect(frequencyStatus({ ...base, held, planned: planned.slice(0, 4) }).planShortBy).toBe(0);
    expect(frequencyStatus({ ...base, held, planned }).planShortBy).toBe(0);
    expect(needsFrequencyWarning(frequencyStatus({ ...base, held, planned }))).toBe(false);
  });

  it('a planned date that has passed without being held does not count, and is reported as unregistered', () => {
    const s = frequencyStatus({
      minimum: 6,
      held: ['2026-09-08'],
      planned: ['2026-11-03', '2027-01-12', '2027-03-09', '2027-05-04', '2027-06-08'],
      schoolYear: YEAR,
      today: '2026-12-01',
    });
    expect([s.held, s.planned, s.unregistered, s.planShortBy]).toEqual([1, 4, 1, 1]);
  });

  it("a planned meeting today still counts as planned (today's meeting may not have been held yet)", () => {
    const s = frequencyStatus({
      minimum: 1,
      held: [],
      planned: ['2026-12-01'],
      schoolYear: YEAR,
      today: '2026-12-01',
    });
    expect([s.planned, s.unregistered, s.planShortBy]).toEqual([1, 0, 0]);
  });

  it("meetings of other school years are ignored, so a team's whole history may be passed", () => {
    const s = frequencyStatus({
      minimum: 6,
      held: ['2026-06-10', '2026-08-01'],
      planned: ['2027-07-31', '2027-08-01'],
      schoolYear: YEAR,
      today: '2026-08-02',
    });
    expect([s.held, s.planned]).toEqual([1, 1]);
  });
});

describe('frequencyStatus — pace: expectedByNow = ⌊minimum × elapsedDays / totalDays⌋, behind if held < it', () => {
  const overbygning = (today: string, held: string[]) =>
    frequencyStatus({ minimum: 10, held, planned: [], schoolYear: YEAR, today });

  it('minimum 10, 1 Feb 2027 (184 of 365 days): 10 × 184 / 365 = 5.04 → 5 expected; 4 held is behind by 1', () => {
    const held = ['2026-08-25', '2026-09-29', '2026-10-27', '2026-12-01'];
    const s = overbygning('2027-02-01', held);
    expect([s.elapsedDays, s.expectedByNow, s.behindPace, s.behindBy]).toEqual([184, 5, true, 1]);
    expect(needsFrequencyWarning(s)).toBe(true);
  });

  it('the same team with 5 held is on pace', () => {
    const held = ['2026-08-25', '2026-09-29', '2026-10-27', '2026-12-01', '2027-01-05'];
    expect(overbygning('2027-02-01', held).behindPace).toBe(false);
  });

  it('rounds down: the first meeting is expected after 36.5 days — 0 on 6 Sep (36 days), 1 on 7 Sep (37)', () => {
    expect(overbygning('2026-09-06', []).expectedByNow).toBe(0);
    expect(overbygning('2026-09-07', []).expectedByNow).toBe(1);
    expect(overbygning('2026-09-07', []).behindPace).toBe(true);
  });

  it('grundskole (minimum 6) half-way, 31 Jan 2027 (183 days): 6 × 183 / 365 = 3.008 → 3', () => {
    const s = frequencyStatus({ minimum: 6, held: [], planned: [], schoolYear: YEAR, today: '2027-01-31' });
    expect([s.elapsedDays, s.expectedByNow]).toEqual([183, 3]);
  });

  it('before the year starts nothing is expected; after it ends the whole minimum is', () => {
    expect(overbygning('2026-06-15', []).elapsedDays).toBe(0);
    expect(overbygning('2026-08-01', []).expectedByNow).toBe(0);
    const after = overbygning('2027-09-01', []);
    expect([after.elapsedDays, after.expectedByNow, after.behindBy]).toEqual([365, 10, 10]);
  });

  it('a school year holding 29 February has 366 days (2027/28)', () => {
    const s = frequencyStatus({
      minimum: 10,
      held: [],
      planned: [],
      schoolYear: schoolYear(2027),
      today: '2028-02-01',
    });
    expect([s.totalDays, s.elapsedDays, s.expectedByNow]).toEqual([366, 184, 5]);
  });

  it('refuses a bad minimum or date', () => {
    expect(() =>
      frequencyStatus({ minimum: -1, held: [], planned: [], schoolYear: YEAR, today: '2026-09-01' }),
    ).toThrow('Minimum');
    expect(() =>
      frequencyStatus({ minimum: 6, held: ['1/9'], planned: [], schoolYear: YEAR, today: '2026-09-01' }),
    ).toThrow('Not a date');
  });
});
