import {
  complianceOfHistory,
  investigationDeadline,
  legalFirstDue,
  nextFollowUpDue,
  postpone,
  suggestedCadence,
  validateCadence,
} from '../../src/domain/followup';
import { refusalText } from '../../src/i18n/problems';
import { FollowUpPolicy, followUpPolicySchema, POLICY_PRESETS } from '../../src/domain/policy';
import { MeasureType } from '../../src/domain/measures';

const herning = POLICY_PRESETS['herning-1.0']!;
const legal = POLICY_PRESETS['legal-minimum']!;
const sel70 = POLICY_PRESETS['sel-70']!;
const START = '2026-01-05';

const due = (measureType: MeasureType, policy: FollowUpPolicy, held: string[] = [], extra = {}) =>
  nextFollowUpDue({ measureType, start: START, held, policy, ...extra })?.due ?? null;

/**
 * The table in docs/domain-rules.md (seed 004 tabel 5.1, Herning-modellen 1.0) and the legal minimum (Barnets Lov § 95,
 * § 156 stk. 5), row by row: first due from the start, and the next due from a registration on 2026-02-20.
 */
describe.each([
  // measure, Herning first, Herning next after 2026-02-20, legal first, legal next after 2026-02-20
  ['institution', '2026-01-19', '2026-04-03', '2026-04-05', '2026-08-20'],
  ['foster_care', '2026-01-19', '2026-04-03', '2026-04-05', '2026-08-20'],
  ['own_room', '2026-01-19', '2026-04-03', '2026-04-05', '2026-08-20'],
  ['short_term', '2026-02-02', '2026-03-20', '2026-04-05', '2026-08-20'],
  ['preventive', '2026-02-02', '2026-05-20', '2026-04-05', '2026-08-20'],
] as [MeasureType, string, string, string, string][])('%s', (type, hFirst, hNext, lFirst, lNext) => {
  it(`Herning-modellen 1.0 (seed 004 tabel 5.1): first ${hFirst}, then ${hNext}`, () => {
    expect(due(type, herning)).toBe(hFirst);
    expect(due(type, herning, ['2026-02-20'])).toBe(hNext);
  });
  it(`legal minimum (Barnets Lov § 95 / § 156 stk. 5): first ${lFirst}, then ${lNext}`, () => {
    expect(due(type, legal)).toBe(lFirst);
    expect(due(type, legal, ['2026-02-20'])).toBe(lNext);
  });
});

describe('seed 004 tabel 5.1: foster care, after the first year at least every 3 months', () => {
  it('uses 6 weeks within the first year and 3 months once a year has passed since the start', () => {
    expect(due('foster_care', herning, ['2026-12-28'])).toBe('2027-02-08');
    expect(due('foster_care', herning, ['2027-01-05'])).toBe('2027-04-05');
    expect(due('foster_care', herning, ['2027-03-01'])).toBe('2027-06-01');
  });
});

describe('the next due date counts from the registration date, not the old due date', () => {
  it('a late registration moves the next due date later; an early one moves it earlier', () => {
    // Herning institution: first due 2026-01-19, every 6 weeks.
    expect(due('institution', herning, ['2026-01-30'])).toBe('2026-03-13');
    expect(due('institution', herning, ['2026-01-12'])).toBe('2026-02-23');
  });
  it('uses the last of several registrations', () => {
    expect(due('institution', herning, ['2026-01-19', '2026-03-02'])).toBe('2026-04-13');
  });
});

describe('a policy date is always checked against the law', () => {
  const loose: FollowUpPolicy = {
    id: 'loose',
    name: 'too loose',
    regime: 'barnets-lov-2024',
    source: 'test',
    rules: {
      preventive: { firstAfter: { months: 4 }, every: { months: 8 } },
      institution: { firstAfter: { months: 4 }, every: { months: 8 } },
    },
  };
  it('clamps a 4-month first follow-up to 3 months (Barnets Lov § 95)', () => {
    const r = nextFollowUpDue({ measureType: 'preventive', start: START, held: [], policy: loose })!;
    expect([r.due, r.policyDue, r.legalDue, r.clampedByLaw]).toEqual([
      '2026-04-05',
      '2026-05-05',
      '2026-04-05',
      true,
    ]);
  });
  it('clamps an 8-month placement interval to 6 months (§ 156 stk. 5), but not a home-based one', () => {
    expect(due('institution', loose, ['2026-03-01'])).toBe('2026-09-01');
    expect(due('preventive', loose, ['2026-03-01'])).toBe('2026-11-01');
  });
  it('brings the first follow-up forward to the end of an investigation running alongside (§ 95)', () => {
    expect(due('preventive', legal, [], { investigationEnd: '2026-03-10' })).toBe('2026-03-10');
    expect(legalFirstDue(START, 'barnets-lov-2024', '2026-06-01')).toBe('2026-04-05');
  });
  it('applies SEL § 70 (before 2024) to every measure: 3 months, then at least every 6 months', () => {
    expect(due('preventive', sel70)).toBe('2026-04-05');
    const loose70 = { ...loose, regime: 'sel-70' as const };
    expect(due('preventive', loose70, ['2026-03-01'])).toBe('2026-09-01');
  });
});

describe('Barnets Lov § 95 stk. 3: the cadence decided at the first follow-up', () => {
  it('is followed afterwards instead of the policy interval', () => {
    const cadence = { every: { weeks: 10 }, reason: 'Stabil anbringelse', decidedOn: '2026-01-19' };
    const r = nextFollowUpDue({
      measureType: 'institution',
      start: START,
      held: ['2026-01-19'],
      policy: herning,
      cadence,
    })!;
    expect([r.due, r.basis]).toEqual(['2026-03-30', 'cadence']);
  });
  it('needs a reason, and for a placement may not exceed 6 months', () => {
    expect(
      validateCadence(
        { every: { months: 3 }, reason: ' ', decidedOn: START },
        'preventive',
        'barnets-lov-2024',
      ).ok,
    ).toBe(false);
    expect(
      validateCadence(
        { every: { months: 7 }, reason: 'x', decidedOn: START },
        'foster_care',
        'barnets-lov-2024',
      ).ok,
    ).toBe(false);
    expect(
      validateCadence(
        { every: { months: 6 }, reason: 'x', decidedOn: START },
        'foster_care',
        'barnets-lov-2024',
      ).ok,
    ).toBe(true);
    expect(
      validateCadence(
        { every: { months: 9 }, reason: 'x', decidedOn: START },
        'preventive',
        'barnets-lov-2024',
      ).ok,
    ).toBe(true);
  });
  it('is pre-filled from the policy', () => {
    expect(suggestedCadence('foster_care', herning)).toEqual({ weeks: 6 });
    expect(suggestedCadence('preventive', herning)).toEqual({ months: 3 });
  });
});

describe('postponement only with a reason and never past the legal date', () => {
  const current = { due: '2026-03-01', legalDue: '2026-04-05' };
  it('is refused without a reason', () => {
    expect(postpone(current, '2026-03-10', '  ')).toMatchObject({ ok: false });
  });
  it('is refused past the legal date, naming it', () => {
    const r = postpone(current, '2026-04-06', 'Ferie');
    expect(r.ok).toBe(false);
    expect(!r.ok && refusalText(r, 'da')).toContain('05.04.2026');
  });
  it('is refused unless it moves the date later', () => {
    expect(postpone(current, '2026-03-01', 'x').ok).toBe(false);
  });
  it('replaces the due date when valid', () => {
    expect(postpone(current, '2026-04-05', 'Barnet syg')).toEqual({ ok: true, value: { due: '2026-04-05' } });
    expect(due('institution', herning, [], { postponedTo: '2026-02-01' })).toBe('2026-02-01');
  });
});

describe('other deadlines', () => {
  it('Barnets Lov § 20 stk. 3: an investigation is finished within 4 months', () => {
    expect(investigationDeadline('2026-01-31')).toBe('2026-05-31');
    expect(investigationDeadline('2026-10-31')).toBe('2027-02-28');
  });
  it('has no follow-up for an investigation, and none after the measure has ended', () => {
    expect(due('investigation', herning)).toBeNull();
    expect(due('institution', herning, ['2026-01-19'], { end: '2026-02-15' })).toBeNull();
  });
  it('clamps month arithmetic to the month end (30 Nov + 3 months = 28 Feb)', () => {
    expect(
      nextFollowUpDue({ measureType: 'preventive', start: '2026-11-30', held: [], policy: legal })!.due,
    ).toBe('2027-02-28');
  });
});

describe('compliance (the figure seed 004 could not compute)', () => {
  it('judges each held follow-up against the policy and against the law', () => {
    const rows = complianceOfHistory(
      { measureType: 'institution', start: START, held: ['2026-02-01', '2026-09-15'] },
      herning,
    );
    expect(rows).toEqual([
      {
        heldOn: '2026-02-01',
        policyDue: '2026-01-19',
        legalDue: '2026-04-05',
        onTimePolicy: false,
        onTimeLegal: true,
      },
      {
        heldOn: '2026-09-15',
        policyDue: '2026-03-15',
        legalDue: '2026-08-01',
        onTimePolicy: false,
        onTimeLegal: false,
      },
    ]);
  });
});

describe('policies are data', () => {
  it('every preset validates against the schema a municipality edits', () => {
    for (const p of Object.values(POLICY_PRESETS))
      expect(followUpPolicySchema.safeParse(p).success).toBe(true);
  });
  it('rejects a zero interval and a rule for investigations', () => {
    const bad = { ...herning, rules: { institution: { firstAfter: { weeks: 0 }, every: { weeks: 6 } } } };
    expect(followUpPolicySchema.safeParse(bad).success).toBe(false);
    const inv = { ...herning, rules: { investigation: { firstAfter: { weeks: 2 }, every: { weeks: 6 } } } };
    expect(followUpPolicySchema.safeParse(inv).success).toBe(false);
  });
});
