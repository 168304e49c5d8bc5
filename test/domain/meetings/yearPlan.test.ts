import { isPublicHoliday, isWorkingDay, localDateOf, localTimeOf } from '../../../src/domain/calendar';
import { minimumMeetingsPerYear } from '../../../src/domain/institutions';
import { addDays, isoWeekday } from '../../../src/domain/localDate';
import { defaultSchoolHolidays, isSchoolHoliday, schoolYear } from '../../../src/domain/meetings/schoolYear';
import { proposeYearPlan, type YearPlanRequest } from '../../../src/domain/meetings/yearPlan';

const YEAR = schoolYear(2026);
const HOLIDAYS = defaultSchoolHolidays(YEAR);
const mondayOf = (d: string): string => addDays(d, 1 - isoWeekday(d));

// An overbygningsskole team (docs/domain-rules.md: minimum 10) on Tuesdays at 14:00.
const TUESDAYS: YearPlanRequest = {
  schoolYear: YEAR,
  minimum: minimumMeetingsPerYear('lower_secondary_school'),
  weekday: 2,
  startTime: '14:00',
  durationMinutes: 90,
  schoolHolidays: HOLIDAYS,
};

describe('proposeYearPlan — overbygningsskole, 2026/27, Tuesdays 14:00', () => {
  const plan = proposeYearPlan(TUESDAYS);
  const dates = plan.meetings.map((m) => m.date);

  it('proposes the minimum of 10, all Tuesdays inside the school year', () => {
    expect(plan.shortBy).toBe(0);
    expect(dates).toHaveLength(10);
    for (const d of dates) {
      expect(isoWeekday(d)).toBe(2);
      expect(d >= YEAR.start && d <= YEAR.end).toBe(true);
    }
  });

  it('none on a weekend, public holiday or default school holiday; never two in one week', () => {
    for (const d of dates) {
      expect([isWorkingDay(d), isPublicHoliday(d), isSchoolHoliday(d, HOLIDAYS)]).toEqual([
        true,
        false,
        false,
      ]);
    }
    expect(new Set(dates.map(mondayOf)).size).toBe(dates.length);
  });

  it('spreads them evenly: the exact dates (targets 11 Aug 2026 + (i + ½)·316/10 days)', () => {
    expect(dates).toEqual([
      '2026-08-25',
      '2026-09-29',
      '2026-10-27',
      '2026-12-01',
      '2027-01-05', // target Thu 31 Dec is in juleferie; 22 and 29 Dec too → nearest allowed Tuesday
      '2027-02-02',
      '2027-03-02',
      '2027-04-06',
      '2027-05-04',
      '2027-06-08',
    ]);
  });

  it('starts at 14:00 Copenhagen time on both sides of the DST change (25 Oct 2026), 90 minutes', () => {
    const [sep, oct] = [plan.meetings[1]!, plan.meetings[2]!];
    expect([sep.start.toISOString(), sep.end.toISOString()]).toEqual([
      '2026-09-29T12:00:00.000Z',
      '2026-09-29T13:30:00.000Z',
    ]);
    expect(oct.start.toISOString()).toBe('2026-10-27T13:00:00.000Z');
    for (const m of plan.meetings) {
      expect([localDateOf(m.start), localTimeOf(m.start), localTimeOf(m.end)]).toEqual([
        m.date,
        '14:00',
        '15:30',
      ]);
    }
  });
});

describe('proposeYearPlan — other cases', () => {
  it('grundskole (minimum 6) on Thursdays skips Kristi Himmelfartsdag 6 May 2027', () => {
    const plan = proposeYearPlan({
      ...TUESDAYS,
      minimum: minimumMeetingsPerYear('primary_school'),
      weekday: 4,
    });
    expect(plan.meetings.map((m) => m.date)).toEqual([
      '2026-09-10',
      '2026-10-29',
      '2026-12-17',
      '2027-02-11',
      '2027-04-08',
      '2027-05-27',
    ]);
  });

  it('asking for every Monday skips 2. pinsedag (17 May 2027), a public holiday outside school holidays', () => {
    const plan = proposeYearPlan({ ...TUESDAYS, minimum: 53, weekday: 1 });
    const dates = plan.meetings.map((m) => m.date);
    expect(dates).toContain('2027-05-10');
    expect(dates).toContain('2027-05-24');
    expect(dates).not.toContain('2027-05-17');
    expect(plan.shortBy).toBe(53 - dates.length);
    expect(dates).toHaveLength(39);
  });

  it("a municipality's extra closed day (calendarOptions) moves the meeting to the nearest Tuesday", () => {
    const plan = proposeYearPlan({ ...TUESDAYS, calendarOptions: { extraClosedDays: ['06-08'] } });
    // Target Mon 7 June 2027: 1 June is 6 days away, 15 June 8.
    expect(plan.meetings.map((m) => m.date).slice(-2)).toEqual(['2027-05-04', '2027-06-01']);
  });

  it('from 20 January plans the rest of the year only, still 10 and one a week', () => {
    const plan = proposeYearPlan({ ...TUESDAYS, from: '2027-01-20' });
    expect(plan.meetings.map((m) => m.date)).toEqual([
      '2027-02-02',
      '2027-02-23',
      '2027-03-02',
      '2027-03-16',
      '2027-03-30',
      '2027-04-20',
      '2027-05-04',
      '2027-05-18',
      '2027-06-01',
      '2027-06-15',
    ]);
  });

  it('from 1 May only 8 Tuesdays are left before the summer holiday: 8 proposed, shortBy 2', () => {
    const plan = proposeYearPlan({ ...TUESDAYS, from: '2027-05-01' });
    expect(plan.meetings).toHaveLength(8);
    expect(plan.shortBy).toBe(2);
  });

  it('when two targets would share the nearest day, a neighbour is taken instead of dropping a meeting', () => {
    // Only 1 Sep, 8 Sep 2026 and 1 Jun 2027 are left; the targets 16 Oct and 16 Jan both lie nearest 8 Sep.
    const blocked = [
      { name: 'x', from: '2026-08-01', to: '2026-08-31' },
      { name: 'x', from: '2026-09-09', to: '2027-05-31' },
      { name: 'x', from: '2027-06-02', to: '2027-07-31' },
    ];
    const plan = proposeYearPlan({ ...TUESDAYS, minimum: 3, schoolHolidays: blocked });
    expect(plan.meetings.map((m) => m.date)).toEqual(['2026-09-01', '2026-09-08', '2027-06-01']);
  });

  it('from after the year ends proposes nothing', () => {
    expect(proposeYearPlan({ ...TUESDAYS, from: '2027-08-01' })).toEqual({ meetings: [], shortBy: 10 });
  });

  it('without school holidays, a Tuesday in the summer holiday may be proposed', () => {
    const plan = proposeYearPlan({ ...TUESDAYS, schoolHolidays: [] });
    expect(plan.meetings[0]!.date).toBe('2026-08-18');
  });

  it.each([
    [{ weekday: 6 }, 'Weekday must be 1 (Monday) to 5 (Friday)'],
    [{ weekday: 0 }, 'Weekday must be'],
    [{ minimum: 0 }, 'Minimum must be'],
    [{ minimum: 2.5 }, 'Minimum must be'],
    [{ durationMinutes: 0 }, 'Duration must be'],
    [{ startTime: '24:00' }, "Time must be 'HH:mm'"],
    [{ from: '2027-02-30' }, 'Not a date'],
  ])('refuses %j', (override, message) => {
    expect(() => proposeYearPlan({ ...TUESDAYS, ...override })).toThrow(message);
  });
});
