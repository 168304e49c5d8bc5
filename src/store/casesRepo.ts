import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { INVALIDATE_DEADLINE } from './measuresRepo';
import { CaseRow, FollowUpRow, LadderStepRow, MeasureRow, TenantContext, Upserted } from './types';
import type { LocalDate } from '../domain/localDate';

export interface CaseInput {
  caseRef: string;
  adviserId: string | null;
  opened: LocalDate;
  /** The child's step from `stepFrom` (default: the opening date); undefined leaves the history alone. */
  ladderStep?: number | null;
  childInitials: string | null;
  /**
   * The day the case was closed. Undefined keeps what is stored, so a re-import that does not name
   * a closing date never reopens a closed case; null reopens it.
   */
  closed?: LocalDate | null;
}

/** The case row with its current step: the latest entry of its ladder history. */
const CASE_COLUMNS = `c.id, c.municipality_id, c.case_ref, c.adviser_id, c.opened, c.closed, c.child_initials,
  (SELECT s.step FROM ladder_steps s WHERE s.case_id = c.id ORDER BY s.from_date DESC LIMIT 1) AS ladder_step`;

export interface CaseWithMeasures {
  case: CaseRow;
  adviser: { name: string; leader_id: string | null } | null;
  measures: { measure: MeasureRow; followUps: FollowUpRow[] }[];
}

export class CasesRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
    private readonly audit: AuditRepo,
  ) {}

  /** Creates or updates a case; a given ladder step goes into the dated history (seed 002 §3.2). */
  async upsert(input: CaseInput, stepFrom?: LocalDate): Promise<Upserted> {
    const [row] = await this.db.query<Upserted>(
      `INSERT INTO cases (municipality_id, case_ref, adviser_id, opened, child_initials, closed)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (municipality_id, case_ref) DO UPDATE
         SET adviser_id = EXCLUDED.adviser_id, opened = EXCLUDED.opened,
             child_initials = EXCLUDED.child_initials,
             closed = CASE WHEN $7::boolean THEN EXCLUDED.closed ELSE cases.closed END
       RETURNING id, (xmax = 0) AS inserted`,
      [
        this.ctx.municipalityId,
        input.caseRef,
        input.adviserId,
        input.opened,
        input.childInitials,
        input.closed ?? null,
        input.closed !== undefined,
      ],
    );
    // Closing, reopening or reassigning a case changes whether and to whom its deadlines are reminded.
    if (!row!.inserted) await this.invalidateDeadlines(row!.id);
    if (input.ladderStep !== undefined) {
      await this.setStep(row!.id, input.ladderStep, stepFrom ?? input.opened);
    }
    await this.audit.write(row!.inserted ? 'create' : 'update', 'case', row!.id, { caseRef: input.caseRef });
    return row!;
  }

  /**
   * The child is on `step` from `from` (null: off the ladder). Nothing is written when the history
   * already has the child there on that date, so re-importing the same file adds no rows.
   */
  async setStep(caseId: string, step: number | null, from: LocalDate): Promise<void> {
    if ((await this.stepOn(caseId, from)) === step) return;
    const written = await this.db.query(
      `INSERT INTO ladder_steps (municipality_id, case_id, from_date, step)
       SELECT $1, c.id, $3, $4 FROM cases c WHERE c.municipality_id = $1 AND c.id = $2
       ON CONFLICT (case_id, from_date) DO UPDATE SET step = EXCLUDED.step
       RETURNING case_id`,
      [this.ctx.municipalityId, caseId, from, step],
    );
    if (written.length === 0) throw new Error(`No case ${caseId} in this municipality`);
    await this.audit.write('update', 'case_ladder_step', caseId, { step, from });
  }

  /** The step the child was on at the end of `on` (null: not on the ladder). */
  async stepOn(caseId: string, on: LocalDate): Promise<number | null> {
    const rows = await this.db.query<{ step: number | null }>(
      `SELECT step FROM ladder_steps WHERE municipality_id = $1 AND case_id = $2 AND from_date <= $3
       ORDER BY from_date DESC LIMIT 1`,
      [this.ctx.municipalityId, caseId, on],
    );
    return rows[0]?.step ?? null;
  }

  /** A case's whole ladder history, oldest first. */
  async steps(caseId: string): Promise<LadderStepRow[]> {
    return this.db.query<LadderStepRow>(
      `SELECT case_id, from_date, step FROM ladder_steps WHERE municipality_id = $1 AND case_id = $2
       ORDER BY from_date`,
      [this.ctx.municipalityId, caseId],
    );
  }

  private async invalidateDeadlines(caseId: string): Promise<void> {
    await this.db.query(
      `UPDATE measures SET ${INVALIDATE_DEADLINE} WHERE municipality_id = $1 AND case_id = $2`,
      [this.ctx.municipalityId, caseId],
    );
  }

  /** The cases with these references, as id and opening date (an import resolves rows with them). */
  async idsByRefs(refs: readonly string[]): Promise<{ id: string; case_ref: string; opened: LocalDate }[]> {
    if (refs.length === 0) return [];
    return this.db.query(
      `SELECT c.id, c.case_ref, c.opened FROM unnest($2::text[]) AS x(ref)
       JOIN cases c ON c.municipality_id = $1 AND c.case_ref = x.ref`,
      [this.ctx.municipalityId, refs],
    );
  }

  async get(id: string): Promise<CaseRow | null> {
    const rows = await this.db.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.municipality_id = $1 AND c.id = $2`,
      [this.ctx.municipalityId, id],
    );
    return rows[0] ?? null;
  }

  /**
   * A case card's data in one query (docs/performance.md "A card press"): the case, its adviser's
   * name and leader (who may open it), and every measure with its follow-ups, oldest first. The
   * nested rows come as JSON, whose dates read as the same 'YYYY-MM-DD' text as a plain row.
   */
  async withMeasures(id: string): Promise<CaseWithMeasures | null> {
    const rows = await this.db.query<CaseRow & Omit<CaseWithMeasures, 'case'> & { adviser: unknown }>(
      `SELECT ${CASE_COLUMNS},
              CASE WHEN s.id IS NULL THEN NULL
                   ELSE json_build_object('name', s.name, 'leader_id', s.leader_id) END AS adviser,
              COALESCE((
                SELECT json_agg(json_build_object('measure', to_jsonb(m), 'followUps', COALESCE((
                         SELECT json_agg(json_build_object('id', f.id, 'measure_id', f.measure_id,
                                  'held_on', f.held_on, 'due_on', f.due_on,
                                  'child_conversation', f.child_conversation, 'registered_by', f.registered_by)
                                ORDER BY f.held_on)
                         FROM followups f WHERE f.measure_id = m.id), '[]'))
                       ORDER BY m.start, m.measure_type)
                FROM measures m WHERE m.municipality_id = c.municipality_id AND m.case_id = c.id), '[]') AS measures
       FROM cases c LEFT JOIN staff s ON s.municipality_id = c.municipality_id AND s.id = c.adviser_id
       WHERE c.municipality_id = $1 AND c.id = $2`,
      [this.ctx.municipalityId, id],
    );
    const row = rows[0];
    if (!row) return null;
    const { adviser, measures, ...c } = row;
    return { case: c, adviser: adviser as CaseWithMeasures['adviser'], measures };
  }

  async byRef(caseRef: string): Promise<CaseRow | null> {
    const rows = await this.db.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.municipality_id = $1 AND c.case_ref = $2`,
      [this.ctx.municipalityId, caseRef],
    );
    return rows[0] ?? null;
  }

  async list(opts: { adviserId?: string; openOnly?: boolean } = {}): Promise<CaseRow[]> {
    return this.db.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.municipality_id = $1
         AND ($2::uuid IS NULL OR c.adviser_id = $2) AND (NOT $3::boolean OR c.closed IS NULL)
       ORDER BY c.case_ref`,
      [this.ctx.municipalityId, opts.adviserId ?? null, opts.openOnly ?? false],
    );
  }
}
