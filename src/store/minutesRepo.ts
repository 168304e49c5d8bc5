import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { TenantContext } from './types';
import type { LocalDate } from '../domain/localDate';
import { agreementOwner } from '../domain/meetings/minutes';

export interface MinutesRow {
  meeting_id: string;
  resources: string;
  challenges: string;
  goals: string;
  next_meeting_date: LocalDate | null;
  next_meeting_id: string | null;
  child_ruler_level: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface AgreementRow {
  id: string;
  meeting_id: string;
  text: string;
  /** Null when a role owns it (owner_role). */
  owner_staff_id: string | null;
  owner_name: string | null;
  /** `parent`, `family` or a role as written in the minutes; null for a staff owner. */
  owner_role: string | null;
  due: LocalDate;
  done_on: LocalDate | null;
}

export interface NewMinutes {
  meetingId: string;
  resources: string;
  challenges: string;
  goals: string;
  nextMeetingDate: LocalDate | null;
  childRulerLevel: string | null;
  agreements: { text: string; ownerId: string; due: LocalDate }[];
  recordedAt: Date;
}

const AGREEMENT_SELECT = `SELECT a.id, a.meeting_id, a.text, a.owner_staff_id, s.name AS owner_name, a.owner_role,
    a.due, a.done_on
  FROM agreements a LEFT JOIN staff s ON s.id = a.owner_staff_id`;

/** Signs of Safety minutes of child meetings and their agreements. */
export class MinutesRepo {
  constructor(
    readonly db: SqlExecutor,
    readonly ctx: TenantContext,
    readonly audit: AuditRepo,
  ) {}

  async get(meetingId: string): Promise<MinutesRow | null> {
    const rows = await this.db.query<MinutesRow>(
      `SELECT meeting_id, resources, challenges, goals, next_meeting_date, next_meeting_id, child_ruler_level,
         recorded_by, recorded_at
       FROM meeting_minutes WHERE municipality_id = $1 AND meeting_id = $2`,
      [this.ctx.municipalityId, meetingId],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores the minutes and their agreements. Null when the meeting already has minutes: they are
   * written once, so a second press of a spent card changes nothing. Owners must be staff of this
   * municipality (the foreign key and the join below keep another municipality's ids out).
   */
  async save(m: NewMinutes): Promise<MinutesRow | null> {
    const [row] = await this.db.query<MinutesRow>(
      `INSERT INTO meeting_minutes (meeting_id, municipality_id, resources, challenges, goals, next_meeting_date,
         child_ruler_level, recorded_by, recorded_at)
       SELECT m.id, m.municipality_id, $3, $4, $5, $6, $7, $8, $9
       FROM meetings m WHERE m.municipality_id = $1 AND m.id = $2
       ON CONFLICT (meeting_id) DO NOTHING
       RETURNING meeting_id, resources, challenges, goals, next_meeting_date, next_meeting_id, child_ruler_level,
         recorded_by, recorded_at`,
      [
        this.ctx.municipalityId,
        m.meetingId,
        m.resources,
        m.challenges,
        m.goals,
        m.nextMeetingDate,
        m.childRulerLevel,
        this.ctx.actor,
        m.recordedAt,
      ],
    );
    if (!row) return null;
    for (const a of m.agreements) {
      const owner = agreementOwner(a.ownerId);
      if (owner.kind === 'role') {
        await this.db.query(
          `INSERT INTO agreements (municipality_id, meeting_id, text, owner_role, due) VALUES ($1, $2, $3, $4, $5)`,
          [this.ctx.municipalityId, m.meetingId, a.text, owner.role, a.due],
        );
        continue;
      }
      const inserted = await this.db.query(
        `INSERT INTO agreements (municipality_id, meeting_id, text, owner_staff_id, due)
         SELECT $1, $2, $3, s.id, $5 FROM staff s WHERE s.municipality_id = $1 AND s.id = $4
         RETURNING id`,
        [this.ctx.municipalityId, m.meetingId, a.text, owner.staffId, a.due],
      );
      if (inserted.length === 0) throw new Error(`No staff ${a.ownerId} in this municipality`);
    }
    await this.audit.write('create', 'meeting_minutes', m.meetingId, {
      agreements: m.agreements.length,
      nextMeetingDate: m.nextMeetingDate,
    });
    return row;
  }

  async setNextMeeting(meetingId: string, nextMeetingId: string): Promise<void> {
    await this.db.query(
      'UPDATE meeting_minutes SET next_meeting_id = $3 WHERE municipality_id = $1 AND meeting_id = $2',
      [this.ctx.municipalityId, meetingId, nextMeetingId],
    );
  }

  async agreements(meetingId: string): Promise<AgreementRow[]> {
    return this.db.query<AgreementRow>(
      `${AGREEMENT_SELECT} WHERE a.municipality_id = $1 AND a.meeting_id = $2 ORDER BY a.due, a.id`,
      [this.ctx.municipalityId, meetingId],
    );
  }

  async agreement(id: string): Promise<AgreementRow | null> {
    const rows = await this.db.query<AgreementRow>(
      `${AGREEMENT_SELECT} WHERE a.municipality_id = $1 AND a.id = $2`,
      [this.ctx.municipalityId, id],
    );
    return rows[0] ?? null;
  }

  /**
   * Open agreements of a staff owner due from `from` to `to` (inclusive), for the reminder pass. A
   * role's agreement (a parent, the family) is never reminded: it is followed up at the next meeting.
   */
  async openAgreementsDue(from: LocalDate, to: LocalDate): Promise<AgreementRow[]> {
    return this.db.query<AgreementRow>(
      `${AGREEMENT_SELECT} WHERE a.municipality_id = $1 AND a.done_on IS NULL AND a.owner_staff_id IS NOT NULL
         AND a.due >= $2 AND a.due <= $3
       ORDER BY a.due, a.id`,
      [this.ctx.municipalityId, from, to],
    );
  }

  /** The agreements of a meeting that a role owns, for the coordinator to follow up at the next meeting. */
  async roleAgreements(meetingId: string): Promise<AgreementRow[]> {
    return this.db.query<AgreementRow>(
      `${AGREEMENT_SELECT} WHERE a.municipality_id = $1 AND a.meeting_id = $2 AND a.owner_role IS NOT NULL
       ORDER BY a.due, a.id`,
      [this.ctx.municipalityId, meetingId],
    );
  }

  /** Marks an agreement done; false if it already was (a second press changes nothing). */
  async markDone(id: string, on: LocalDate): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE agreements SET done_on = $3 WHERE municipality_id = $1 AND id = $2 AND done_on IS NULL RETURNING id`,
      [this.ctx.municipalityId, id, on],
    );
    if (rows.length === 0) return false;
    await this.audit.write('done', 'agreement', id, { on });
    return true;
  }
}
