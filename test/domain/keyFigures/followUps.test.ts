import { addDays } from '../../../src/domain/localDate';
import {
  followUpIntervals,
  followUpsPerHalfYear,
  halfYearsOf,
  type MeasureHistory,
} from '../../../src/domain/keyFigures';

const chain = (start: string, gaps: number[]): string[] =>
  gaps.reduce<string[]>((dates, gap) => [...dates, addDays(dates[dates.length - 1]!, gap)], [start]);

const measure = (caseId: string, over: Partial<MeasureHistory>): MeasureHistory => ({
  caseId,
  measureType: 'institution',
  start: '2016-01-01',
  end: null,
  held: [],
  ...over,
});

const P2017 = { from: '2017-01-01', to: '2017-12-31' };

describe('follow-ups held and the average days between them (seed 002 table 2)', () => {
  // Five institution cases; the intervals ending in 2017 are 80, 85, 90, 95 and 88 days: 438 / 5 = 87.6.
  const institution: MeasureHistory[] = [
    measure('c1', { held: chain('2016-12-01', [80]) }), // 2016-12-01 → 2017-02-19: 80 days into 2017
    measure('c2', { held: chain('2017-01-10', [85]) }),
    measure('c3', { held: chain('2017-02-01', [90]) }),
    measure('c4', { held: chain('2017-03-01', [95]) }),
    measure('c5', { measureType: 'short_term', held: chain('2017-04-01', [88]) }),
  ];

  it('gives exactly 87.6 days for intervals of 80, 85, 90, 95 and 88', () => {
    const [row] = followUpIntervals(institution, P2017);
    expect(row).toEqual({
      category: 'institution',
      // c1's first follow-up was in 2016: 9 held in 2017, its interval still counts (it ends in 2017).
      figures: { suppressed: false, n: 5, held: 9, averageDays: 87.6, intervals: 5 },
    });
  });

  it('keeps categories apart and leaves an empty category at 0 without an average', () => {
    const foster = [1, 2, 3, 4, 5].map((i) =>
      measure(`f${i}`, { measureType: 'foster_care', held: chain('2017-01-02', [100, 110]) }),
    );
    const rows = followUpIntervals([...institution, ...foster], P2017);
    expect(rows.map((r) => r.category)).toEqual([
      'institution',
      'foster_care',
      'home_placement',
      'home_based',
      'early_help',
    ]);
    expect(rows[1]!.figures).toEqual({ suppressed: false, n: 5, held: 15, averageDays: 105, intervals: 10 });
    expect(rows[3]!.figures).toEqual({ suppressed: false, n: 0, held: 0, averageDays: null, intervals: 0 });
  });

  it('counts home-based placements and § 30 courses apart from institutions and § 32 measures (seed 004)', () => {
    const of = (type: MeasureHistory['measureType'], prefix: string) =>
      [1, 2, 3, 4, 5].map((i) =>
        measure(`${prefix}${i}`, { measureType: type, held: chain('2017-02-01', [30]) }),
      );
    const rows = followUpIntervals(
      [...of('own_room', 'o'), ...of('early_help', 'e'), ...of('preventive', 'p'), ...of('short_term', 's')],
      P2017,
    );
    const held = Object.fromEntries(
      rows.map((r) => [r.category, r.figures.suppressed ? null : r.figures.held]),
    );
    // Seed 004 §5.1: "kortvarige anbringelser på døgninstitution" — a short-term placement is an
    // institution stay; §4.3: home-based placements are own room and boarding schools.
    expect(held).toEqual({
      institution: 10,
      foster_care: 0,
      home_placement: 10,
      home_based: 10,
      early_help: 10,
    });
  });

  it('suppresses a category with fewer than five cases, keeping neither the figures nor n', () => {
    const rows = followUpIntervals(institution.slice(0, 4), P2017);
    expect(rows[0]!.figures).toEqual({ suppressed: true });
  });

  it('counts follow-ups on the period boundaries and none outside it', () => {
    const edge = [1, 2, 3, 4, 5].map((i) =>
      measure(`e${i}`, {
        measureType: 'preventive',
        held: ['2016-12-31', '2017-01-01', '2017-12-31', '2018-01-01'],
      }),
    );
    const [, , , home] = followUpIntervals(edge, P2017);
    // In 2017: 01-01 (1 day after 2016-12-31) and 12-31 (364 days later): mean 182.5.
    expect(home!.figures).toEqual({ suppressed: false, n: 5, held: 10, averageDays: 182.5, intervals: 10 });
  });
});

describe('average follow-ups per case per half-year (seed 004 fig. 2.2)', () => {
  it('splits a period into calendar half-years, cutting the ends', () => {
    expect(halfYearsOf({ from: '2017-03-15', to: '2018-02-01' })).toEqual([
      { from: '2017-03-15', to: '2017-06-30' },
      { from: '2017-07-01', to: '2017-12-31' },
      { from: '2018-01-01', to: '2018-02-01' },
    ]);
  });

  it('divides follow-ups held by case half-years: 21 / 10 = 2.1', () => {
    // Four foster-care cases active all year (8 case half-years); one started 1 Oct (1); one ended
    // 31 March (1): 10 case half-years. 21 follow-ups held in 2017 (one in 2016 is not counted).
    const foster: MeasureHistory[] = [
      measure('a', {
        measureType: 'foster_care',
        held: ['2016-12-01', '2017-01-10', '2017-03-01', '2017-06-01', '2017-09-01'],
      }),
      measure('b', {
        measureType: 'foster_care',
        held: ['2017-02-01', '2017-05-01', '2017-08-01', '2017-11-01'],
      }),
      measure('c', {
        measureType: 'foster_care',
        held: ['2017-02-01', '2017-05-01', '2017-08-01', '2017-11-01'],
      }),
      measure('d', {
        measureType: 'foster_care',
        held: ['2017-02-01', '2017-05-01', '2017-08-01', '2017-11-01'],
      }),
      measure('e', {
        measureType: 'foster_care',
        start: '2017-10-01',
        held: ['2017-10-20', '2017-11-15', '2017-12-01'],
      }),
      measure('f', { measureType: 'foster_care', end: '2017-03-31', held: ['2017-01-15', '2017-03-15'] }),
      // A second foster-care measure on case a in the same half-years does not add case half-years.
      measure('a', { measureType: 'foster_care', start: '2017-01-01', held: [] }),
    ];
    const rows = followUpsPerHalfYear(foster, P2017);
    expect(rows[1]).toEqual({
      category: 'foster_care',
      figures: { suppressed: false, n: 6, held: 21, caseHalfYears: 10, average: 2.1 },
    });
  });

  it('does not count a measure that ended before or started after the period', () => {
    const ms = [1, 2, 3, 4, 5].map((i) =>
      measure(`p${i}`, { measureType: 'preventive', start: '2017-01-01', held: ['2017-03-01'] }),
    );
    ms.push(
      measure('gone', {
        measureType: 'preventive',
        start: '2015-01-01',
        end: '2016-12-31',
        held: ['2016-06-01'],
      }),
    );
    ms.push(measure('later', { measureType: 'preventive', start: '2018-01-01', held: [] }));
    const [, , , home] = followUpsPerHalfYear(ms, P2017);
    expect(home!.figures).toEqual({ suppressed: false, n: 5, held: 5, caseHalfYears: 10, average: 0.5 });
  });

  it('suppresses a category with fewer than five cases', () => {
    const ms = [1, 2, 3, 4].map((i) => measure(`p${i}`, { held: ['2017-03-01'] }));
    expect(followUpsPerHalfYear(ms, P2017)[0]!.figures).toEqual({ suppressed: true });
  });
});
