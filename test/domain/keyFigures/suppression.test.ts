import { guard, isSmallGroup, MIN_GROUP_SIZE, percent, mean1 } from '../../../src/domain/keyFigures';

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
