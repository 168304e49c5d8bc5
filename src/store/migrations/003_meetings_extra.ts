/**
 * Which version of a meeting its participants (and the team's channel) have been told
 * about. The invitation pass plans messages for every meeting whose sequence is ahead of this, so a
 * meeting made by any code path (a card, a year plan, the next meeting from SoS minutes) is
 * announced on the next tick, and a change or cancellation is announced once.
 */
export default `
ALTER TABLE meetings ADD COLUMN notified_sequence integer;
CREATE INDEX meetings_unnotified ON meetings (municipality_id, date)
  WHERE notified_sequence IS NULL OR notified_sequence <> sequence;
`;
