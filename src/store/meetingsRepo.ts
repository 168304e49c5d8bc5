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
  child_takes_part: boolean;
  sequence: number;
  organizer_staff_id: string | null;
  previous_meeting_id: string | null;
  created_by: string;
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
}
