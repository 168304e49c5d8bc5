import {
  complementarySuppression,
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
    expect([0, 1, 4, 5, 50].map(isSmallGroup)).toEqual([false, true, true, false, false]);
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
      sums.map((s, i) => ({
        name: `sum ${i}`,
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
    expect(attack(values, sums, new Set(['a']))).toEqual({ 'sum 0: a': 3 });
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
});
