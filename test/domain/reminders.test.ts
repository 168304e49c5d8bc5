import {
  Deadline,
  digestFor,
  dueDayReminderDate,
  nextReminderDay,
  remindersFor,
} from '../../src/domain/reminders';

const policy = { daysBefore: [10, 3], escalateAfterWorkingDays: 5 };
const deadline = (due: string, over: Partial<Deadline> = {}): Deadline => ({
  kind: 'followup',
  measureId: 'm1',
  caseId: 'c1',
  caseRef: 'FJ-0001',
  due,
  adviserId: 'adviser',
  leaderId: 'leader',
  ...over,
});
const kinds = (d: Deadline, today: string) =>
  remindersFor(d, today, policy).map((r) => `${r.kind}:${r.recipientId}:${r.workingDays}`);

describe('docs/domain-rules.md, "Reminders": reminders before, on and after the due date, on working days only', () => {
  const d = deadline('2026-11-27'); // a Friday

  it.each([
    ['2026-11-12', []],
    ['2026-11-13', ['upcoming:adviser:10']],
    ['2026-11-19', ['upcoming:adviser:10']],
    ['2026-11-24', ['upcoming:adviser:3']],
    ['2026-11-26', ['upcoming:adviser:3']],
    ['2026-11-27', ['due:adviser:0']],
    ['2026-11-28', []],
    ['2026-11-30', ['overdue:adviser:1']],
    ['2026-12-03', ['overdue:adviser:4']],
    ['2026-12-04', ['overdue:adviser:5', 'escalation:leader:5']],
  ])('on %s plans %j', (today, expected) => {
    expect(kinds(d, today)).toEqual(expected);
  });

  it('sends the due-day reminder on the last working day when the due date is a weekend', () => {
    expect(dueDayReminderDate('2026-11-28')).toBe('2026-11-27');
    expect(kinds(deadline('2026-11-28'), '2026-11-27')).toEqual(['due:adviser:0']);
  });

  it('counts working days across Christmas and New Year (24, 25, 26, 31 Dec and 1 Jan closed)', () => {
    const jan = deadline('2027-01-04');
    expect(kinds(jan, '2026-12-23')).toEqual(['upcoming:adviser:10']);
    expect(kinds(jan, '2026-12-28')).toEqual(['upcoming:adviser:3']);
    expect(kinds(jan, '2026-12-24')).toEqual([]);
    expect(kinds(jan, '2027-01-01')).toEqual([]);
  });

  it('never escalates without a leader', () => {
    expect(kinds(deadline('2026-11-27', { leaderId: null }), '2026-12-11')).toEqual(['overdue:adviser:10']);
  });
});

describe('daily digest', () => {
  it('lists overdue first, then due, then upcoming within the largest threshold', () => {
    const list = digestFor(
      [
        deadline('2026-12-15', { measureId: 'far' }),
        deadline('2026-11-20', { measureId: 'late' }),
        deadline('2026-11-23', { measureId: 'today' }),
        deadline('2026-12-04', { measureId: 'soon' }),
      ],
      '2026-11-23',
      policy,
    );
    expect(list.map((e) => [e.deadline.measureId, e.status, e.workingDays])).toEqual([
      ['late', 'overdue', 1],
      ['today', 'due', 0],
      ['soon', 'upcoming', 9],
    ]);
  });

  it('is empty on a public holiday', () => {
    expect(digestFor([deadline('2026-12-20')], '2026-12-25', policy)).toEqual([]);
  });
});

describe('the next day a deadline has a new reminder (what the planner skips to)', () => {
  // Due Monday 2026-11-30: 10 working days before is 2026-11-16, 3 before is 2026-11-25.
  it('is the first advance threshold before anything was planned', () => {
    expect(nextReminderDay('2026-11-30', null, policy)).toBe('2026-11-16');
  });

  it('skips the days between the thresholds, whose reminder the dedupe key already holds', () => {
    expect(nextReminderDay('2026-11-30', '2026-11-16', policy)).toBe('2026-11-25');
    expect(nextReminderDay('2026-11-30', '2026-11-25', policy)).toBe('2026-11-30');
    // Between the thresholds remindersFor plans only the one already planned.
    expect(remindersFor(deadline('2026-11-30'), '2026-11-20', policy)[0]).toMatchObject({
      kind: 'upcoming',
      workingDays: 10,
    });
  });

  it('is every working day once the deadline is overdue', () => {
    expect(nextReminderDay('2026-11-30', '2026-11-30', policy)).toBe('2026-12-01');
    expect(nextReminderDay('2026-11-30', '2026-12-04', policy)).toBe('2026-12-07');
  });

  it('moves a due day on a closed day to the working day before, and the nag to the next working day', () => {
    // Due Saturday 2026-11-28: the due-day reminder is on Friday 27th, the first nag on Monday 30th.
    expect(nextReminderDay('2026-11-28', '2026-11-26', policy)).toBe('2026-11-27');
    expect(nextReminderDay('2026-11-28', '2026-11-27', policy)).toBe('2026-11-30');
  });
});
