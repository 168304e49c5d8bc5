import {
  meetingCountsAsHeld,
  meetingsAgainstMinimum,
  ratingResults,
  ratingResultsByGroup,
  type AnswerForReport,
} from '../../../src/domain/keyFigures';

const team = (teamId: string, institutionType: 'daycare' | 'lower_secondary_school', held: number) => ({
  teamId,
  teamName: teamId,
  institutionType,
  held,
  heldTheme: held,
  heldChild: 0,
});

describe('meetings held per team against the minimum (seeds 000, 001)', () => {
  it('expects the yearly minimum over a school year: 6 met with 6, 10 not met with 9', () => {
    const rows = meetingsAgainstMinimum([team('A', 'daycare', 6), team('B', 'lower_secondary_school', 9)], {
      from: '2026-08-01',
      to: '2027-07-31',
    });
    expect(rows.map((r) => [r.teamId, r.minimumPerYear, r.expected, r.met])).toEqual([
      ['A', 6, 6, true],
      ['B', 10, 10, false],
    ]);
  });

  it('takes the minimum pro rata for a half year: 6 × 184 / 365.25 = 3.0', () => {
    const [row] = meetingsAgainstMinimum([team('A', 'daycare', 2)], { from: '2026-08-01', to: '2027-01-31' });
    expect(row).toMatchObject({ expected: 3, met: false });
  });

  it('counts a meeting as held when marked held, or scheduled and over; never when cancelled', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    expect(meetingCountsAsHeld('held', new Date('2026-12-01T10:00:00Z'), now)).toBe(true);
    expect(meetingCountsAsHeld('scheduled', new Date('2026-11-23T12:00:00Z'), now)).toBe(true);
    expect(meetingCountsAsHeld('scheduled', new Date('2026-11-23T12:00:01Z'), now)).toBe(false);
    expect(meetingCountsAsHeld('cancelled', new Date('2026-11-01T10:00:00Z'), now)).toBe(false);
  });
});

const answers = (
  groupId: string,
  n: number,
  rating: string | null,
  profession = 'teacher',
): AnswerForReport[] => Array.from({ length: n }, () => ({ groupId, rating, profession }));

describe('questionnaire results', () => {
  it('gives 41/9/0 of 50 answers as 82 % / 18 % / 0 %', () => {
    const all = [
      ...answers('A', 30, 'good'),
      ...answers('A', 11, 'good', 'parent'),
      ...answers('A', 9, 'good_with_room', 'pedagogue'),
    ];
    expect(ratingResults(all)).toEqual({
      suppressed: false,
      n: 50,
      answers: 50,
      rated: 50,
      counts: { good: 41, good_with_room: 9, poor: 0 },
      shares: { good: 82, good_with_room: 18, poor: 0 },
      professions: [
        { profession: 'teacher', count: 30 },
        { profession: 'parent', count: 11 },
        { profession: 'pedagogue', count: 9 },
      ],
    });
  });

  it('leaves answers without a valid rating out of the shares, but not out of n', () => {
    const all = [...answers('A', 3, 'good'), ...answers('A', 1, 'poor'), ...answers('A', 1, 'excellent')];
    expect(ratingResults(all)).toMatchObject({
      n: 5,
      rated: 4,
      shares: { good: 75, good_with_room: 0, poor: 25 },
    });
  });

  it('suppresses a team with fewer than five answers, and a second team so the municipality does not give it back', () => {
    const all = [...answers('A', 4, 'poor'), ...answers('B', 6, 'good'), ...answers('C', 20, 'good')];
    const result = ratingResultsByGroup(all, [
      { id: 'A', name: 'Team A' },
      { id: 'B', name: 'Team B' },
      { id: 'C', name: 'Team C' },
    ]);
    expect(result.groups[0]).toEqual({ id: 'A', name: 'Team A', figures: { suppressed: true } });
    // 30 − 20 would be Team A's 4 answers if Team B's 6 were shown: B, the smallest, is hidden too.
    expect(result.groups[1]).toEqual({ id: 'B', name: 'Team B', figures: { suppressed: true } });
    expect(result.groups[2]!.figures).toMatchObject({
      n: 20,
      counts: { good: 20, good_with_room: 0, poor: 0 },
    });
    expect(result.total).toMatchObject({ n: 30, counts: { good: 26, good_with_room: 0, poor: 4 } });
  });

  it("hides a profession's count in a second team when a small one could be read off the total", () => {
    const all = [
      ...answers('A', 10, 'good', 'teacher'),
      ...answers('A', 3, 'good', 'psychologist'),
      ...answers('B', 10, 'good', 'teacher'),
      ...answers('B', 8, 'good', 'psychologist'),
    ];
    const result = ratingResultsByGroup(all, [
      { id: 'A', name: 'Team A' },
      { id: 'B', name: 'Team B' },
    ]);
    const professions = (f: (typeof result.groups)[number]['figures']) =>
      f.suppressed ? null : f.professions;
    // Team A's 3 psychologists are shown as "<5"; its n (13) minus its 10 teachers would give 3, and
    // so would the total's 11 minus Team B's 8: a second count of each row and column is hidden.
    expect(professions(result.groups[0]!.figures)).toContainEqual({ profession: 'psychologist', count: 3 });
    expect(professions(result.groups[0]!.figures)).toContainEqual({ profession: 'teacher', count: null });
    expect(professions(result.groups[1]!.figures)).toContainEqual({
      profession: 'psychologist',
      count: null,
    });
    expect(professions(result.total)).toContainEqual({ profession: 'psychologist', count: 11 });
    expect(professions(result.total)).toContainEqual({ profession: 'teacher', count: 20 });
  });
});
