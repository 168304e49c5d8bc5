import { ladderMovements, SUPPRESSED_TEXT, type CaseLadderStep } from '../../../src/domain/keyFigures';

const HIDDEN = SUPPRESSED_TEXT;
let next = 0;
/** `n` children, each with the given dated steps. */
const children = (n: number, steps: [string, number | null][]): CaseLadderStep[] =>
  Array.from({ length: n }, () => {
    const caseId = `c${next++}`;
    return steps.map(([from, step]) => ({ caseId, from, step }));
  }).flat();

describe('ladder movements between two cut-off dates (seed 002 §3.2, figur A–D)', () => {
  it('compares each child on the two dates: a child who went up and came back did not move', () => {
    const history = [
      ...children(6, [['2017-01-01', 3]]), // stayed
      ...children(5, [
        ['2017-01-01', 3],
        ['2017-06-01', 2],
        ['2017-12-01', 3], // back on 3 before the cut-off: 3 → 3
      ]),
      ...children(7, [
        ['2017-01-01', 2],
        ['2018-03-31', 1], // on the closing cut-off date: counted
      ]),
      ...children(5, [['2017-03-31', 2]]), // on the opening cut-off date: already there
      ...children(9, [['2017-04-01', 2]]), // the day after: in
      ...children(8, [['2018-04-01', 2]]), // after the period: not counted at all
    ];
    const f = ladderMovements(history, '2017-03-31', '2018-03-31');
    expect(f.pairs).toEqual([
      { from: null, to: 2, direction: 'in', count: 9 },
      { from: 2, to: 1, direction: 'down', count: 7 },
      { from: 2, to: 2, direction: 'none', count: 5 },
      { from: 3, to: 3, direction: 'none', count: 11 },
    ]);
    expect(f.positionsStart).toEqual({ '2': 12, '3': 11 });
    expect(f.positionsEnd).toEqual({ '1': 7, '2': 14, '3': 11 });
    expect(f.moves).toEqual({ up: 0, down: 7, in: 9, out: 0 });
    expect(f.moved).toBe(16);
  });

  it('hides a count of 1–4 and a second count of every total that would give it back', () => {
    const history = [
      ...children(20, [['2017-01-01', 3]]),
      ...children(2, [
        ['2017-01-01', 3],
        ['2017-09-01', 2],
      ]),
      ...children(30, [['2017-01-01', 2]]),
      ...children(7, [
        ['2017-01-01', 2],
        ['2017-09-01', 1],
      ]),
    ];
    const f = ladderMovements(history, '2017-03-31', '2018-03-31');
    // 3 → 2 (2 children) is small. Its row total (start 3 = 22) would give it back from 3 → 3 (20),
    // so 3 → 3 goes too; then end 3 = 20 would give 3 → 3 back, so end 3 goes; end 2 = 32 minus
    // 2 → 2 (30) would give 3 → 2 back, so 2 → 2 goes, which start 2 (37) minus 2 → 1 (7) would
    // give back, so 2 → 1 goes; "down" = 3 → 2 + 2 → 1 = 9 has both hidden.
    expect(f.pairs.map((p) => [p.from, p.to, p.count])).toEqual([
      [2, 1, HIDDEN],
      [2, 2, HIDDEN],
      [3, 2, HIDDEN],
      [3, 3, HIDDEN],
    ]);
    expect(f.positionsStart).toEqual({ '2': 37, '3': 22 });
    expect(f.positionsEnd).toEqual({ '1': HIDDEN, '2': 32, '3': HIDDEN });
    expect(f.moves).toEqual({ up: 0, down: 9, in: 0, out: 0 });
  });

  it('refuses cut-off dates out of order', () => {
    expect(() => ladderMovements([], '2018-03-31', '2018-03-31')).toThrow('must be before');
    expect(() => ladderMovements([], '2018-02-30', '2019-03-31')).toThrow('Not a period');
  });
});
