import { ladderMovements, matrixEntries, type CaseLadderMove } from '../../../src/domain/keyFigures';

const move = (caseId: string, date: string, from: number | null, to: number | null): CaseLadderMove => ({
  caseId,
  date,
  from,
  to,
});

const moves = [
  move('a', '2016-05-01', 3, 2),
  move('b', '2016-06-01', 2, null),
  move('c', '2016-07-01', null, 2),
  move('d', '2016-08-01', 2, 3),
  move('e', '2017-03-31', 3, 2), // on the closing cut-off date: counted
  move('f', '2016-03-31', 1, 2), // on the opening cut-off date: belongs to the year before
  move('a', '2016-12-01', 2, 1),
];

describe('ladder movements between two cut-off dates (seed 002 §3.2)', () => {
  it('counts up, down, in, out and a known from–to matrix in (from, to]', () => {
    const figures = ladderMovements(moves, '2016-03-31', '2017-03-31');
    expect(figures).toEqual({
      suppressed: false,
      n: 5,
      cases: 5,
      up: 1,
      down: 3,
      in: 1,
      out: 1,
      matrix: { '3->2': 2, '2->off': 1, 'off->2': 1, '2->3': 1, '2->1': 1 },
    });
    if (figures.suppressed) throw new Error('unreachable');
    expect(matrixEntries(figures.matrix)).toEqual([
      { from: 'off', to: '2', count: 1 },
      { from: '2', to: 'off', count: 1 },
      { from: '2', to: '1', count: 1 },
      { from: '2', to: '3', count: 1 },
      { from: '3', to: '2', count: 2 },
    ]);
  });

  it('suppresses the whole table when fewer than five children moved', () => {
    expect(ladderMovements(moves, '2016-03-31', '2016-12-31')).toEqual({ suppressed: true });
  });
});
