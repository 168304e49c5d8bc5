import { ladderMovements, SUPPRESSED_TEXT, type CaseLadderStep } from '../../../src/domain/keyFigures';
import { ladderEquations, smallRecovered } from '../../support/disclosure';

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
    // 3 → 2 (2 children) is small; its row (22 on step 3), its column (32 on step 2) and "down"
    // would each give it back from the counts beside it, and so would all of them solved together.
    // Steps 1 and 3 at the end are each reached from one row only, so they go with their row.
    expect(f.pairs.find((p) => p.from === 3 && p.to === 2)!.count).toBe(HIDDEN);
    expect(f.positionsStart).toEqual({ '2': 37, '3': 22 });
    expect(f.positionsEnd).toEqual({ '1': HIDDEN, '2': 32, '3': HIDDEN });
    expect(smallRecovered(ladderEquations(f))).toEqual({});
    // Without complements the attacker has it at once: 22 − 20 on step 3.
    const shownCounts: Record<string, number> = { '2->1': 7, '2->2': 30, '3->3': 20 };
    const naive = {
      ...f,
      pairs: f.pairs.map((p) => ({ ...p, count: shownCounts[`${p.from}->${p.to}`] ?? HIDDEN })),
      positionsEnd: { '1': 7, '2': 32, '3': 20 },
      moves: { up: 0, down: 9, in: 0, out: 0 },
      moved: 9,
    };
    expect(smallRecovered(ladderEquations(naive))).toEqual({ '3->2': 2 });
  });

  it('refuses cut-off dates out of order', () => {
    expect(() => ladderMovements([], '2018-03-31', '2018-03-31')).toThrow('must be before');
    expect(() => ladderMovements([], '2018-02-30', '2019-03-31')).toThrow('Not a period');
  });
});
