import { isSnoozed, snoozeSubject, snoozeUntil } from '../../src/domain/snooze';

/** docs/domain-rules.md, "Reminders": a user may snooze a single reminder with a reason. */
describe('snoozing a reminder', () => {
  it('counts working days: Friday + 1 is Monday', () => {
    expect(snoozeUntil('2026-11-27', 1, '2026-11-10')).toEqual({ until: '2026-11-30', clamped: false });
  });

  it('skips Danish holidays and closed days: 23 December + 1 is 28 December', () => {
    // 24 December (closed), 25–26 December (holidays), 27 December (Sunday).
    expect(snoozeUntil('2026-12-23', 1, '2026-12-01').until).toBe('2026-12-28');
  });

  it('never hides the due-day reminder of a deadline not yet due', () => {
    expect(snoozeUntil('2026-11-23', 5, '2026-11-25')).toEqual({ until: '2026-11-25', clamped: true });
    // Due on a Saturday: the due-day reminder goes out on the Friday before.
    expect(snoozeUntil('2026-11-23', 5, '2026-11-28')).toEqual({ until: '2026-11-27', clamped: true });
    expect(snoozeUntil('2026-11-23', 2, '2026-11-30')).toEqual({ until: '2026-11-25', clamped: false });
  });

  it('is not clamped once the deadline has passed (an overdue reminder may be snoozed the full time)', () => {
    expect(snoozeUntil('2026-11-23', 5, '2026-11-16')).toEqual({ until: '2026-11-30', clamped: false });
  });

  it('silences reminders up to the day before `until`', () => {
    expect(isSnoozed('2026-11-25', '2026-11-24')).toBe(true);
    expect(isSnoozed('2026-11-25', '2026-11-25')).toBe(false);
    expect(isSnoozed(undefined, '2026-11-24')).toBe(false);
  });

  it('names the deadline as the reminder keys do', () => {
    expect(snoozeSubject({ kind: 'followup', measureId: 'm-1', due: '2026-11-16' })).toBe(
      'followup:m-1:2026-11-16',
    );
  });
});
