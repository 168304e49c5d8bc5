import { Deadline, remindersFor } from '../../src/domain/reminders';
import { deadlineSubject, outboxKeys } from '../../src/outbox/keys';

const policy = { daysBefore: [10, 3], escalateAfterWorkingDays: 5 };
const deadline = (due: string): Deadline => ({
  kind: 'followup',
  measureId: 'm1',
  caseId: 'c1',
  caseRef: 'FJ-0001',
  due,
  adviserId: 'adviser',
  leaderId: 'leader',
});
const keyOn = (d: Deadline, today: string, i = 0) =>
  outboxKeys.reminder(remindersFor(d, today, policy)[i]!, today);

describe('outbox keys: one builder for what a message is, what it is about and how new it is', () => {
  const d = deadline('2026-11-27'); // a Friday

  it('makes a reminder unique per recipient, deadline and kind; the overdue nag once a day', () => {
    expect(keyOn(d, '2026-11-16').key).toBe(keyOn(d, '2026-11-17').key);
    expect(keyOn(d, '2026-11-16').key).toBe('followup:m1:2026-11-27:upcoming-10:adviser');
    expect(keyOn(d, '2026-11-30').key).not.toBe(keyOn(d, '2026-12-01').key);
    expect(keyOn(d, '2026-12-04', 1).key).toBe(keyOn(d, '2026-12-07', 1).key); // escalated once
  });

  it('gives every reminder about a deadline its subject, and a later day a higher version', () => {
    const early = keyOn(d, '2026-11-16');
    const later = keyOn(d, '2026-11-24');
    expect(early.subject).toBe(deadlineSubject(d));
    expect(later.subject).toBe(early.subject);
    expect(later.version).toBeGreaterThan(early.version);
  });

  it('makes a new due date (after registration or postponement) a new subject', () => {
    expect(keyOn(deadline('2027-01-08'), '2026-12-22').subject).not.toBe(keyOn(d, '2026-11-16').subject);
  });

  it("versions a meeting's messages by its sequence, the cancellation and the in-place replacement apart", () => {
    const v1 = outboxKeys.meetingInvitation('mt', 's', 1, { cancelled: false });
    const v2 = outboxKeys.meetingInvitation('mt', 's', 2, { cancelled: true });
    const v2r = outboxKeys.meetingInvitation('mt', 's', 2, { cancelled: true, replace: true });
    expect([v1.key, v2.key, v2r.key]).toEqual([
      'meeting-invite:mt:s:1',
      'meeting-invite:mt:s:cancel:2',
      'meeting-invite:mt:s:cancel:2:replace',
    ]);
    expect(new Set([v1.subject, v2.subject, v2r.subject]).size).toBe(1);
    expect(v2.version).toBeGreaterThan(v1.version);
    expect(v2r.version).toBe(v2.version);
  });

  it("lets today's digest supersede an older one", () => {
    const mon = outboxKeys.digest('s', '2026-11-23');
    const tue = outboxKeys.digest('s', '2026-11-24');
    expect(tue.subject).toBe(mon.subject);
    expect(tue.version).toBeGreaterThan(mon.version);
  });

  it('escapes a separator inside a part, so two different messages can never share a key', () => {
    const a = outboxKeys.questionnaire('a:b', 'c');
    const b = outboxKeys.questionnaire('a', 'b:c');
    expect(a.key).not.toBe(b.key);
    expect(a.key).toBe('questionnaire:a%3Ab:c');
  });
});
