/**
 * Change-notification subscriptions beside the meetings' events (013_calendar_events), for
 * municipalities that turned Graph on (docs/graph.md); for any other municipality it stays empty.
 */
export default `
-- A change-notification subscription on one organiser's events (RSVPs given in Outlook); renewed
-- before it expires. client_state is the secret each notification must carry.
CREATE TABLE graph_subscriptions (
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  mailbox text NOT NULL,
  subscription_id text NOT NULL UNIQUE,
  client_state text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, mailbox)
);

`;
