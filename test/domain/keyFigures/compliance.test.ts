import { compliance, type MeasureHistory } from '../../../src/domain/keyFigures';
import { HERNING_1_0, LEGAL_MINIMUM } from '../../../src/domain/policy';

const P2017 = { from: '2017-01-01', to: '2017-12-31' };
const five = (make: (i: number) => MeasureHistory): MeasureHistory[] => [1, 2, 3, 4, 5].map(make);

// Herning 1.0, institution: first after 2 weeks, then every 6 weeks. The law: first within 3 months,
// then at most 6 months apart (a placement).
//   2017-01-15: policy due 01-15 (on time), legal due 04-01 (on time)
//   2017-03-01: policy due 01-15 + 6 weeks = 02-26 (late), legal due 07-15 (on time)
//   2017-09-15: policy due 03-01 + 6 weeks = 04-12 (late), legal due 09-01 (late)
const institution = five((i) => ({
  caseId: `i${i}`,
  measureType: 'institution',
  start: '2017-01-01',
  end: null,
  held: ['2017-09-15', '2017-01-15', '2017-03-01'],
}));
// Herning 1.0, preventive: first after 4 weeks, then every 3 months; the law has no date after the
// first follow-up of a measure that is not a placement (Barnets Lov § 95 stk. 3).
//   2017-01-29: policy due 01-29 (on time), legal due 04-01 (on time)
//   2017-05-01: policy due 04-29 (late), no legal date
const preventive = five((i) => ({
  caseId: `p${i}`,
  measureType: 'preventive',
  start: '2017-01-01',
  end: null,
  held: ['2017-01-29', '2017-05-01'],
}));

describe('compliance against the policy and against the law', () => {
  it('judges each follow-up by the due date that applied when it fell due', () => {
    const rows = compliance([...institution, ...preventive], HERNING_1_0, P2017);
    expect(rows).toEqual([
      {
        category: 'institution',
        figures: {
          suppressed: false,
          n: 5,
          held: 15,
          onTimePolicy: 5,
          policyShare: 33.33,
          legalBase: 15,
          onTimeLegal: 10,
          legalShare: 66.67,
        },
      },
      { category: 'foster_care', figures: expect.objectContaining({ n: 0, held: 0, policyShare: null }) },
      {
        category: 'home_based',
        figures: {
          suppressed: false,
          n: 5,
          held: 10,
          onTimePolicy: 5,
          policyShare: 50,
          legalBase: 5,
          onTimeLegal: 5,
          legalShare: 100,
        },
      },
      {
        category: 'all',
        figures: {
          suppressed: false,
          n: 10,
          held: 25,
          onTimePolicy: 10,
          policyShare: 40,
          legalBase: 20,
          onTimeLegal: 15,
          legalShare: 75,
        },
      },
    ]);
  });

  it('is the law itself when the municipality follows the legal minimum', () => {
    const [row] = compliance(institution, LEGAL_MINIMUM, P2017);
    expect(row!.figures).toMatchObject({ onTimePolicy: 10, onTimeLegal: 10, policyShare: 66.67 });
  });

  it('counts only follow-ups held in the period, judged from the ones before it', () => {
    const [row] = compliance(institution, HERNING_1_0, { from: '2017-02-01', to: '2017-12-31' });
    expect(row!.figures).toMatchObject({ held: 10, onTimePolicy: 0, onTimeLegal: 5 });
  });

  it('suppresses a category of fewer than five cases and the total with it when that is small too', () => {
    const rows = compliance(institution.slice(0, 2), HERNING_1_0, P2017);
    expect(rows[0]!.figures).toEqual({ suppressed: true });
    expect(rows[3]!.figures).toEqual({ suppressed: true });
  });
});
