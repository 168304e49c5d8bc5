import { CHILD_RULER_LEVELS, childRulerLevel, isChildRulerLevel } from '../../src/domain/childRuler';
import { CHILD_RULER_LABELS } from '../../src/i18n/labels';

const named = (id: keyof typeof CHILD_RULER_LABELS) => CHILD_RULER_LABELS[childRulerLevel(id).id];

describe('Børnelinealen (seed 001)', () => {
  it('has the four levels in order, from Børn i trivsel to Udsatte børn', () => {
    expect(CHILD_RULER_LEVELS.map((l) => [l.id, CHILD_RULER_LABELS[l.id].label.da])).toEqual([
      ['thriving', 'Børn i trivsel'],
      ['declining', 'Børn i faldende trivsel'],
      ['vulnerable', 'Sårbare børn'],
      ['at_risk', 'Udsatte børn'],
    ]);
  });

  it('seed 001: only the last two are "truede på deres udvikling i Servicelovens forstand"', () => {
    expect(CHILD_RULER_LEVELS.filter((l) => l.threatenedInDevelopment).map((l) => l.id)).toEqual([
      'vulnerable',
      'at_risk',
    ]);
  });

  it('seed 001: Udsatte børn are "Børn med åbenbar risiko for at lide varig skade"', () => {
    expect(named('at_risk').description.da).toBe('Børn med åbenbar risiko for at lide varig skade');
    expect(named('thriving').label.en).toBe('Children thriving');
  });

  it('isChildRulerLevel accepts the ids only, not the Danish labels', () => {
    expect(isChildRulerLevel('vulnerable')).toBe(true);
    expect(isChildRulerLevel('Sårbare børn')).toBe(false);
  });
});
