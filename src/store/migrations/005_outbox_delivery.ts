/**
 * Outbox delivery under faults and on many instances (docs/outbox.md):
 * - `subject` + `version`: what a message is about and how new it is. A newer version of a subject
 *   for the same recipient supersedes an older one not yet sent (a moved meeting, today's digest),
 *   so planning never cancels and re-inserts another instance's rows.
 * - `lease_token`: fencing. Every claim gets a fresh token and every mark checks it, so a sender
 *   whose lease ran out (and whose row another instance claimed) cannot settle the row.
 * - `expires_at`: a message waiting for its recipient's first conversation is dropped once it is
 *   no longer current (a meeting reminder after the meeting).
 * - statuses `waiting` (no conversation with the recipient yet), `superseded` and `expired`.
 */
export default `
ALTER TABLE outbox ADD COLUMN subject text;
ALTER TABLE outbox ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN lease_token uuid;
ALTER TABLE outbox ADD COLUMN expires_at timestamptz;
UPDATE outbox SET subject = dedupe_key;
ALTER TABLE outbox ALTER COLUMN subject SET NOT NULL;
ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN
  ('pending', 'sending', 'sent', 'parked', 'cancelled', 'waiting', 'superseded', 'expired'));
CREATE INDEX outbox_subject ON outbox (municipality_id, subject);
CREATE INDEX outbox_waiting ON outbox (recipient_staff_id) WHERE status = 'waiting';
`;
