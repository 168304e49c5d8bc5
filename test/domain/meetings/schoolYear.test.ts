import { danishHolidays } from '../../../src/domain/calendar';
import {
  defaultSchoolHolidays,
  easterSunday,
  inSchoolYear,
  isSchoolHoliday,
  schoolHolidayOn,
  schoolHolidaysSchema,
  schoolYear,
  schoolYearOf,
} from '../../../src/domain/meetings/schoolYear';

const range = (h: { name: string; from: string; to: string }): string => `${h.name} ${h.from}–${h.to}`;

describe('schoolYear (docs/domain-rules.md, "Cross-disciplinary team meetings": 1 Aug – 31 Jul, configurable)', () => {
  it('2026/27 runs 1 August 2026 to 31 July 2027 by default', () => {
    expect(schoolYear(2026)).toEqual({
      label: '2026/27',
      startYear: 2026,
      start: '2026-08-01',
      end: '2027-07-31',
    });
  });

  it('municipality setting schoolYearStartMonthDay: a year starting 10 August ends 9 August', () => {
    expect(schoolYear(2026, '08-10')).toEqual({
      label: '2026/27',
      startYear: 2026,
      start: '2026-08-10',
      end: '2027-08-09',
    });
  });

  it('labels the turn of the century with two digits: 2099/00', () => {
    expect(schoolYear(2099).label).toBe('2099/00');
  });

  it.each([
    ['2026-08-01', '2026/27'],
    ['2027-07-31', '2026/27'],
    ['2026-07-31', '2025/26'],
    ['2027-01-15', '2026/27'],
  ])('schoolYearOf(%s) is %s', (date, label) => {
    expect(schoolYearOf(date).label).toBe(label);
  });

  it('a start of 02-29 or a malformed one is refused (it must exist every year)', () => {
    expect(() => schoolYear(2026, '02-29')).toThrow("'MM-DD'");
    expect(() => schoolYear(2026, '8-1')).toThrow("'MM-DD'");
    expect(() => schoolYearOf('2026-13-01')).toThrow('Not a date');
  });

  it('inSchoolYear includes both ends', () => {
    const y = schoolYear(2026);
    expect([
      inSchoolYear('2026-08-01', y),
      inSchoolYear('2027-07-31', y),
      inSchoolYear('2027-08-01', y),
    ]).toEqual([true, true, false]);
  });
});

describe('easterSunday (Gregorian computus) agrees with date-holidays "Påskedag"', () => {
  it.each([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2035, 2038])('%i', (year) => {
    const paaskedag = danishHolidays(year).find((h) => h.name === 'Påskedag');
    expect(easterSunday(year)).toBe(paaskedag?.date);
  });
});

describe('defaultSchoolHolidays (rules in schoolYear.ts)', () => {
  it("2026/27 matches København's published calendar (Ørstedskolen feriekalender) except juleferie", () => {
    // Published: sommer 27/6–9/8 2026, efterår 10–18/10, jul 19/12–4/1, vinter 13–21/2, påske 20–29/3,
    // sommer 26/6–8/8 2027. Juleferie follows our documented 21/12–2/1 rule instead.
    expect(defaultSchoolHolidays(schoolYear(2026)).map(range)).toEqual([
      'Sommerferie 2026-06-27–2026-08-09',
      'Efterårsferie 2026-10-10–2026-10-18',
      'Juleferie 2026-12-21–2027-01-02',
      'Vinterferie 2027-02-13–2027-02-21',
      'Påskeferie 2027-03-20–2027-03-29',
      'Sommerferie 2027-06-26–2027-08-08',
    ]);
  });

  it('2027/28 (København published: efterår 16–24/10, vinter 12–20/2, påske 8–17/4, sommer 24/6–6/8 2028)', () => {
    expect(defaultSchoolHolidays(schoolYear(2027)).map(range)).toEqual([
      'Sommerferie 2027-06-26–2027-08-08',
      'Efterårsferie 2027-10-16–2027-10-24',
      'Juleferie 2027-12-21–2028-01-02',
      'Vinterferie 2028-02-12–2028-02-20',
      'Påskeferie 2028-04-08–2028-04-17',
      'Sommerferie 2028-06-24–2028-08-06',
    ]);
  });

  it('gives each holiday its kind, so a card can name it', () => {
    expect(defaultSchoolHolidays(schoolYear(2026)).map((h) => h.kind)).toEqual([
      'summer',
      'autumn',
      'christmas',
      'winter',
      'easter',
      'summer',
    ]);
  });

  it('schoolHolidayOn finds the holiday a day falls in; the days around it are school days', () => {
    const holidays = defaultSchoolHolidays(schoolYear(2026));
    expect(schoolHolidayOn('2026-10-14', holidays)?.name).toBe('Efterårsferie');
    expect([isSchoolHoliday('2026-10-09', holidays), isSchoolHoliday('2026-10-19', holidays)]).toEqual([
      false,
      false,
    ]);
  });
});

describe("schoolHolidaysSchema (a municipality's own list)", () => {
  it('accepts named ranges, with or without a kind', () => {
    const list = [
      { kind: 'winter', name: 'Vinterferie (uge 8)', from: '2027-02-20', to: '2027-02-28' },
      { name: 'Lukkedag', from: '2027-05-07', to: '2027-05-07' },
    ];
    expect(schoolHolidaysSchema.parse(list)).toEqual(list);
  });

  it.each([
    [{ name: 'Baglæns', from: '2027-02-28', to: '2027-02-20' }, 'must not end before it starts'],
    [{ name: 'Tastefejl', from: '2026-06-27', to: '2027-08-08' }, 'shorter than 100 days'],
    [{ name: 'Dato', from: '2027-02-30', to: '2027-03-01' }, 'must be a date'],
    [{ name: ' ', from: '2027-02-20', to: '2027-02-28' }, 'at least 1'],
  ])('refuses %j', (holiday, message) => {
    const result = schoolHolidaysSchema.safeParse([holiday]);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});
