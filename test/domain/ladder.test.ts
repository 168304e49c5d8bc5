import {
  classifyMove,
  countMoves,
  isLadderPresetId,
  LADDER_PRESET_IDS,
  LADDER_PRESETS,
  ladderCutOffPeriods,
  ladderSchema,
  LadderMove,
} from '../../src/domain/ladder';

const preset = (id: string) => {
  const l = LADDER_PRESETS[id];
  if (!l) throw new Error(`no preset ${id}`);
  return l;
};
const labels = (id: string) => preset(id).steps.map((s) => `${s.step} ${s.label.da}`);
const placements = (id: string) =>
  preset(id)
    .steps.filter((s) => s.placement)
    .map((s) => s.step);

describe('presets', () => {
  it('seed 003: Hjørring ladder has 6 steps, 6 = Anbringelse på institution', () => {
    expect(labels('hjorring')).toEqual([
      '1 Forebyggelse på almenområdet',
      '2 Forebyggelse',
      '3 Hjemmebaserede indsatser',
      '4 Anbringelse hos slægt/netværk',
      '5 Anbringelse i familiepleje',
      '6 Anbringelse på institution',
    ]);
    expect(placements('hjorring')).toEqual([4, 5, 6]);
  });

  it('seed 002 figur A–D, note 5: Vesthimmerland counts three groups, placements pooled in "Anbragt"', () => {
    expect(labels('vesthimmerland')).toEqual([
      '1 Uden indsats/ukendt',
      '2 Hjemmebaseret indsats (§ 11-forløb og § 52-foranstaltninger)',
      '3 Anbragt (plejefamilie, opholdssted, institution)',
    ]);
    expect(placements('vesthimmerland')).toEqual([3]);
  });

  it('seed 004 figur 2.1/4.1: Herning has 5 steps from Forebyggelse to Anbringelse på institution', () => {
    expect(labels('herning')).toEqual([
      '1 Forebyggelse',
      '2 Hjemmebaserede indsatser',
      '3 Anbringelse i slægt/netværk',
      '4 Anbringelse i familiepleje',
      '5 Anbringelse på institution',
    ]);
    expect(placements('herning')).toEqual([3, 4, 5]);
  });

  it('every preset is keyed by its own id, listed in LADDER_PRESET_IDS, and passes ladderSchema', () => {
    expect(Object.keys(LADDER_PRESETS).sort()).toEqual([...LADDER_PRESET_IDS].sort());
    for (const id of LADDER_PRESET_IDS) {
      expect(preset(id).id).toBe(id);
      expect(ladderSchema.parse(preset(id))).toEqual(preset(id));
      expect(preset(id).steps.every((s) => s.label.en.length > 0)).toBe(true);
    }
  });

  it('isLadderPresetId knows the three presets only (not Object.prototype names)', () => {
    expect(isLadderPresetId('herning')).toBe(true);
    expect(isLadderPresetId('odense')).toBe(false);
    expect(isLadderPresetId('toString')).toBe(false);
  });
});

describe('ladderSchema (a municipality-edited ladder)', () => {
  const s = (step: number, placement = false) => ({
    step,
    label: { da: `Trin ${step}`, en: `Step ${step}` },
    placement,
  });
  const ladder = (steps: ReturnType<typeof s>[]) => ({ id: 'egen', name: 'Egen trappe', source: 'x', steps });

  it('accepts steps 1..n listed in any order and returns them sorted', () => {
    const parsed = ladderSchema.parse(ladder([s(3, true), s(1), s(2)]));
    expect(parsed.steps.map((x) => x.step)).toEqual([1, 2, 3]);
  });

  it('defaults a missing source to the empty string', () => {
    const { source: _source, ...noSource } = ladder([s(1), s(2)]);
    expect(ladderSchema.parse(noSource).source).toBe('');
  });

  it.each([
    ['a gap (1, 2, 4)', [s(1), s(2), s(4)], 'steps must be numbered 1..3'],
    ['a repeat (1, 2, 2)', [s(1), s(2), s(2)], 'step 2 twice'],
    ['a step 0', [s(0), s(1)], 'Number must be greater than or equal to 1'],
    ['a fractional step', [s(1), s(1.5)], 'Expected integer, received float'],
    ['one step only', [s(1)], 'a ladder needs at least two steps'],
  ])('rejects %s', (_what, steps, message) => {
    const r = ladderSchema.safeParse(ladder(steps));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain(message);
  });

  it('rejects an empty Danish label', () => {
    const r = ladderSchema.safeParse(
      ladder([s(1), { step: 2, label: { da: ' ', en: 'x' }, placement: false }]),
    );
    expect(r.success).toBe(false);
  });
});

describe('classifyMove: up = more intrusive, null = not on the ladder', () => {
  it.each([
    [1, 2, 'up'],
    [6, 5, 'down'],
    [3, 3, 'none'],
    [null, 3, 'in'],
    [2, null, 'out'],
    [null, null, 'none'],
  ] as const)('%p -> %p is %s', (from, to, expected) => {
    expect(classifyMove(from, to)).toBe(expected);
  });
});

describe('countMoves and cut-off periods (seed 002 §3.2: skæringsdato 31. marts)', () => {
  it('ladderCutOffPeriods(2016) is 31 March 2015 → 31 March 2016', () => {
    expect(ladderCutOffPeriods(2016)).toEqual({ from: '2015-03-31', to: '2016-03-31' });
    expect(() => ladderCutOffPeriods(16.5)).toThrow('Not a year: 16.5');
  });

  it('seed 002 figur A: 126 from uden indsats to hjemmebaseret (up), 4 from anbragt to hjemmebaseret (down)', () => {
    const moves: LadderMove[] = [
      ...Array.from({ length: 126 }, () => ({ date: '2015-09-01', from: 1, to: 2 })),
      ...Array.from({ length: 4 }, () => ({ date: '2016-01-15', from: 3, to: 2 })),
    ];
    const { from, to } = ladderCutOffPeriods(2016);
    expect(countMoves(moves, from, to)).toEqual({
      up: 126,
      down: 4,
      in: 0,
      out: 0,
      matrix: { '1->2': 126, '3->2': 4 },
    });
  });

  it('seed 004 figur 4.1 (Herning): 26 moves down, 9 up', () => {
    const times = (n: number, from: number, to: number) =>
      Array.from({ length: n }, () => ({ date: '2014-06-01', from, to }));
    const moves = [
      ...times(6, 5, 4), // institution → plejefamilie
      ...times(10, 5, 2), // institution → hjemmebaserede
      ...times(10, 4, 2), // plejefamilie → lavere trin
      ...times(4, 1, 2), // forebyggelse → hjemmebaserede
      ...times(1, 2, 3),
      ...times(2, 2, 4),
      ...times(1, 2, 5),
      ...times(1, 3, 4), // slægt/netværk → plejefamilie
    ];
    const c = countMoves(moves, '2013-08-01', '2015-12-31');
    expect([c.down, c.up]).toEqual([26, 9]);
    expect(c.matrix).toEqual({
      '5->4': 6,
      '5->2': 10,
      '4->2': 10,
      '1->2': 4,
      '2->3': 1,
      '2->4': 2,
      '2->5': 1,
      '3->4': 1,
    });
  });

  it('a move on a cut-off day belongs to the period ending that day, never to two periods', () => {
    const moves: LadderMove[] = [
      { date: '2016-03-31', from: 2, to: 3 },
      { date: '2016-04-01', from: 3, to: 2 },
    ];
    const p2016 = ladderCutOffPeriods(2016);
    const p2017 = ladderCutOffPeriods(2017);
    expect(countMoves(moves, p2016.from, p2016.to)).toMatchObject({ up: 1, down: 0 });
    expect(countMoves(moves, p2017.from, p2017.to)).toMatchObject({ up: 0, down: 1 });
    expect(countMoves([{ date: '2015-03-31', from: 2, to: 3 }], p2016.from, p2016.to).up).toBe(0);
  });

  it('counts in/out with "off" in the matrix key, and ignores moves that stay on the step', () => {
    const moves: LadderMove[] = [
      { date: '2018-05-01', from: null, to: 2 },
      { date: '2018-06-01', from: 2, to: null },
      { date: '2018-07-01', from: 2, to: 2 },
    ];
    expect(countMoves(moves, '2018-03-31', '2019-03-31')).toEqual({
      up: 0,
      down: 0,
      in: 1,
      out: 1,
      matrix: { 'off->2': 1, '2->off': 1 },
    });
  });

  it('rejects a period that is not two dates in order', () => {
    expect(() => countMoves([], '2019-03-31', '2018-03-31')).toThrow('Period starts after it ends');
    expect(() => countMoves([], '2018-02-30', '2019-03-31')).toThrow('Not a period');
  });
});
