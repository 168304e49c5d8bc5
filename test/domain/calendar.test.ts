import {
  addWorkingDays,
  danishHolidays,
  DEFAULT_EXTRA_CLOSED_DAYS,
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKING_HOURS,
  isPublicHoliday,
  isWithinWorkingTime,
  isWorkingDay,
  localDateOf,
  localTimeOf,
  nextWorkingDay,
  nextWorkingTime,
  parseHhMm,
  todayIn,
  workingDaysBetween,
  zonedInstant,
} from '../../src/domain/calendar';
import { fixedClock } from '../../src/domain/clock';

const NO_EXTRA = { extraClosedDays: [] };
const iso = (d: Date): string => d.toISOString();

describe('danishHolidays (Lov om helligdage / date-holidays DK)', () => {
  it('Helligdagskalender 2024: the ten public holidays, in date order, after Store Bededag was abolished', () => {
    expect(danishHolidays(2024)).toEqual([
      { date: '2024-01-01', name: 'Nytårsdag' },
      { date: '2024-03-28', name: 'Skærtorsdag' },
      { date: '2024-03-29', name: 'Langfredag' },
      { date: '2024-03-31', name: 'Påskedag' },
      { date: '2024-04-01', name: 'Anden påskedag' },
      { date: '2024-05-09', name: 'Kristi Himmelfartsdag' },
      { date: '2024-05-19', name: 'Pinsedag' },
      { date: '2024-05-20', name: 'Anden Pinsedag' },
      { date: '2024-12-25', name: 'Juledag' },
      { date: '2024-12-26', name: 'Anden Juledag' },
    ]);
  });

  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
  ])('Gregorian Easter computus: Påskedag %i is %s', (year, easter) => {
    expect(danishHolidays(year).find((h) => h.name === 'Påskedag')?.date).toBe(easter);
  });

  it.each([
    ['2025-04-17', 'Skærtorsdag'],
    ['2025-04-18', 'Langfredag'],
    ['2025-04-21', 'Anden påskedag'],
    ['2025-05-29', 'Kristi Himmelfartsdag (Easter + 39)'],
    ['2025-06-08', 'Pinsedag (Easter + 49)'],
    ['2025-06-09', 'Anden Pinsedag (Easter + 50)'],
    ['2026-05-14', 'Kristi Himmelfartsdag 2026'],
    ['2026-05-25', 'Anden Pinsedag 2026'],
    ['2026-12-25', 'Juledag'],
    ['2026-12-26', 'Anden Juledag'],
    ['2027-01-01', 'Nytårsdag'],
  ])('Lov om helligdage: %s (%s) is a public holiday and not a working day', (date) => {
    expect(isPublicHoliday(date)).toBe(true);
    expect(isWorkingDay(date)).toBe(false);
  });

  it('Lov nr. 145 af 28/02/2023: Store Bededag is a holiday in 2023 (5 May) and gone from 2024', () => {
    expect(danishHolidays(2023).find((h) => h.name === 'Store Bededag')?.date).toBe('2023-05-05');
    expect(isWorkingDay('2023-05-05')).toBe(false);
    expect(danishHolidays(2024).some((h) => h.name === 'Store Bededag')).toBe(false);
    // 2024's would-be Store Bededag (Easter + 26) is an ordinary Friday.
    expect(isPublicHoliday('2024-04-26')).toBe(false);
    expect(isWorkingDay('2024-04-26')).toBe(true);
  });

  it('1. maj is not a statutory holiday (only "observance"), so 1 May 2026 (Friday) is a working day', () => {
    expect(isPublicHoliday('2026-05-01')).toBe(false);
    expect(isWorkingDay('2026-05-01')).toBe(true);
  });

  it('returns copies: mutating the result does not poison the per-year cache', () => {
    const first = danishHolidays(2026);
    first.length = 0;
    expect(danishHolidays(2026)).toHaveLength(10);
  });

  it('rejects invalid input rather than guessing', () => {
    expect(() => danishHolidays(2026.5)).toThrow('Not a year');
    expect(() => isWorkingDay('2026-02-30')).toThrow('Not a date');
  });
});

describe('isWorkingDay (docs/domain-rules.md: reminders only on working days, never on Danish public holidays)', () => {
  it('weekends are not working days (Saturday 2026-03-28, Sunday 2026-03-29); Monday 2026-03-30 is', () => {
    expect(isWorkingDay('2026-03-28')).toBe(false);
    expect(isWorkingDay('2026-03-29')).toBe(false);
    expect(isWorkingDay('2026-03-30')).toBe(true);
  });

  it('municipal closing days: Grundlovsdag, juleaftensdag, nytårsaftensdag are closed by default', () => {
    expect(DEFAULT_EXTRA_CLOSED_DAYS).toEqual(['06-05', '12-24', '12-31']);
    for (const d of ['2025-06-05', '2025-12-24', '2025-12-31']) {
      expect(isPublicHoliday(d)).toBe(false);
      expect(isWorkingDay(d)).toBe(false);
    }
  });

  it('configurable per municipality: extra closed days can be switched off or replaced', () => {
    for (const d of ['2025-06-05', '2025-12-24', '2025-12-31']) expect(isWorkingDay(d, NO_EXTRA)).toBe(true);
    expect(isWorkingDay('2025-12-22', { extraClosedDays: ['12-22'] })).toBe(false);
    expect(isWorkingDay('2025-12-24', { extraClosedDays: ['12-22'] })).toBe(true);
    // Public holidays stay closed whatever the extra list says.
    expect(isWorkingDay('2025-12-25', NO_EXTRA)).toBe(false);
  });

  it('rejects a malformed extra closed day instead of silently ignoring it', () => {
    expect(() => isWorkingDay('2025-12-22', { extraClosedDays: ['24/12'] })).toThrow("'MM-DD'");
  });
});

describe('working-day arithmetic (docs/domain-rules.md: escalation after a configurable number of working days)', () => {
  it('nextWorkingDay is strictly after: Wednesday before Easter 2026 -> Tuesday after Easter Monday', () => {
    expect(nextWorkingDay('2026-04-01')).toBe('2026-04-07');
    expect(nextWorkingDay('2026-04-07')).toBe('2026-04-08');
  });

  it('addWorkingDays across Easter 2026 (2-6 April closed)', () => {
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-01', 2)).toBe('2026-04-08');
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-01');
    expect(addWorkingDays('2026-03-30', 5)).toBe('2026-04-09');
  });

  it('addWorkingDays across Christmas and New Year 2026 (24-27 Dec, 31 Dec-3 Jan closed)', () => {
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-23', 3)).toBe('2026-12-30');
    expect(addWorkingDays('2026-12-23', 4)).toBe('2027-01-04');
    expect(addWorkingDays('2027-01-04', -4)).toBe('2026-12-23');
    expect(addWorkingDays('2026-12-23', 1, NO_EXTRA)).toBe('2026-12-24');
  });

  it('addWorkingDays with n = 0 keeps a working day and moves a closed day forward', () => {
    expect(addWorkingDays('2026-04-01', 0)).toBe('2026-04-01');
    expect(addWorkingDays('2026-04-03', 0)).toBe('2026-04-07');
    expect(addWorkingDays('2026-03-28', 0)).toBe('2026-03-30');
  });

  it('addWorkingDays from a closed day counts the first working day as 1', () => {
    expect(addWorkingDays('2026-04-04', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-04-04', -1)).toBe('2026-04-01');
  });

  it('addWorkingDays rejects a fractional count', () => {
    expect(() => addWorkingDays('2026-04-01', 1.5)).toThrow('integer');
  });

  it('workingDaysBetween counts (from, to]', () => {
    expect(workingDaysBetween('2026-03-23', '2026-03-30')).toBe(5);
    expect(workingDaysBetween('2026-04-01', '2026-04-07')).toBe(1);
    expect(workingDaysBetween('2026-04-07', '2026-04-01')).toBe(-1);
    expect(workingDaysBetween('2026-04-01', '2026-04-01')).toBe(0);
    expect(workingDaysBetween('2026-04-02', '2026-04-06')).toBe(0);
    expect(workingDaysBetween('2026-12-23', '2027-01-04')).toBe(4);
    expect(workingDaysBetween('2026-12-23', '2027-01-04', NO_EXTRA)).toBe(6);
  });

  it('workingDaysBetween inverts addWorkingDays from a working day', () => {
    for (const start of ['2026-04-01', '2026-12-23', '2024-05-08']) {
      for (let n = -12; n <= 12; n++) {
        expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
      }
    }
  });
});

describe('time zone (docs/domain-rules.md: dates and times in the municipality time zone, Europe/Copenhagen)', () => {
  it('defaults', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/Copenhagen');
    expect(DEFAULT_WORKING_HOURS).toEqual({ start: '08:00', end: '16:00' });
  });

  it('zonedInstant across spring-forward 2026-03-29 (CET UTC+1 -> CEST UTC+2)', () => {
    expect(iso(zonedInstant('2026-03-28', '08:00'))).toBe('2026-03-28T07:00:00.000Z');
    expect(iso(zonedInstant('2026-03-29', '08:00'))).toBe('2026-03-29T06:00:00.000Z');
    expect(iso(zonedInstant('2026-03-29', '01:59'))).toBe('2026-03-29T00:59:00.000Z');
    // 02:30 does not exist that night; it is taken as 03:30 CEST.
    expect(iso(zonedInstant('2026-03-29', '02:30'))).toBe('2026-03-29T01:30:00.000Z');
  });

  it('zonedInstant across fall-back 2026-10-25 (CEST -> CET)', () => {
    expect(iso(zonedInstant('2026-10-24', '08:00'))).toBe('2026-10-24T06:00:00.000Z');
    expect(iso(zonedInstant('2026-10-25', '08:00'))).toBe('2026-10-25T07:00:00.000Z');
    // 02:30 happens twice; the later (CET) occurrence is used.
    expect(iso(zonedInstant('2026-10-25', '02:30'))).toBe('2026-10-25T01:30:00.000Z');
  });

  it('zonedInstant honours another zone', () => {
    expect(iso(zonedInstant('2026-03-29', '08:00', 'UTC'))).toBe('2026-03-29T08:00:00.000Z');
    expect(() => zonedInstant('2026-03-29', '08:00', 'Mars/Olympus')).toThrow('time zone');
  });

  it('localDateOf: the local date differs from the UTC date around midnight', () => {
    expect(localDateOf(new Date('2026-01-15T22:59:00Z'))).toBe('2026-01-15');
    expect(localDateOf(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(localDateOf(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
    expect(localDateOf(new Date('2026-03-29T22:30:00Z'), 'UTC')).toBe('2026-03-29');
  });

  it('localTimeOf: both occurrences of 02:30 on 2026-10-25 show as 02:30', () => {
    expect(localTimeOf(new Date('2026-10-25T00:30:00Z'))).toBe('02:30');
    expect(localTimeOf(new Date('2026-10-25T01:30:00Z'))).toBe('02:30');
    expect(localTimeOf(new Date('2026-03-29T01:00:00Z'))).toBe('03:00');
    expect(localTimeOf(new Date('2026-07-01T06:05:59Z'))).toBe('08:05');
  });

  it('todayIn uses the Clock, in local time', () => {
    expect(todayIn(fixedClock('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
    expect(todayIn(fixedClock('2026-03-29T22:30:00Z'), 'UTC')).toBe('2026-03-29');
  });

  it('parseHhMm accepts strict 24-hour HH:mm and rejects anything else with a clear error', () => {
    expect(parseHhMm('08:00')).toEqual({ hours: 8, minutes: 0 });
    expect(parseHhMm('23:59')).toEqual({ hours: 23, minutes: 59 });
    for (const bad of ['8:00', '24:00', '12:60', '0800', '08:00:00', ' 08:00', '']) {
      expect(() => parseHhMm(bad)).toThrow(`Time must be 'HH:mm' (00:00–23:59), got '${bad}'`);
    }
  });
});

describe('working time (docs/domain-rules.md: reminders inside working hours, default 08:00-16:00)', () => {
  it('day after spring-forward, Monday 2026-03-30 (CEST): 07:30Z=09:30 in, 06:30Z=08:30 in, 05:30Z=07:30 out', () => {
    expect(isWithinWorkingTime(new Date('2026-03-30T07:30:00Z'))).toBe(true);
    expect(isWithinWorkingTime(new Date('2026-03-30T06:30:00Z'))).toBe(true);
    expect(isWithinWorkingTime(new Date('2026-03-30T05:30:00Z'))).toBe(false);
  });

  it('start is inclusive, end exclusive (CEST: 06:00Z = 08:00, 14:00Z = 16:00)', () => {
    expect(isWithinWorkingTime(new Date('2026-03-30T06:00:00Z'))).toBe(true);
    expect(isWithinWorkingTime(new Date('2026-03-30T13:59:00Z'))).toBe(true);
    expect(isWithinWorkingTime(new Date('2026-03-30T14:00:00Z'))).toBe(false);
  });

  it('day after fall-back, Monday 2026-10-26 (CET): 07:30Z = 08:30 in, 06:30Z = 07:30 out', () => {
    expect(isWithinWorkingTime(new Date('2026-10-26T07:30:00Z'))).toBe(true);
    expect(isWithinWorkingTime(new Date('2026-10-26T06:30:00Z'))).toBe(false);
    expect(isWithinWorkingTime(new Date('2026-10-26T14:59:00Z'))).toBe(true);
    expect(isWithinWorkingTime(new Date('2026-10-26T15:00:00Z'))).toBe(false);
  });

  it('never on holidays or weekends, even at 10:00 local', () => {
    expect(isWithinWorkingTime(new Date('2026-04-06T08:00:00Z'))).toBe(false); // Anden påskedag
    expect(isWithinWorkingTime(new Date('2026-03-28T09:00:00Z'))).toBe(false); // Saturday
    expect(isWithinWorkingTime(new Date('2026-12-24T09:00:00Z'))).toBe(false);
    expect(
      isWithinWorkingTime(
        new Date('2026-12-24T09:00:00Z'),
        DEFAULT_WORKING_HOURS,
        DEFAULT_TIME_ZONE,
        NO_EXTRA,
      ),
    ).toBe(true);
  });

  it('custom hours and zone; hours that do not start before they end are rejected', () => {
    const hours = { start: '09:30', end: '15:00' };
    expect(isWithinWorkingTime(new Date('2026-03-30T07:15:00Z'), hours)).toBe(false);
    expect(isWithinWorkingTime(new Date('2026-03-30T07:30:00Z'), hours)).toBe(true);
    expect(isWithinWorkingTime(new Date('2026-03-30T09:30:00Z'), hours, 'UTC')).toBe(true);
    expect(() => isWithinWorkingTime(new Date(), { start: '16:00', end: '08:00' })).toThrow('start before');
    expect(() => isWithinWorkingTime(new Date(), { start: '8', end: '16:00' })).toThrow("'HH:mm'");
  });

  it('nextWorkingTime returns the same instant inside working time', () => {
    const t = new Date('2026-03-30T07:30:00Z');
    const next = nextWorkingTime(t);
    expect(iso(next)).toBe('2026-03-30T07:30:00.000Z');
    expect(next).not.toBe(t);
  });

  it('nextWorkingTime: before start on a working day -> 08:00 the same day', () => {
    expect(iso(nextWorkingTime(new Date('2026-03-30T05:00:00Z')))).toBe('2026-03-30T06:00:00.000Z');
  });

  it('nextWorkingTime: Friday 17:00 -> Monday 08:00, and Monday is already summer time', () => {
    expect(iso(nextWorkingTime(new Date('2026-03-27T16:00:00Z')))).toBe('2026-03-30T06:00:00.000Z');
    expect(iso(nextWorkingTime(new Date('2026-01-16T16:00:00Z')))).toBe('2026-01-19T07:00:00.000Z');
  });

  it('nextWorkingTime: 23 Dec 2026 17:00 -> 28 Dec 08:00 (24-26 closed, 27 Sunday)', () => {
    expect(iso(nextWorkingTime(new Date('2026-12-23T16:00:00Z')))).toBe('2026-12-28T07:00:00.000Z');
    expect(
      iso(
        nextWorkingTime(new Date('2026-12-23T16:00:00Z'), DEFAULT_WORKING_HOURS, DEFAULT_TIME_ZONE, NO_EXTRA),
      ),
    ).toBe('2026-12-24T07:00:00.000Z');
  });

  it('nextWorkingTime: Saturday before Easter 2026 -> Tuesday 7 April 08:00', () => {
    expect(iso(nextWorkingTime(new Date('2026-04-04T08:00:00Z')))).toBe('2026-04-07T06:00:00.000Z');
  });

  it('nextWorkingTime: late evening before a working day -> next morning, with custom hours', () => {
    expect(iso(nextWorkingTime(new Date('2026-03-30T20:00:00Z'), { start: '09:30', end: '15:00' }))).toBe(
      '2026-03-31T07:30:00.000Z',
    );
  });
});
