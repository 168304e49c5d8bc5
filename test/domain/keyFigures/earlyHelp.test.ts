import {
  earlyHelpFollowedByInvestigation,
  earlyHelpWindowFor,
  type CaseMeasureStart,
} from '../../../src/domain/keyFigures';

// Seed 002 note 7: for the cut-off 31 March 2016, courses given 31 March – 30 September 2015, followed by
// an investigation decided between the course's start and 31 March 2016.
const window = earlyHelpWindowFor('2016-03-31');
const course = (caseId: string, start: string): CaseMeasureStart => ({
  caseId,
  measureType: 'early_help',
  start,
});
const investigation = (caseId: string, start: string): CaseMeasureStart => ({
  caseId,
  measureType: 'investigation',
  start,
});

describe('share of § 11 (now § 30) courses followed by an investigation (seed 002 table 3)', () => {
  it("takes note 7's window from the cut-off date: 12 to 6 months before it, followed until it", () => {
    expect(window).toEqual({
      coursesFrom: '2015-03-31',
      coursesTo: '2015-09-30',
      followedUntil: '2016-03-31',
    });
    // Month arithmetic clamps: six months before 31 August is 28 February.
    expect(earlyHelpWindowFor('2019-08-31')).toMatchObject({
      coursesFrom: '2018-08-31',
      coursesTo: '2019-02-28',
    });
    expect(() => earlyHelpWindowFor('2019-02-30')).toThrow('Not a date');
  });

  it('gives 1 of 21 = 4.76 % as in the seed for 31 March 2016', () => {
    const measures = [
      ...Array.from({ length: 21 }, (_, i) => course(`c${i}`, '2015-05-01')),
      investigation('c0', '2016-01-10'), // follows
      investigation('c1', '2015-01-10'), // before the course: does not follow it
      investigation('c2', '2016-04-01'), // after the cut-off
      course('c3', '2015-06-01'), // a second course: the child counts once
      course('late', '2015-10-01'), // outside the window
      investigation('late', '2015-12-01'),
    ];
    expect(earlyHelpFollowedByInvestigation(measures, window)).toEqual({
      suppressed: false,
      n: 21,
      recipients: 21,
      followed: 1,
      share: 4.76,
    });
  });

  it('counts an investigation started on the course start day', () => {
    const measures = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => course(`c${i}`, '2015-04-01'));
    measures.push(investigation('c1', '2015-04-01'), investigation('c2', '2016-03-31'));
    expect(earlyHelpFollowedByInvestigation(measures, window)).toMatchObject({ followed: 2, share: 25 });
  });

  it('suppresses fewer than five recipients', () => {
    const measures = [course('a', '2015-05-01'), investigation('a', '2015-06-01')];
    expect(earlyHelpFollowedByInvestigation(measures, window)).toEqual({ suppressed: true });
  });
});
