/**
 * Microsoft Graph state of a municipality that turned Graph on (docs/graph.md); for any other
 * municipality these tables stay empty.
 *
 * calendar_events: a meeting's Outlook event, when its municipality has Microsoft Graph turned on (docs/graph.md):
 * which mailbox holds it, its id and Teams join link, and what it last said (sequence and the
 * attendees' e-mails), so the calendar pass sends only what changed. A row exists only for Graph
 * municipalities; without Graph the table stays empty.
 */
export default `
CREATE TABLE calendar_events (
  meeting_id uuid PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  organizer text NOT NULL,
  event_id text NOT NULL,
  join_url text,
  synced_sequence integer NOT NULL,
  attendee_key text NOT NULL,
  cancelled boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

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

-- Where a delta query (directory groups and users, calendar views) continues from.
CREATE TABLE graph_delta_links (
  municipality_id text NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
  name text NOT NULL,
  delta_link text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, name)
);
`;
