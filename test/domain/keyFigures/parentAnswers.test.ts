import {
  MIN_GROUP_SIZE,
  parentResults,
  parentResultsByGroup,
  type ParentAnswerForReport,
  type ParentFigures,
} from '../../../src/domain/keyFigures';

const answer = (groupId: string, heard: string, understood = heard, next = 'yes'): ParentAnswerForReport => ({
  groupId,
  heard,
  understood,
  next_steps: next,
});
const many = (n: number, groupId: string, heard = 'yes') =>
  Array.from({ length: n }, () => answer(groupId, heard));
const n = (f: ParentFigures) => (f.suppressed ? null : f.n);

describe("parents' answers in reports: only as a group, only from five", () => {
  it('shows the share who felt listened to, understood and know what happens next, from five answers', () => {
    const f = parentResults([
      ...many(3, 't', 'yes'),
      answer('t', 'partly', 'no', 'partly'),
      answer('t', 'no', 'yes', 'no'),
    ]);
    expect(f).toEqual({
      suppressed: false,
      n: 5,
      answers: 5,
      heard: { counts: { yes: 3, partly: 1, no: 1 }, yesShare: 60 },
      understood: { counts: { yes: 4, partly: 0, no: 1 }, yesShare: 80 },
      next_steps: { counts: { yes: 3, partly: 1, no: 1 }, yesShare: 60 },
    });
  });

  it(`hides fewer than ${MIN_GROUP_SIZE} answers whole, not even their number, but shows none as 0`, () => {
    // One meeting has at most a handful of parents: its answers are never a figure of their own.
    expect(parentResults(many(2, 'meeting'))).toEqual({ suppressed: true });
    expect(parentResults(many(4, 'team'))).toEqual({ suppressed: true });
    expect(parentResults([])).toMatchObject({ suppressed: false, n: 0 });
  });

  it('subtraction test: the municipality less the teams shown never gives a hidden team back', () => {
    const groups = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
      { id: 'c', name: 'C' },
    ];
    // Team A has 3 parents' answers, all "no": 16 − 6 − 7 would tell the coordinator of A exactly that.
    const answers = [...many(3, 'a', 'no'), ...many(6, 'b'), ...many(7, 'c')];
    const r = parentResultsByGroup(answers, groups);
    const shown = r.groups.map((g) => n(g.figures));
    expect(shown[0]).toBeNull();
    // A second figure is hidden with it, so no sum of the shown ones pins A down.
    const hidden = [...shown, n(r.total)].filter((x) => x === null).length;
    expect(hidden).toBeGreaterThanOrEqual(2);
    if (r.total.suppressed === false) {
      const visible = shown.filter((x): x is number => x !== null).reduce((a, b) => a + b, 0);
      const rest = r.total.n - visible;
      // What is left over covers more than the hidden team alone.
      expect(rest).toBeGreaterThan(3);
      expect(
        r.total.heard.counts.no -
          r.groups.reduce((s, g) => s + (g.figures.suppressed ? 0 : g.figures.heard.counts.no), 0),
      ).toBe(3);
    }
    // Every hidden group's own "no" count cannot be read alone: the hidden groups together are ≥ 5.
    const hiddenTotal = r.groups
      .filter((g) => g.figures.suppressed)
      .reduce((s, g) => s + answers.filter((a) => a.groupId === g.id).length, 0);
    expect(hiddenTotal).toBeGreaterThanOrEqual(MIN_GROUP_SIZE);
  });

  it('shows every team and the total when each has five or more', () => {
    const r = parentResultsByGroup(
      [...many(5, 'a'), ...many(6, 'b', 'partly')],
      [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
    );
    expect(r.groups.map((g) => n(g.figures))).toEqual([5, 6]);
    expect(n(r.total)).toBe(11);
    expect(r.total.suppressed === false && r.total.heard.yesShare).toBe(45.45);
  });
});
