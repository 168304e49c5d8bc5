import {
  complementarySuppression,
  determinedHidden,
  guard,
  isSmallGroup,
  mean1,
  MIN_GROUP_SIZE,
  percent,
  type PublishedSum,
} from '../../../src/domain/keyFigures';
import { recoverHidden } from '../../support/disclosure';

describe('small-group suppression (n < 5)', () => {
  it('hides groups of 1 to 4 and shows 0 and 5 or more', () => {
    expect(MIN_GROUP_SIZE).toBe(5);
    expect([0, 1, 4, 5, 50].map((n) => isSmallGroup(n))).toEqual([false, true, true, false, false]);
  });

  it('keeps neither the figures nor n of a hidden group, and does not compute them', () => {
    const figures = jest.fn(() => ({ share: 25 }));
    expect(guard(4, figures)).toEqual({ suppressed: true });
    expect(figures).not.toHaveBeenCalled();
    expect(guard(5, figures)).toEqual({ suppressed: false, n: 5, share: 25 });
  });
});

describe('rounding as the seeds print figures', () => {
  it('gives shares with two decimals and means with one', () => {
    expect(percent(1, 21)).toBe(4.76); // seed 002 table 3
    expect(percent(3, 35)).toBe(8.57);
    expect(percent(0, 0)).toBeNull();
    expect(mean1([80, 85, 90, 95, 88])).toBe(87.6);
    expect(mean1([1, 2])).toBe(1.5);
    expect(mean1([])).toBeNull();
  });
});

describe('complementary suppression (no subtraction gives a hidden figure back)', () => {
  const published = (values: Map<string, number>, hidden: Set<string>, k: string) =>
    hidden.has(k) ? 'hidden' : values.get(k)!;
  const attack = (values: Map<string, number>, sums: PublishedSum[], hidden: Set<string>) =>
    recoverHidden(
      sums.map((s) => ({
        total: { key: s.total, value: published(values, hidden, s.total) },
        parts: s.parts.map((p) => ({ key: p, value: published(values, hidden, p) })),
      })),
    );

  it('hides the smallest visible non-zero part beside a hidden one, else the total', () => {
    const values = new Map([
      ['a', 3],
      ['b', 40],
      ['c', 12],
      ['z', 0],
      ['total', 55],
    ]);
    const sums = [{ total: 'total', parts: ['a', 'b', 'c', 'z'] }];
    const hidden = complementarySuppression(values, sums);
    expect([...hidden].sort()).toEqual(['a', 'c']);
    expect(attack(values, sums, hidden)).toEqual({});
    // Without the complement the attacker gets a back: 55 − 40 − 12 − 0 = 3.
    expect(attack(values, sums, new Set(['a']))).toEqual({ a: 3 });
    const alone = new Map([
      ['a', 3],
      ['z', 0],
      ['total', 3],
    ]);
    expect([...complementarySuppression(alone, [{ total: 'total', parts: ['a', 'z'] }])].sort()).toEqual([
      'a',
      'total',
    ]);
  });

  it('follows a chain of sums until none can be solved: a table with row and column totals', () => {
    // 2 × 2 table with row totals r1, r2 and column totals k1, k2; x11 = 2 is small.
    const values = new Map([
      ['x11', 2],
      ['x12', 30],
      ['x21', 9],
      ['x22', 40],
      ['r1', 32],
      ['r2', 49],
      ['k1', 11],
      ['k2', 70],
    ]);
    const sums = [
      { total: 'r1', parts: ['x11', 'x12'] },
      { total: 'r2', parts: ['x21', 'x22'] },
      { total: 'k1', parts: ['x11', 'x21'] },
      { total: 'k2', parts: ['x12', 'x22'] },
    ];
    const hidden = complementarySuppression(values, sums);
    expect([...hidden].sort()).toEqual(['x11', 'x12', 'x21', 'x22']);
    expect(attack(values, sums, hidden)).toEqual({});
  });

  it('solves the sums together: hiding one more cell per sum is not enough when the sums interlock', () => {
    // Seed 002 figur D's from–to counts with "up" (2 → 3: 4 children) small; rows, columns, the
    // direction totals and "moved" are all published.
    const cells: [string, number][] = [
      ['n2', 105],
      ['n3', 8],
      ['21', 135],
      ['22', 85],
      ['23', 4],
      ['31', 21],
      ['32', 5],
      ['33', 80],
    ];
    const values = new Map<string, number>(cells);
    const sum = (total: string, parts: string[]) => {
      values.set(
        total,
        parts.reduce((n, p) => n + values.get(p)!, 0),
      );
      return { total, parts };
    };
    const sums = [
      sum('start2', ['21', '22', '23']),
      sum('start3', ['31', '32', '33']),
      sum('end1', ['21', '31']),
      sum('end2', ['n2', '22', '32']),
      sum('end3', ['n3', '23', '33']),
      sum('up', ['23']),
      sum('down', ['21', '31', '32']),
      sum('in', ['n2', 'n3']),
    ];
    sums.push(sum('moved', ['up', 'down', 'in']));
    // Each sum with two hidden members, yet together they give the 4 back: in = n2 + n3 = 113 from
    // the columns, so up = 278 − 161 − 113 = 4.
    const greedy = new Set(['23', '22', 'n2', 'n3', 'up', 'in']);
    expect(attack(values, sums, greedy)).toMatchObject({ '23': 4, up: 4 });
    const hidden = complementarySuppression(values, sums);
    expect(hidden.has('23')).toBe(true);
    expect(attack(values, sums, hidden)).not.toHaveProperty('23');
    expect(determinedHidden(values, hidden, sums)).not.toContain('23');
  });
});
