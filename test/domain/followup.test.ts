import {
  complianceOfHistory,
  dueButNotHeld,
  earlyHelpEndReminder,
  investigationDeadline,
  isOnTime,
  legalFirstDue,
  legalNextDue,
  nextFollowUpDue,
  postpone,
  suggestedCadence,
  validateCadence,
} from '../../src/domain/followup';
import { refusalText } from '../../src/i18n/problems';
import type { MeasureType } from '../../src/domain/measures';
import { FollowUpPolicy, HERNING_1_0, LEGAL_MINIMUM, SEL_70 } from '../../src/domain/policy';

const START = '2026-01-05'; // a Monday
const next = (
  measureType: MeasureType,
  held: string[],
  policy: FollowUpPolicy,
  extra: Partial<Parameters<typeof nextFollowUpDue>[0]> = {},
) => nextFollowUpDue({ measureType, start: START, held, policy, ...extra });

/** A municipality policy looser than the law, to show the law always wins. */
const LOOSE: FollowUpPolicy = {
  id: 'loose',
  name: 'Too loose',
  regime: 'barnets-lov-2024',
  rules: {
    institution: { firstAfter: { months: 4 }, every: { months: 8 } },
    preventive: { firstAfter: { months: 4 }, every: { months: 8 } },
  },
  source: 'test',
};

describe('seed 004 tabel 5.1 (Herning-modellen 1.0), every row, start 2026-01-05, first held 2026-01-21', () => {
  // type, first due, second due (from 2026-01-21), legal date of the second (Barnets Lov § 156 stk. 5)
  it.each([
    ['institution', '2026-01-19', '2026-03-04', '2026-07-21'],
    ['foster_care', '2026-01-19', '2026-03-04', '2026-07-21'],
    ['own_room', '2026-01-19', '2026-03-04', '2026-07-21'],
    ['short_term', '2026-02-02', '2026-02-18', '2026-07-21'],
    ['preventive', '2026-02-02', '2026-04-21', null],
    ['early_help', '2026-04-05', '2026-04-21', null],
  ] as const)('%s: first due %s, then %s (legal %s)', (type, first, second, legalSecond) => {
    expect(next(type, [], HERNING_1_0)).toEqual({
      due: first,
      policyDue: first,
      legalDue: '2026-04-05',
      basis: 'first',
      clampedByLaw: false,
      postponed: false,
    });
    expect(next(type, ['2026-01-21'], HERNING_1_0)).toEqual({
      due: second,
      policyDue: second,
      legalDue: legalSecond,
      basis: 'policy',
      clampedByLaw: false,
      postponed: false,
    });
  });
});

describe('Barnets Lov §§ 95 and 156 stk. 5 (legal-minimum), every row, start 2026-01-05, first held 2026-03-20', () => {
  it.each([
    ['institution', '2026-09-20'],
    ['foster_care', '2026-09-20'],
    ['own_room', '2026-09-20'],
    ['short_term', '2026-09-20'],
    ['preventive', null],
    ['early_help', null],
  ] as const)('%s: first due 2026-04-05, then 2026-09-20 (legal %s)', (type, legalSecond) => {
    expect(next(type, [], LEGAL_MINIMUM)).toMatchObject({ due: '2026-04-05', legalDue: '2026-04-05' });
    expect(next(type, ['2026-03-20'], LEGAL_MINIMUM)).toMatchObject({
      due: '2026-09-20',
      legalDue: legalSecond,
      basis: 'policy',
    });
  });
});

describe('seed 004 tabel 5.1: foster care changes cadence after the first year (12 months from the start)', () => {
  it.each([
    ['2026-11-30', '2027-01-11'], // still the first year: 6 weeks
    ['2027-01-04', '2027-02-15'], // the day before the year is up: 6 weeks
    ['2027-01-05', '2027-04-05'], // a year after the start: 3 months
    ['2027-02-20', '2027-05-20'],
  ])('last held %s → due %s', (lastHeld, due) => {
    expect(next('foster_care', ['2026-01-19', lastHeld], HERNING_1_0)?.due).toBe(due);
  });

  it('an institution placement keeps 6 weeks after the first year', () => {
    expect(next('institution', ['2027-01-05'], HERNING_1_0)?.due).toBe('2027-02-16');
  });
});

describe('docs/domain-rules.md, "Follow-ups": the next due date counts from the registration date, not the old due date', () => {
  it.each([
    ['late', ['2026-02-02'], '2026-03-16'], // not 2026-01-19 + 6 weeks = 2026-03-02
    ['early', ['2026-01-12'], '2026-02-23'],
    ['out of order', ['2026-03-04', '2026-01-21'], '2026-04-15'],
  ])('held %s %j → %s', (_when, held, due) => {
    expect(next('institution', held, HERNING_1_0)?.due).toBe(due);
  });
});

describe('Barnets Lov § 95 stk. 3: the cadence decided at the first follow-up governs later ones', () => {
  const cadence = { every: { weeks: 8 }, reason: 'Stabil familie', decidedOn: '2026-02-03' };

  it('replaces the policy interval', () => {
    expect(next('preventive', ['2026-02-03'], HERNING_1_0, { cadence })).toMatchObject({
      due: '2026-03-31',
      basis: 'cadence',
      legalDue: null,
    });
  });

  it('does not touch the first follow-up', () => {
    expect(next('preventive', [], HERNING_1_0, { cadence })?.due).toBe('2026-02-02');
  });
});

describe('Barnets Lov §§ 95 and 156 stk. 5: a policy due date is never later than the law', () => {
  it('a first follow-up after 4 months is clamped to 3 months', () => {
    expect(next('institution', [], LOOSE)).toEqual({
      due: '2026-04-05',
      policyDue: '2026-05-05',
      legalDue: '2026-04-05',
      basis: 'first',
      clampedByLaw: true,
      postponed: false,
    });
  });

  it('a placement interval of 8 months is clamped to 6', () => {
    expect(next('institution', ['2026-04-01'], LOOSE)).toMatchObject({
      due: '2026-10-01',
      policyDue: '2026-12-01',
      clampedByLaw: true,
    });
  });

  it("an adviser's placement cadence of 8 months is clamped to 6 as well", () => {
    const cadence = { every: { months: 8 }, reason: 'x', decidedOn: '2026-01-19' };
    expect(next('foster_care', ['2026-01-19'], HERNING_1_0, { cadence })).toMatchObject({
      due: '2026-07-19',
      policyDue: '2026-09-19',
      basis: 'cadence',
      clampedByLaw: true,
    });
  });

  it('a non-placement after the first follow-up has no legal limit: 8 months stands', () => {
    expect(next('preventive', ['2026-04-01'], LOOSE)).toMatchObject({
      due: '2026-12-01',
      legalDue: null,
      clampedByLaw: false,
    });
  });

  it('a measure type the policy leaves out falls back on the law', () => {
    expect(next('foster_care', [], LOOSE)?.due).toBe('2026-04-05');
    expect(next('foster_care', ['2026-03-01'], LOOSE)?.due).toBe('2026-09-01');
  });
});

describe('Barnets Lov § 95: an investigation running alongside ends the first follow-up period early', () => {
  it.each([
    ['2026-03-15', '2026-03-15'],
    ['2026-05-01', '2026-04-05'], // ends after 3 months: the 3 months rule
    ['2025-12-20', '2026-04-05'], // ended before the measure started: not alongside
  ])('investigation ending %s → legal first due %s', (end, due) => {
    expect(legalFirstDue(START, 'barnets-lov-2024', end)).toBe(due);
  });

  it('clamps the first due date of a measure', () => {
    expect(next('preventive', [], LEGAL_MINIMUM, { investigationEnd: '2026-03-15' })).toMatchObject({
      due: '2026-03-15',
      policyDue: '2026-04-05',
      legalDue: '2026-03-15',
      clampedByLaw: true,
    });
  });

  it('leaves an earlier policy date alone (Herning 4 weeks)', () => {
    expect(next('preventive', [], HERNING_1_0, { investigationEnd: '2026-03-15' })).toMatchObject({
      due: '2026-02-02',
      legalDue: '2026-03-15',
      clampedByLaw: false,
    });
  });
});

describe('Barnets Lov § 95 / § 156 stk. 5: legal dates, month-end arithmetic', () => {
  it.each([
    ['2026-01-05', '2026-04-05'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'], // leap year
    ['2026-05-31', '2026-08-31'],
  ])('first follow-up of a measure started %s is due by %s', (start, due) => {
    expect(legalFirstDue(start, 'barnets-lov-2024')).toBe(due);
  });

  it.each([
    ['institution', 'barnets-lov-2024', '2027-02-28'],
    ['short_term', 'barnets-lov-2024', '2027-02-28'],
    ['preventive', 'barnets-lov-2024', null],
    ['early_help', 'barnets-lov-2024', null],
    ['investigation', 'barnets-lov-2024', null],
    ['preventive', 'sel-70', '2027-02-28'],
  ] as const)('after a follow-up on 2026-08-31, %s under %s is due by %s', (type, regime, due) => {
    expect(legalNextDue('2026-08-31', type, regime)).toBe(due);
  });

  it('a measure started 2026-11-30 is first due 2027-02-28 under legal-minimum', () => {
    expect(
      nextFollowUpDue({ measureType: 'foster_care', start: '2026-11-30', held: [], policy: LEGAL_MINIMUM })
        ?.due,
    ).toBe('2027-02-28');
  });
});

describe('SEL § 70 (før 2024): first within 3 months, then at least every 6 months for every measure', () => {
  it.each(['institution', 'foster_care', 'preventive', 'early_help'] as const)('%s', (type) => {
    const base = { measureType: type, start: '2015-03-02', policy: SEL_70 };
    expect(nextFollowUpDue({ ...base, held: [] })).toMatchObject({
      due: '2015-06-02',
      legalDue: '2015-06-02',
    });
    expect(nextFollowUpDue({ ...base, held: ['2015-05-20'] })).toMatchObject({
      due: '2015-11-20',
      legalDue: '2015-11-20',
    });
  });
});

describe('docs/domain-rules.md, "Follow-ups": no follow-up for an investigation or after the measure ends', () => {
  it('an investigation has no follow-ups (Barnets Lov § 20)', () => {
    expect(next('investigation', [], HERNING_1_0)).toBeNull();
  });

  it.each([
    ['2026-01-15', null],
    ['2026-01-18', null],
    ['2026-01-19', '2026-01-19'],
    [null, '2026-01-19'],
  ])('a measure ending %s → %s', (end, due) => {
    expect(next('institution', [], HERNING_1_0, { end })?.due ?? null).toBe(due);
  });
});

describe('docs/domain-rules.md, "Follow-ups": postponement only with a reason and never past the legal date', () => {
  const current = { due: '2026-03-04', legalDue: '2026-07-21' };

  it('refuses without a reason', () => {
    expect(postpone(current, '2026-03-20', '  ')).toMatchObject({ ok: false });
  });

  it('refuses a date past the legal date, naming it', () => {
    const r = postpone(current, '2026-07-22', 'Barnet er på ferie');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([{ code: 'postponePastLegal', params: { legalDue: '2026-07-21' } }]);
      expect(refusalText(r, 'da')).toContain('21.07.2026');
      expect(refusalText(r, 'en')).toContain('21/07/2026');
    }
  });

  it.each(['2026-03-04', '2026-03-01'])('refuses %s: not after the current due date', (to) => {
    expect(postpone(current, to, 'Sygdom').ok).toBe(false);
  });

  it.each(['2026-03-05', '2026-07-21'])('accepts %s with a reason', (to) => {
    expect(postpone(current, to, 'Sygdom')).toEqual({ ok: true, value: { due: to } });
  });

  it('accepts any later date where the law sets none (§ 32 after the first follow-up)', () => {
    expect(postpone({ due: '2026-04-21', legalDue: null }, '2027-01-01', 'Ferie')).toEqual({
      ok: true,
      value: { due: '2027-01-01' },
    });
  });

  it.each([
    ['2026-03-20', '2026-03-20', true],
    ['2026-08-01', '2026-03-04', false], // past the legal date: ignored
    ['2026-03-01', '2026-03-04', false], // earlier than due: ignored
  ])('a stored postponement to %s gives due %s (postponed %s)', (postponedTo, due, postponed) => {
    expect(next('institution', ['2026-01-21'], HERNING_1_0, { postponedTo })).toMatchObject({
      due,
      policyDue: '2026-03-04',
      postponed,
    });
  });
});

describe('Barnets Lov § 95 stk. 3 / § 156 stk. 5: validating the cadence decided at the first follow-up', () => {
  const decision = (every: object, reason = 'Begrundelse') => ({ every, reason, decidedOn: '2026-01-19' });

  it.each([
    ['foster_care', { months: 6 }, 'barnets-lov-2024', true],
    ['foster_care', { weeks: 26 }, 'barnets-lov-2024', true],
    ['foster_care', { weeks: 27 }, 'barnets-lov-2024', false],
    ['institution', { months: 7 }, 'barnets-lov-2024', false],
    ['short_term', { months: 6, days: 1 }, 'barnets-lov-2024', false],
    ['preventive', { months: 12 }, 'barnets-lov-2024', true],
    ['early_help', { months: 8 }, 'barnets-lov-2024', true],
    ['preventive', { months: 8 }, 'sel-70', false],
    ['preventive', {}, 'barnets-lov-2024', false],
    ['investigation', { months: 1 }, 'barnets-lov-2024', false],
  ] as const)('%s every %j under %s → ok %s', (type, every, regime, ok) => {
    expect(validateCadence(decision(every), type, regime).ok).toBe(ok);
  });

  it('requires a reason', () => {
    const r = validateCadence(decision({ weeks: 6 }, ' '), 'institution', 'barnets-lov-2024');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(refusalText(r, 'da')).toContain('§ 95');
  });

  it('names § 156 stk. 5 when a placement cadence is too long', () => {
    const r = validateCadence(decision({ months: 7 }), 'institution', 'barnets-lov-2024');
    if (r.ok) throw new Error('expected refusal');
    expect(r.problems).toEqual([{ code: 'cadenceOverSixMonths', params: { regime: 'barnets-lov-2024' } }]);
    expect(refusalText(r, 'da')).toContain('§ 156');
  });
});

describe('seed 004 tabel 5.1 / Barnets Lov § 95 stk. 3: the cadence the first-follow-up card suggests', () => {
  it.each([
    [HERNING_1_0, 'foster_care', { weeks: 6 }],
    [HERNING_1_0, 'short_term', { weeks: 4 }],
    [HERNING_1_0, 'preventive', { months: 3 }],
    [HERNING_1_0, 'early_help', { months: 3 }],
    [LEGAL_MINIMUM, 'preventive', { months: 6 }],
    [LOOSE, 'institution', { months: 6 }], // 8 months would be refused
    [LOOSE, 'preventive', { months: 8 }],
    [LOOSE, 'own_room', { months: 6 }], // not in the policy: the law
  ] as const)('%#: %s → %j', (policy, type, every) => {
    expect(suggestedCadence(type, policy)).toEqual(every);
  });
});

describe('Barnets Lov § 20 stk. 3: an investigation is finished within 4 months', () => {
  it.each([
    ['2026-01-05', '2026-05-05'],
    ['2026-10-31', '2027-02-28'],
    ['2027-10-31', '2028-02-29'],
  ])('started %s → deadline %s', (start, deadline) => {
    expect(investigationDeadline(start)).toBe(deadline);
  });
});

describe('Barnets Lov § 30: an early preventive course ends on a date that is reminded', () => {
  it.each([
    ['early_help', '2026-06-30', '2026-06-30'],
    ['early_help', null, null],
    ['preventive', '2026-06-30', null],
  ] as const)('%s ending %s → %s', (measureType, end, reminded) => {
    expect(earlyHelpEndReminder({ measureType, end })).toBe(reminded);
  });
});

describe('docs/key-figures.md: compliance against the policy and the legal minimum (seed 004 ch. 2)', () => {
  it.each([
    ['2026-01-19', '2026-01-19', true],
    ['2026-01-20', '2026-01-19', false],
    ['2026-01-18', '2026-01-19', true],
  ])('held %s, due %s → on time %s', (held, due, onTime) => {
    expect(isOnTime(held, due)).toBe(onTime);
  });

  it('judges each held follow-up against the due date counted from the one before it', () => {
    const held = ['2026-09-15', '2026-01-19', '2026-03-10'];
    expect(complianceOfHistory({ measureType: 'institution', start: START, held }, HERNING_1_0)).toEqual([
      {
        heldOn: '2026-01-19',
        policyDue: '2026-01-19',
        legalDue: '2026-04-05',
        onTimePolicy: true,
        onTimeLegal: true,
      },
      {
        heldOn: '2026-03-10',
        policyDue: '2026-03-02',
        legalDue: '2026-07-19',
        onTimePolicy: false,
        onTimeLegal: true,
      },
      {
        heldOn: '2026-09-15',
        policyDue: '2026-04-21',
        legalDue: '2026-09-10',
        onTimePolicy: false,
        onTimeLegal: false,
      },
    ]);
  });

  it('leaves legal compliance open where the law sets no date, and applies a cadence after its decision', () => {
    const cadence = { every: { months: 6 }, reason: 'Stabil', decidedOn: '2026-02-01' };
    expect(
      complianceOfHistory(
        { measureType: 'preventive', start: START, held: ['2026-02-01', '2026-07-15'], cadence },
        HERNING_1_0,
      ),
    ).toEqual([
      {
        heldOn: '2026-02-01',
        policyDue: '2026-02-02',
        legalDue: '2026-04-05',
        onTimePolicy: true,
        onTimeLegal: true,
      },
      {
        heldOn: '2026-07-15',
        policyDue: '2026-08-01',
        legalDue: null,
        onTimePolicy: true,
        onTimeLegal: null,
      },
    ]);
  });

  it('judges a follow-up due before 2024 by SEL § 70 and one due after by Barnets Lov', () => {
    // A preventive measure: SEL § 70 required a follow-up at most every 6 months for every measure;
    // Barnets Lov sets no date after the first follow-up of a measure that is not a placement.
    const rows = complianceOfHistory(
      { measureType: 'preventive', start: '2023-01-02', held: ['2023-03-01', '2023-10-02', '2024-09-01'] },
      LEGAL_MINIMUM,
    );
    expect(rows.map((r) => [r.heldOn, r.legalDue, r.onTimeLegal])).toEqual([
      ['2023-03-01', '2023-04-02', true],
      ['2023-10-02', '2023-09-01', false], // due 1 Sep 2023 under SEL § 70: one month late
      ['2024-09-01', null, null], // its SEL date (2 Apr 2024) is after 2024: Barnets Lov, no legal date
    ]);
  });

  it('finds the follow-up that fell due and was never held, by the policy and by the law', () => {
    const h = { measureType: 'institution' as const, start: START, held: ['2026-01-19'] };
    // Herning: next 6 weeks after 19 Jan = 2 Mar; the law: 6 months = 19 Jul.
    expect(dueButNotHeld(h, HERNING_1_0, '2026-06-30', '2026-12-01')).toEqual({
      policyDue: '2026-03-02',
      legalDue: null,
    });
    expect(dueButNotHeld(h, HERNING_1_0, '2026-12-31', '2027-01-05')).toEqual({
      policyDue: '2026-03-02',
      legalDue: '2026-07-19',
    });
    // Held on its due date is on time, so a date is not missed before the day is over.
    expect(dueButNotHeld(h, HERNING_1_0, '2026-12-31', '2026-03-02').policyDue).toBeNull();
    expect(dueButNotHeld(h, HERNING_1_0, '2026-03-02', '2026-12-01').policyDue).toBe('2026-03-02');
    // A measure that ended first owes nothing.
    expect(dueButNotHeld({ ...h, end: '2026-02-01' }, HERNING_1_0, '2026-12-31', '2027-01-05')).toEqual({
      policyDue: null,
      legalDue: null,
    });
  });

  it('an investigation has no follow-up history to judge', () => {
    expect(
      complianceOfHistory({ measureType: 'investigation', start: START, held: [START] }, HERNING_1_0),
    ).toEqual([]);
  });
});
