import { compliance, type MeasureHistory } from '../../../src/domain/keyFigures';
import { HERNING_1_0, LEGAL_MINIMUM } from '../../../src/domain/policy';

const P2025 = { from: '2025-01-01', to: '2025-12-31' };
const AFTER = '2026-02-01'; // the report is made after the period
const five = (make: (i: number) => MeasureHistory): MeasureHistory[] => [1, 2, 3, 4, 5].map(make);

// Herning 1.0, institution: first after 2 weeks, then every 6 weeks. The law (Barnets Lov): first
// within 3 months, then at most 6 months apart (a placement, § 156 stk. 5).
//   2025-01-15: policy due 01-15 (on time), legal due 04-01 (on time)
//   2025-03-01: policy due 01-15 + 6 weeks = 02-26 (late), legal due 07-15 (on time)
//   2025-09-15: policy due 03-01 + 6 weeks = 04-12 (late), legal due 09-01 (late)
//   then policy due 09-15 + 6 weeks = 10-27, never held: not on time; legal due 2026-03-15 (after)
const institution = five((i) => ({
  caseId: `i${i}`,
  measureType: 'institution',
  start: '2025-01-01',
  end: null,
  held: ['2025-09-15', '2025-01-15', '2025-03-01'],
}));
// Herning 1.0, preventive: first after 4 weeks, then every 3 months; Barnets Lov has no date after
// the first follow-up of a measure that is not a placement (§ 95 stk. 3).
//   2025-01-29: policy due 01-29 (on time), legal due 04-01 (on time)
//   2025-05-01: policy due 04-29 (late), no legal date
//   then policy due 08-01, never held: not on time
const preventive = five((i) => ({
  caseId: `p${i}`,
  measureType: 'preventive',
  start: '2025-01-01',
  end: null,
  held: ['2025-01-29', '2025-05-01'],
}));

describe('compliance against the policy and against the law of its time', () => {
  it('judges each follow-up by the due date that applied when it fell due, and counts the ones never held', () => {
    const rows = compliance([...institution, ...preventive], HERNING_1_0, P2025, AFTER);
    expect(rows.map((r) => r.category)).toEqual([
      'institution',
      'foster_care',
      'home_placement',
      'home_based',
      'early_help',
      'all',
    ]);
    expect(rows[0]!.figures).toEqual({
      suppressed: false,
      n: 5,
      held: 15,
      missedPolicy: 5,
      onTimePolicy: 5,
      policyShare: 25,
      legalBase: 15,
      missedLegal: 0,
      onTimeLegal: 10,
      legalShare: 66.67,
    });
    expect(rows[1]!.figures).toEqual(expect.objectContaining({ n: 0, held: 0, policyShare: null }));
    expect(rows[3]!.figures).toEqual({
      suppressed: false,
      n: 5,
      held: 10,
      missedPolicy: 5,
      onTimePolicy: 5,
      policyShare: 33.33,
      legalBase: 5,
      missedLegal: 0,
      onTimeLegal: 5,
      legalShare: 100,
    });
    expect(rows[5]!.figures).toEqual({
      suppressed: false,
      n: 10,
      held: 25,
      missedPolicy: 10,
      onTimePolicy: 10,
      policyShare: 28.57,
      legalBase: 20,
      missedLegal: 0,
      onTimeLegal: 15,
      legalShare: 75,
    });
  });

  it('is the law itself when the municipality follows the legal minimum', () => {
    const [row] = compliance(institution, LEGAL_MINIMUM, P2025, AFTER);
    expect(row!.figures).toMatchObject({
      onTimePolicy: 10,
      missedPolicy: 0,
      onTimeLegal: 10,
      policyShare: 66.67,
    });
  });

  it('counts only follow-ups held in the period, judged from the ones before it', () => {
    const [row] = compliance(institution, HERNING_1_0, { from: '2025-02-01', to: '2025-12-31' }, AFTER);
    expect(row!.figures).toMatchObject({ held: 10, missedPolicy: 5, onTimePolicy: 0, onTimeLegal: 5 });
  });

  it('counts a follow-up that fell due and was never held as not on time, once its day has passed', () => {
    const neglected = five((i) => ({
      caseId: `n${i}`,
      measureType: 'institution',
      start: '2025-01-01',
      end: null,
      held: [],
    }));
    // Policy due 15 Jan, legal due 1 Apr; neither held.
    expect(compliance(neglected, HERNING_1_0, P2025, AFTER)[0]!.figures).toEqual({
      suppressed: false,
      n: 5,
      held: 0,
      missedPolicy: 5,
      onTimePolicy: 0,
      policyShare: 0,
      legalBase: 5,
      missedLegal: 5,
      onTimeLegal: 0,
      legalShare: 0,
    });
    // Asked on 1 March, the legal date has not passed yet: only the policy's date is missed.
    expect(compliance(neglected, HERNING_1_0, P2025, '2025-03-01')[0]!.figures).toMatchObject({
      missedPolicy: 5,
      legalBase: 0,
      legalShare: null,
    });
  });

  it('judges 2023 by SEL § 70 and 2024 by Barnets Lov within one report', () => {
    // Preventive, legal minimum: SEL § 70 gave every measure 6 months; Barnets Lov no date after the first.
    //   2023-03-01 due 2023-04-02 (on time); 2023-10-02 due 2023-09-01 under SEL (late);
    //   2024-09-01: its SEL date 2024-04-02 falls after 1 January 2024, so Barnets Lov: no legal date.
    const history = five((i) => ({
      caseId: `h${i}`,
      measureType: 'preventive',
      start: '2023-01-02',
      end: null,
      held: ['2023-03-01', '2023-10-02', '2024-09-01'],
    }));
    const rows = compliance(history, LEGAL_MINIMUM, { from: '2023-01-01', to: '2024-12-31' }, AFTER);
    expect(rows[3]!.figures).toMatchObject({ held: 15, legalBase: 10, onTimeLegal: 5, legalShare: 50 });
  });

  it('suppresses a category of fewer than five cases and the total with it when that is small too', () => {
    const rows = compliance(institution.slice(0, 2), HERNING_1_0, P2025, AFTER);
    expect(rows[0]!.figures).toEqual({ suppressed: true });
    expect(rows[5]!.figures).toEqual({ suppressed: true });
  });

  it('hides a second category when one is hidden, so "all" minus the rest does not give it back', () => {
    const foster = institution
      .slice(0, 3)
      .map((m) => ({ ...m, caseId: `f${m.caseId}`, measureType: 'foster_care' as const }));
    const rows = compliance([...institution, ...foster], HERNING_1_0, P2025, AFTER);
    expect(rows[1]!.figures).toEqual({ suppressed: true }); // 3 foster-care cases
    expect(rows[0]!.figures).toEqual({ suppressed: true }); // its complement: the smallest one shown
    expect(rows[5]!.figures).toMatchObject({ suppressed: false, n: 8, held: 24 });
  });
});
