import { SqlExecutor } from './engine';
import type { MeetingRow } from './meetingsRepo';
import { TenantContext } from './types';

/** A meeting's Outlook event as last written (migration 013). */
export interface CalendarEventRow {
  meeting_id: string;
  organizer: string;
  event_id: string;
  join_url: string | null;
  synced_sequence: number;
  attendee_key: string;
  cancelled: boolean;
}

/** A meeting the calendar does not yet show as it is, with its event if it has one. */
export interface MeetingToSync {
  meeting: MeetingRow;
  event: CalendarEventRow | null;
  /** The participants' e-mails, lower case, sorted, comma-separated: compared with the event's. */
  attendeeKey: string;
}

const ATTENDEE_KEY = `(SELECT coalesce(string_agg(lower(s.email), ',' ORDER BY lower(s.email)), '')
  FROM meeting_participants p JOIN staff s ON s.id = p.staff_id WHERE p.meeting_id = m.id)`;

/** The Outlook events of a Graph municipality's meetings. Every query is bound to the caller's municipality. */
export class CalendarEventsRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
  ) {}

  /**
   * Meetings not yet over whose event is missing or out of date: created, moved (a higher
   * sequence), cancelled, or with other participants than the event has.
   */
  async toSync(now: Date): Promise<MeetingToSync[]> {
    const rows = await this.db.query<MeetingRow & { c: CalendarEventRow | null; attendee_key_now: string }>(
      `SELECT m.*, to_jsonb(c) AS c, ${ATTENDEE_KEY} AS attendee_key_now
       FROM meetings m LEFT JOIN calendar_events c ON c.meeting_id = m.id
       WHERE m.municipality_id = $1 AND m.ends_at > $2
         AND ((c.meeting_id IS NULL AND m.status = 'scheduled')
           OR (c.meeting_id IS NOT NULL AND NOT c.cancelled
               AND (m.status = 'cancelled' OR c.synced_sequence <> m.sequence OR c.attendee_key <> ${ATTENDEE_KEY})))
       ORDER BY m.starts_at`,
      [this.ctx.municipalityId, now],
    );
    return rows.map(({ c, attendee_key_now, ...meeting }) => ({
      meeting: meeting as MeetingRow,
      event: c,
      attendeeKey: attendee_key_now,
    }));
  }

  async get(meetingId: string): Promise<CalendarEventRow | null> {
    const rows = await this.db.query<CalendarEventRow>(
      `SELECT meeting_id, organizer, event_id, join_url, synced_sequence, attendee_key, cancelled
       FROM calendar_events WHERE municipality_id = $1 AND meeting_id = $2`,
      [this.ctx.municipalityId, meetingId],
    );
    return rows[0] ?? null;
  }

  /** The meeting an organiser's event belongs to (a change notification names the event). */
  async byEvent(organizer: string, eventId: string): Promise<CalendarEventRow | null> {
    const rows = await this.db.query<CalendarEventRow>(
      `SELECT meeting_id, organizer, event_id, join_url, synced_sequence, attendee_key, cancelled
       FROM calendar_events WHERE municipality_id = $1 AND lower(organizer) = lower($2) AND event_id = $3`,
      [this.ctx.municipalityId, organizer, eventId],
    );
    return rows[0] ?? null;
  }

  /** Mailboxes holding events of meetings not yet over: each needs a subscription. */
  async liveOrganizers(now: Date): Promise<string[]> {
    const rows = await this.db.query<{ organizer: string }>(
      `SELECT DISTINCT c.organizer FROM calendar_events c JOIN meetings m ON m.id = c.meeting_id
       WHERE c.municipality_id = $1 AND NOT c.cancelled AND m.ends_at > $2 ORDER BY c.organizer`,
      [this.ctx.municipalityId, now],
    );
    return rows.map((r) => r.organizer);
  }

  /**
   * Meetings starting between `from` and `to` that have an online link (the Teams link of their
   * event, or one the organiser gave), to find the meeting a Teams `meetingEnd` event is about.
   */
  async withJoinLinks(from: Date, to: Date): Promise<{ meeting_id: string; links: string[] }[]> {
    return this.db.query<{ meeting_id: string; links: string[] }>(
      `SELECT m.id AS meeting_id, array_remove(ARRAY[c.join_url, m.online_url], NULL) AS links
       FROM meetings m LEFT JOIN calendar_events c ON c.meeting_id = m.id
       WHERE m.municipality_id = $1 AND m.starts_at >= $2 AND m.starts_at <= $3
         AND (c.join_url IS NOT NULL OR m.online_url IS NOT NULL)
       ORDER BY m.starts_at DESC`,
      [this.ctx.municipalityId, from, to],
    );
  }

  /**
   * Records what the event now says. A new Teams link becomes the meeting's online link when the
   * organiser gave none, so cards and reminders show it like any other link.
   */
  async save(row: Omit<CalendarEventRow, 'cancelled'> & { cancelled?: boolean }): Promise<void> {
    await this.db.query(
      `INSERT INTO calendar_events (meeting_id, municipality_id, organizer, event_id, join_url, synced_sequence, attendee_key, cancelled)
       SELECT m.id, m.municipality_id, $3, $4, $5, $6, $7, $8 FROM meetings m WHERE m.municipality_id = $1 AND m.id = $2
       ON CONFLICT (meeting_id) DO UPDATE SET organizer = EXCLUDED.organizer, event_id = EXCLUDED.event_id,
         join_url = EXCLUDED.join_url, synced_sequence = EXCLUDED.synced_sequence,
         attendee_key = EXCLUDED.attendee_key, cancelled = EXCLUDED.cancelled, updated_at = now()`,
      [
        this.ctx.municipalityId,
        row.meeting_id,
        row.organizer,
        row.event_id,
        row.join_url,
        row.synced_sequence,
        row.attendee_key,
        row.cancelled ?? false,
      ],
    );
    if (row.join_url)
      await this.db.query(
        'UPDATE meetings SET online_url = $3 WHERE municipality_id = $1 AND id = $2 AND online_url IS NULL',
        [this.ctx.municipalityId, row.meeting_id, row.join_url],
      );
  }
}
