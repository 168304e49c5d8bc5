import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { TenantContext } from './types';

/** A team with what meeting planning needs: institution type and the usual slot. */
export interface MeetingTeamRow {
  id: string;
  name: string;
  district: string;
  institution_name: string;
  institution_type: 'daycare' | 'primary_school' | 'lower_secondary_school';
  meeting_weekday: number | null;
  meeting_start: string | null;
  meeting_minutes: number | null;
}

export interface TeamMemberRow {
  staff_id: string;
  name: string;
  email: string;
  profession: string | null;
  is_coordinator: boolean;
  active: boolean;
}

const TEAM_SELECT = `SELECT t.id, t.name, t.district, i.name AS institution_name, i.type AS institution_type,
  t.meeting_weekday, t.meeting_start, t.meeting_minutes
  FROM teams t JOIN institutions i ON i.id = t.institution_id`;

/** The cross-disciplinary teams as meetings see them: their slot, members and linked channel. */
export class TeamsRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
    private readonly audit: AuditRepo,
  ) {}

  async list(): Promise<MeetingTeamRow[]> {
    return this.db.query<MeetingTeamRow>(`${TEAM_SELECT} WHERE t.municipality_id = $1 ORDER BY t.name`, [
      this.ctx.municipalityId,
    ]);
  }

  async get(teamId: string): Promise<MeetingTeamRow | null> {
    const rows = await this.db.query<MeetingTeamRow>(
      `${TEAM_SELECT} WHERE t.municipality_id = $1 AND t.id = $2`,
      [this.ctx.municipalityId, teamId],
    );
    return rows[0] ?? null;
  }

  /** A team by its name, ignoring case and surrounding spaces (as typed in `tilknyt <team>`). */
  async byName(name: string): Promise<MeetingTeamRow | null> {
    const rows = await this.db.query<MeetingTeamRow>(
      `${TEAM_SELECT} WHERE t.municipality_id = $1 AND lower(t.name) = lower($2)`,
      [this.ctx.municipalityId, name.trim()],
    );
    return rows[0] ?? null;
  }

  /** The teams a staff member belongs to, coordinator or member. */
  async of(staffId: string): Promise<(MeetingTeamRow & { is_coordinator: boolean })[]> {
    return this.db.query<MeetingTeamRow & { is_coordinator: boolean }>(
      `${TEAM_SELECT.replace('SELECT ', 'SELECT tm.is_coordinator, ')} JOIN team_members tm ON tm.team_id = t.id
       WHERE t.municipality_id = $1 AND tm.staff_id = $2 ORDER BY t.name`,
      [this.ctx.municipalityId, staffId],
    );
  }

  async members(teamId: string): Promise<TeamMemberRow[]> {
    return this.db.query<TeamMemberRow>(
      `SELECT s.id AS staff_id, s.name, s.email, s.profession, tm.is_coordinator, s.active
       FROM team_members tm JOIN teams t ON t.id = tm.team_id JOIN staff s ON s.id = tm.staff_id
       WHERE t.municipality_id = $1 AND tm.team_id = $2 ORDER BY tm.is_coordinator DESC, s.name`,
      [this.ctx.municipalityId, teamId],
    );
  }

  /** The usual slot the year plan proposes dates on (ISO weekday 1–5, 'HH:mm', minutes). */
  async setSlot(teamId: string, weekday: number, start: string, minutes: number): Promise<void> {
    await this.db.query(
      `UPDATE teams SET meeting_weekday = $3, meeting_start = $4, meeting_minutes = $5
       WHERE municipality_id = $1 AND id = $2`,
      [this.ctx.municipalityId, teamId, weekday, start, minutes],
    );
    await this.audit.write('update', 'team_slot', teamId, { weekday, start, minutes });
  }

  /** The conversation id of the team's linked channel, if one is linked and alive. */
  async channel(teamId: string): Promise<string | null> {
    const rows = await this.db.query<{ conversation_id: string }>(
      `SELECT conversation_id FROM conversation_refs
       WHERE municipality_id = $1 AND team_id = $2 AND kind = 'channel' AND NOT dead
       ORDER BY updated_at DESC LIMIT 1`,
      [this.ctx.municipalityId, teamId],
    );
    return rows[0]?.conversation_id ?? null;
  }

  /** The team a channel is linked to. */
  async byChannel(conversationId: string): Promise<MeetingTeamRow | null> {
    const rows = await this.db.query<MeetingTeamRow>(
      `${TEAM_SELECT} JOIN conversation_refs c ON c.team_id = t.id AND c.municipality_id = t.municipality_id
       WHERE t.municipality_id = $1 AND c.conversation_id = $2`,
      [this.ctx.municipalityId, conversationId],
    );
    return rows[0] ?? null;
  }
}
