/**
 * Snoozed reminders (docs/domain-rules.md, "Reminders"): who silenced the reminders about which deadline
 * (its kind, measure and due date), until which day, and why. A new due date is a new subject, so a
 * snooze never outlives the deadline it was given for.
 */
export default `
CREATE TABLE reminder_snoozes (
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  staff_id uuid NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
  subject text NOT NULL,
  until date NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, staff_id, subject)
);
CREATE INDEX reminder_snoozes_until ON reminder_snoozes (municipality_id, until);
`;
