import { SqlExecutor } from './engine';
import { CadenceRecord, LadderStepRow, TenantContext } from './types';
import type { InstitutionType } from '../domain/institutions';
import type { ParentAnswerForReport } from '../domain/keyFigures/parentAnswers';
import type { LocalDate } from '../domain/localDate';
import type { MeasureType } from '../domain/measures';

/**
 * Read-only queries behind the key figures. Every one filters on the municipality; `unitId` narrows
 * case data to the cases of advisers in one unit, `teamIds` narrows meeting data to those teams.
 * Nothing here returns who answered a questionnaire.
 */
export interface CaseScope {
  unitId?: string | null;
}
export interface TeamScope {
  teamIds?: readonly string[] | null;
}

export interface MeasureHistoryRow {
  case_id: string;
  measure_type: MeasureType;
  start: LocalDate;
  end: LocalDate | null;
  cadence: CadenceRecord | null;
  held: LocalDate[];
  investigation_end: LocalDate | null;
}

export interface ReportTeamRow {
  id: string;
  name: string;
  institution_type: InstitutionType;
}

export interface MeetingForReport {
  team_id: string;
  format: 'theme' | 'child';
  status: 'scheduled' | 'held' | 'cancelled';
  ends_at: Date;
}

export interface AnswerRow {
  team_id: string;
  form_id: string;
  profession: string | null;
  rating: string | null;
}

export class ReportQueries {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
  ) {}

  /**
   * Every measure (of open and closed cases) with all its held follow-ups, and the end of an
   * investigation on the same case that was running when the measure started (Barnets Lov § 95).
   * A measure ends at the latest when its case is closed.
   */
  async measureHistories(scope: CaseScope = {}): Promise<MeasureHistoryRow[]> {
    return this.db.query<MeasureHistoryRow>(
      `SELECT m.case_id, m.measure_type, m.start, LEAST(m."end", c.closed) AS "end", m.cadence,
              COALESCE(array_agg(f.held_on::text ORDER BY f.held_on) FILTER (WHERE f.id IS NOT NULL), '{}') AS held,
              (SELECT max(i."end") FROM measures i
                WHERE i.municipality_id = m.municipality_id AND i.case_id = m.case_id
                  AND i.measure_type = 'investigation' AND m.measure_type <> 'investigation'
                  AND i.start <= m.start AND i."end" >= m.start) AS investigation_end
       FROM measures m
       JOIN cases c ON c.id = m.case_id AND c.municipality_id = m.municipality_id
       LEFT JOIN staff s ON s.id = c.adviser_id
       LEFT JOIN followups f ON f.measure_id = m.id AND f.municipality_id = m.municipality_id
       WHERE m.municipality_id = $1 AND ($2::uuid IS NULL OR s.unit_id = $2)
       GROUP BY m.id, c.closed
       ORDER BY m.case_id, m.start`,
      [this.ctx.municipalityId, scope.unitId ?? null],
    );
  }

  /** Every dated ladder step on or before `until` of the cases in scope, per case oldest first. */
  async ladderSteps(until: LocalDate, scope: CaseScope = {}): Promise<LadderStepRow[]> {
    return this.db.query<LadderStepRow>(
      `SELECT l.case_id, l.from_date, l.step
       FROM ladder_steps l
       JOIN cases c ON c.id = l.case_id AND c.municipality_id = l.municipality_id
       LEFT JOIN staff s ON s.id = c.adviser_id
       WHERE l.municipality_id = $1 AND l.from_date <= $2 AND ($3::uuid IS NULL OR s.unit_id = $3)
       ORDER BY l.case_id, l.from_date`,
      [this.ctx.municipalityId, until, scope.unitId ?? null],
    );
  }

  /** Cases open on `on` (opened by then, not closed before) per active adviser; advisers with none count 0. */
  async caseloadOn(
    on: LocalDate,
    scope: CaseScope = {},
  ): Promise<{ adviser_id: string; adviser_name: string; unit: string | null; open_cases: number }[]> {
    return this.db.query(
      `SELECT s.id AS adviser_id, s.name AS adviser_name, u.name AS unit,
              count(c.id) FILTER (WHERE c.opened <= $2 AND (c.closed IS NULL OR c.closed > $2)) AS open_cases
       FROM staff s
       LEFT JOIN units u ON u.id = s.unit_id
       LEFT JOIN cases c ON c.adviser_id = s.id AND c.municipality_id = s.municipality_id
       WHERE s.municipality_id = $1 AND 'adviser' = ANY(s.roles) AND s.active
         AND ($3::uuid IS NULL OR s.unit_id = $3)
       GROUP BY s.id, s.name, u.name
       ORDER BY u.name NULLS LAST, s.name`,
      [this.ctx.municipalityId, on, scope.unitId ?? null],
    );
  }

  async teams(scope: TeamScope = {}): Promise<ReportTeamRow[]> {
    return this.db.query<ReportTeamRow>(
      `SELECT t.id, t.name, i.type AS institution_type
       FROM teams t JOIN institutions i ON i.id = t.institution_id AND i.municipality_id = t.municipality_id
       WHERE t.municipality_id = $1 AND ($2::uuid[] IS NULL OR t.id = ANY($2::uuid[]))
       ORDER BY t.name`,
      [this.ctx.municipalityId, scope.teamIds ? [...scope.teamIds] : null],
    );
  }

  /** Meetings dated in [from, to] of the teams in scope. */
  async meetings(from: LocalDate, to: LocalDate, scope: TeamScope = {}): Promise<MeetingForReport[]> {
    return this.db.query<MeetingForReport>(
      `SELECT team_id, format, status, ends_at FROM meetings
       WHERE municipality_id = $1 AND date >= $2 AND date <= $3
         AND ($4::uuid[] IS NULL OR team_id = ANY($4::uuid[]))`,
      [this.ctx.municipalityId, from, to, scope.teamIds ? [...scope.teamIds] : null],
    );
  }

  /**
   * Questionnaire answers to meetings dated in [from, to]: team, form, profession and rating only. A
   * parent's answer (on the parents' form, which asks no profession) counts as `parent`.
   */
  async answers(from: LocalDate, to: LocalDate, scope: TeamScope = {}): Promise<AnswerRow[]> {
    return this.db.query<AnswerRow>(
      `SELECT m.team_id, r.form_id,
         CASE WHEN r.on_behalf_of_parent THEN 'parent' ELSE r.answers->>'profession' END AS profession,
         r.answers->>'rating' AS rating
       FROM questionnaire_responses r
       JOIN meetings m ON m.id = r.meeting_id AND m.municipality_id = r.municipality_id
       WHERE r.municipality_id = $1 AND m.date >= $2 AND m.date <= $3
         AND ($4::uuid[] IS NULL OR m.team_id = ANY($4::uuid[]))`,
      [this.ctx.municipalityId, from, to, scope.teamIds ? [...scope.teamIds] : null],
    );
  }

  /** Parents' answers on the parents' form to meetings dated in [from, to]: team and the choices only. */
  async parentAnswers(
    from: LocalDate,
    to: LocalDate,
    scope: TeamScope = {},
  ): Promise<ParentAnswerForReport[]> {
    return this.db.query<ParentAnswerForReport>(
      `SELECT m.team_id AS "groupId", r.answers->>'heard' AS heard, r.answers->>'understood' AS understood,
         r.answers->>'next_steps' AS next_steps
       FROM questionnaire_responses r
       JOIN meetings m ON m.id = r.meeting_id AND m.municipality_id = r.municipality_id
       WHERE r.municipality_id = $1 AND r.on_behalf_of_parent AND r.form_id = 'parent'
         AND m.date >= $2 AND m.date <= $3 AND ($4::uuid[] IS NULL OR m.team_id = ANY($4::uuid[]))`,
      [this.ctx.municipalityId, from, to, scope.teamIds ? [...scope.teamIds] : null],
    );
  }

  /** The teams a staff member coordinates. */
  async coordinatedTeamIds(staffId: string): Promise<string[]> {
    const rows = await this.db.query<{ team_id: string }>(
      `SELECT tm.team_id FROM team_members tm JOIN teams t ON t.id = tm.team_id
       WHERE t.municipality_id = $1 AND tm.staff_id = $2 AND tm.is_coordinator`,
      [this.ctx.municipalityId, staffId],
    );
    return rows.map((r) => r.team_id);
  }

  async unitByName(name: string): Promise<{ id: string; name: string } | null> {
    const rows = await this.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM units WHERE municipality_id = $1 AND lower(name) = lower($2)',
      [this.ctx.municipalityId, name],
    );
    return rows[0] ?? null;
  }

  async unitName(id: string): Promise<string | null> {
    const rows = await this.db.query<{ name: string }>(
      'SELECT name FROM units WHERE municipality_id = $1 AND id = $2',
      [this.ctx.municipalityId, id],
    );
    return rows[0]?.name ?? null;
  }

  async teamByName(name: string): Promise<{ id: string; name: string } | null> {
    const rows = await this.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM teams WHERE municipality_id = $1 AND lower(name) = lower($2)',
      [this.ctx.municipalityId, name],
    );
    return rows[0] ?? null;
  }
}
