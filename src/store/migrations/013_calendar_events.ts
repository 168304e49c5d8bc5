/**
 * A meeting's Outlook event, when its municipality has Microsoft Graph turned on (docs/graph.md):
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
`;
