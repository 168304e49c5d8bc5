import { agreementReminderDate } from '../../../src/domain/meetings/agreementReminder';

describe('an SoS agreement is reminded on its due date', () => {
  it('on the due date when it is a working day', () => {
    expect(agreementReminderDate('2026-12-01')).toBe('2026-12-01');
  });
  it('on the working day before a weekend or holiday due date', () => {
    expect(agreementReminderDate('2026-12-05')).toBe('2026-12-04'); // Saturday → Friday
    expect(agreementReminderDate('2026-12-25')).toBe('2026-12-23'); // Juledag → 23 Dec (24 Dec closed)
    expect(agreementReminderDate('2027-03-29')).toBe('2027-03-24'); // 2. påskedag → before skærtorsdag
  });
});
