import {
  classifyMove,
  isLadderPresetId,
  LADDER_PRESET_IDS,
  LADDER_PRESETS,
  ladderCutOffPeriods,
  ladderSchema,
  stepOn,
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

describe("a child's step on a date, from the dated history (seed 002 §3.2: skæringsdato 31. marts)", () => {
  it('ladderCutOffPeriods(2016) is 31 March 2015 → 31 March 2016', () => {
    expect(ladderCutOffPeriods(2016)).toEqual({ from: '2015-03-31', to: '2016-03-31' });
    expect(() => ladderCutOffPeriods(16.5)).toThrow('Not a year: 16.5');
  });

  const history = [
    { from: '2017-05-01', step: 2 },
    { from: '2016-01-10', step: 3 },
    { from: '2018-03-31', step: null },
  ];

  it('is the latest entry on or before the date, in any order', () => {
    expect(stepOn(history, '2016-01-10')).toBe(3);
    expect(stepOn(history, '2017-04-30')).toBe(3);
    expect(stepOn(history, '2017-05-01')).toBe(2);
  });

  it('is off the ladder before the first entry and after an entry without a step', () => {
    expect(stepOn(history, '2016-01-09')).toBeNull();
    expect(stepOn(history, '2018-03-31')).toBeNull();
    expect(stepOn([], '2018-03-31')).toBeNull();
  });
});
