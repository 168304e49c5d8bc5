/**
 * A claim reads each municipality's due messages on its own (src/store/outboxRepo.ts `claim`), so
 * one municipality's morning of reminders cannot fill every claim while another's wait behind it
 * (docs/outbox.md "Sending never waits on one conversation"). This index serves that per-municipality
 * range in send order; it holds only the rows still to be sent.
 */
export default `
CREATE INDEX outbox_due ON outbox (municipality_id, not_before, id) WHERE status IN ('pending', 'sending');
`;
