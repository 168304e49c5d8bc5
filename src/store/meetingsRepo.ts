import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { TenantContext } from './types';
import type { LocalDate } from '../domain/localDate';

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';
export type MeetingFormatId = 'theme' | 'child';

export interface MeetingRow {
  id: string;
  municipality_id: string;
  team_id: string;
  format: MeetingFormatId;
  status: MeetingStatus;
  date: LocalDate;
  start_time: string;
  end_time: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
  theme: string | null;
  child_reference: string | null;
  purpose: string | null;
  parents_take_part: boolean;
  /** How many parents' answers the meeting's link takes (0 when no parents take part). */
  parents_expected: number;
  child_takes_part: boolean;
  sequence: number;
  organizer_staff_id: string | null;
  previous_meeting_id: string | null;
  created_by: string;
  /** The sequence participants were last told about (NULL: not yet invited). */
  notified_sequence: number | null;
  /** Why it was cancelled, in the canceller's words for the participants (NULL: none given). */
  cancel_reason: string | null;
  /** When and where the meeting was before its latest move (NULL: never moved). */
  moved_from: MeetingPlace | null;
}

/** When and where a meeting takes place. */
export interface MeetingPlace {
  date: LocalDate;
  start_time: string;
  end_time: string;
  place: string | null;
  online_url: string | null;
}

/** What a move changes; the rest of the meeting stays. */
export interface MeetingMove {
  date: LocalDate;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
}

export interface ParticipantRow {
  meeting_id: string;
  staff_id: string;
  name: string;
  email: string;
  profession: string | null;
  rsvp: 'yes' | 'no' | null;
  attended: boolean | null;
}

export interface NewMeeting {
  teamId: string;
  format: MeetingFormatId;
  date: LocalDate;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
  place?: string | null;
  onlineUrl?: string | null;
  theme?: string | null;
  childReference?: string | null;
  purpose?: string | null;
  parentsTakePart?: boolean;
  childTakesPart?: boolean;
  organizerStaffId?: string | null;
  previousMeetingId?: string | null;
  participantIds: string[];
}

/** Team meetings and their participants. Every query is bound to the caller's municipality. */
export class MeetingsRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
    private readonly audit: AuditRepo,
  ) {}

  async create(m: NewMeeting): Promise<MeetingRow> {
    const [row] = await this.db.query<MeetingRow>(
      `INSERT INTO meetings (municipality_id, team_id, format, date, start_time, end_time, starts_at, ends_at,
         place, online_url, theme, child_reference, purpose, parents_take_part, child_takes_part,
         organizer_staff_id, previous_meeting_id, created_by)
       SELECT $1, t.id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18
       FROM teams t WHERE t.municipality_id = $1 AND t.id = $2
       RETURNING *`,
      [
        this.ctx.municipalityId,
        m.teamId,
        m.format,
        m.date,
        m.startTime,
        m.endTime,
        m.startsAt,
        m.endsAt,
        m.place ?? null,
        m.onlineUrl ?? null,
        m.theme ?? null,
        m.childReference ?? null,
        m.purpose ?? null,
        m.parentsTakePart ?? false,
        m.childTakesPart ?? false,
        m.organizerStaffId ?? null,
        m.previousMeetingId ?? null,
        this.ctx.actor,
      ],
    );
    if (!row) throw new Error(`No team ${m.teamId} in this municipality`);
    await this.addParticipants(row.id, m.participantIds);
    await this.audit.write('create', 'meeting', row.id, { teamId: m.teamId, format: m.format, date: m.date });
    return row;
  }

  /** Adds staff of this municipality as participants; unknown or foreign ids are ignored. */
  async addParticipants(meetingId: string, staffIds: readonly string[]): Promise<void> {
    if (staffIds.length === 0) return;
    await this.db.query(
      `INSERT INTO meeting_participants (meeting_id, staff_id)
       SELECT m.id, s.id FROM meetings m JOIN staff s ON s.municipality_id = m.municipality_id
       WHERE m.municipality_id = $1 AND m.id = $2 AND s.id = ANY($3::uuid[])
       ON CONFLICT DO NOTHING`,
      [this.ctx.municipalityId, meetingId, [...staffIds]],
    );
    // Someone new must be invited too: the invitation pass looks at this marker (keys keep it once).
    await this.db.query(
      'UPDATE meetings SET notified_sequence = NULL WHERE municipality_id = $1 AND id = $2',
      [this.ctx.municipalityId, meetingId],
    );
  }

  async get(id: string): Promise<MeetingRow | null> {
    const rows = await this.db.query<MeetingRow>(
      'SELECT * FROM meetings WHERE municipality_id = $1 AND id = $2',
      [this.ctx.municipalityId, id],
    );
    return rows[0] ?? null;
  }

  /** A team's meetings from `from` to `to` (inclusive), cancelled ones too, in date order. */
  async forTeam(teamId: string, from: LocalDate, to: LocalDate): Promise<MeetingRow[]> {
    return this.db.query<MeetingRow>(
      `SELECT * FROM meetings WHERE municipality_id = $1 AND team_id = $2 AND date >= $3 AND date <= $4
       ORDER BY starts_at`,
      [this.ctx.municipalityId, teamId, from, to],
    );
  }

  /**
   * Moves a meeting (new time and place); SEQUENCE goes up by one so calendars take the update,
   * and the answers are cleared because they were given for the old time. Only a scheduled meeting
   * moves; `expectedSequence` refuses a change made from an out-of-date card.
   */
  async move(id: string, m: MeetingMove, expectedSequence: number): Promise<MeetingRow | null> {
    const [row] = await this.db.query<MeetingRow>(
      `UPDATE meetings SET date = $4, start_time = $5, end_time = $6, starts_at = $7, ends_at = $8,
         place = $9, online_url = $10, sequence = sequence + 1, updated_at = now(),
         moved_from = jsonb_build_object('date', to_char(date, 'YYYY-MM-DD'), 'start_time', start_time,
           'end_time', end_time, 'place', place, 'online_url', online_url)
       WHERE municipality_id = $1 AND id = $2 AND sequence = $3 AND status = 'scheduled'
       RETURNING *`,
      [
        this.ctx.municipalityId,
        id,
        expectedSequence,
        m.date,
        m.startTime,
        m.endTime,
        m.startsAt,
        m.endsAt,
        m.place,
        m.onlineUrl,
      ],
    );
    if (!row) return null;
    await this.db.query('UPDATE meeting_participants SET rsvp = NULL, rsvp_at = NULL WHERE meeting_id = $1', [
      id,
    ]);
    await this.audit.write('move', 'meeting', id, {
      date: m.date,
      start: m.startTime,
      sequence: row.sequence,
    });
    return row;
  }

  /** Calls a scheduled meeting off; SEQUENCE goes up so the cancelling .ics supersedes the invitation. */
  async cancel(
    id: string,
    expectedSequence: number,
    reason: string | null = null,
  ): Promise<MeetingRow | null> {
    const [row] = await this.db.query<MeetingRow>(
      `UPDATE meetings SET status = 'cancelled', sequence = sequence + 1, updated_at = now(), cancel_reason = $4
       WHERE municipality_id = $1 AND id = $2 AND sequence = $3 AND status = 'scheduled'
       RETURNING *`,
      [this.ctx.municipalityId, id, expectedSequence, reason],
    );
    if (row) await this.audit.write('cancel', 'meeting', id, { sequence: row.sequence });
    return row ?? null;
  }

  /** A participant's answer to the invitation; false when they are not a participant. */
  async setRsvp(meetingId: string, staffId: string, rsvp: 'yes' | 'no', at: Date): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE meeting_participants p SET rsvp = $4, rsvp_at = $5
       FROM meetings m WHERE m.id = p.meeting_id AND m.municipality_id = $1 AND p.meeting_id = $2 AND p.staff_id = $3
       RETURNING p.staff_id`,
      [this.ctx.municipalityId, meetingId, staffId, rsvp, at],
    );
    if (rows.length === 0) return false;
    await this.audit.write('rsvp', 'meeting', meetingId, { staffId, rsvp });
    return true;
  }

  /** Meetings whose participants have not been told about their current version, from `from` on. */
  async unnotified(from: LocalDate): Promise<MeetingRow[]> {
    return this.db.query<MeetingRow>(
      `SELECT * FROM meetings WHERE municipality_id = $1 AND date >= $2
         AND (notified_sequence IS NULL OR notified_sequence <> sequence)
       ORDER BY team_id, starts_at`,
      [this.ctx.municipalityId, from],
    );
  }

  async markNotified(id: string, sequence: number): Promise<void> {
    // Never lowered: a pass that read an older version must not make a newer one be planned again.
    await this.db.query(
      'UPDATE meetings SET notified_sequence = GREATEST(notified_sequence, $3) WHERE municipality_id = $1 AND id = $2',
      [this.ctx.municipalityId, id, sequence],
    );
  }

  /** Scheduled meetings of the municipality on the dates from `from` to `to` (inclusive). */
  async scheduledBetween(from: LocalDate, to: LocalDate): Promise<MeetingRow[]> {
    return this.db.query<MeetingRow>(
      `SELECT * FROM meetings WHERE municipality_id = $1 AND status = 'scheduled' AND date >= $2 AND date <= $3
       ORDER BY starts_at`,
      [this.ctx.municipalityId, from, to],
    );
  }

  async participants(meetingId: string): Promise<ParticipantRow[]> {
    return this.db.query<ParticipantRow>(
      `SELECT p.meeting_id, p.staff_id, s.name, s.email, s.profession, p.rsvp, p.attended
       FROM meeting_participants p
       JOIN meetings m ON m.id = p.meeting_id
       JOIN staff s ON s.id = p.staff_id
       WHERE m.municipality_id = $1 AND p.meeting_id = $2
       ORDER BY s.name`,
      [this.ctx.municipalityId, meetingId],
    );
  }

  /** Meetings (not cancelled) that ended after `from` and at or before `to` — the after-meeting passes. */
  async endedBetween(from: Date, to: Date): Promise<MeetingRow[]> {
    return this.db.query<MeetingRow>(
      `SELECT * FROM meetings WHERE municipality_id = $1 AND status <> 'cancelled' AND ends_at > $2 AND ends_at <= $3
       ORDER BY ends_at`,
      [this.ctx.municipalityId, from, to],
    );
  }

  /** scheduled → held once the meeting has ended; false if it already was (or was cancelled). */
  async markHeld(id: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE meetings SET status = 'held', updated_at = now()
       WHERE municipality_id = $1 AND id = $2 AND status = 'scheduled' RETURNING id`,
      [this.ctx.municipalityId, id],
    );
    if (rows.length === 0) return false;
    await this.audit.write('held', 'meeting', id);
    return true;
  }

  /** The coordinator marks a participant present (true) or absent (false). */
  async setAttended(meetingId: string, staffId: string, attended: boolean): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE meeting_participants p SET attended = $4
       FROM meetings m WHERE m.id = p.meeting_id AND m.municipality_id = $1 AND p.meeting_id = $2 AND p.staff_id = $3
       RETURNING p.staff_id`,
      [this.ctx.municipalityId, meetingId, staffId, attended],
    );
    if (rows.length === 0) return false;
    await this.audit.write('attendance', 'meeting', meetingId, { staffId, attended });
    return true;
  }
}
