import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { INVALIDATE_DEADLINE } from './measuresRepo';
import { CaseRow, LadderMoveRow, TenantContext, Upserted } from './types';
import type { LocalDate } from '../domain/localDate';

export interface CaseInput {
  caseRef: string;
  adviserId: string | null;
  opened: LocalDate;
  ladderStep: number | null;
  childInitials: string | null;
  closed?: LocalDate | null;
}

export class CasesRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
    private readonly audit: AuditRepo,
  ) {}

  /**
   * Creates or updates a case. A changed ladder step is recorded as a move (dated `movedOn`, default
   * the opening date for a new case) so movements can be counted per period (seed 002 §3.2).
   */
  async upsert(input: CaseInput, movedOn?: LocalDate): Promise<Upserted> {
    const before = await this.byRef(input.caseRef);
    const [row] = await this.db.query<Upserted>(
      `INSERT INTO cases (municipality_id, case_ref, adviser_id, opened, ladder_step, child_initials, closed)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (municipality_id, case_ref) DO UPDATE
         SET adviser_id = EXCLUDED.adviser_id, opened = EXCLUDED.opened, ladder_step = EXCLUDED.ladder_step,
             child_initials = EXCLUDED.child_initials, closed = EXCLUDED.closed
       RETURNING id, (xmax = 0) AS inserted`,
      [
        this.ctx.municipalityId,
        input.caseRef,
        input.adviserId,
        input.opened,
        input.ladderStep,
        input.childInitials,
        input.closed ?? null,
      ],
    );
    // Closing, reopening or reassigning a case changes whether and to whom its deadlines are reminded.
    if (!row!.inserted) await this.invalidateDeadlines(row!.id);
    const fromStep = before?.ladder_step ?? null;
    if (!before || fromStep !== input.ladderStep) {
      if (before || input.ladderStep !== null) {
        await this.recordMove(row!.id, movedOn ?? input.opened, fromStep, input.ladderStep);
      }
    }
    await this.audit.write(row!.inserted ? 'create' : 'update', 'case', row!.id, { caseRef: input.caseRef });
    return row!;
  }

  async changeStep(caseId: string, toStep: number | null, movedOn: LocalDate): Promise<void> {
    const current = await this.get(caseId);
    if (!current) throw new Error(`No case ${caseId} in this municipality`);
    if (current.ladder_step === toStep) return;
    await this.db.query('UPDATE cases SET ladder_step = $3 WHERE municipality_id = $1 AND id = $2', [
      this.ctx.municipalityId,
      caseId,
      toStep,
    ]);
    await this.recordMove(caseId, movedOn, current.ladder_step, toStep);
    await this.audit.write('update', 'case', caseId, { ladderStep: toStep });
  }

  private async recordMove(caseId: string, movedOn: LocalDate, from: number | null, to: number | null) {
    await this.db.query(
      'INSERT INTO ladder_moves (municipality_id, case_id, moved_on, from_step, to_step) VALUES ($1, $2, $3, $4, $5)',
      [this.ctx.municipalityId, caseId, movedOn, from, to],
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
    const rows = await this.db.query<CaseRow>('SELECT * FROM cases WHERE municipality_id = $1 AND id = $2', [
      this.ctx.municipalityId,
      id,
    ]);
    return rows[0] ?? null;
  }

  async byRef(caseRef: string): Promise<CaseRow | null> {
    const rows = await this.db.query<CaseRow>(
      'SELECT * FROM cases WHERE municipality_id = $1 AND case_ref = $2',
      [this.ctx.municipalityId, caseRef],
    );
    return rows[0] ?? null;
  }

  async list(opts: { adviserId?: string; openOnly?: boolean } = {}): Promise<CaseRow[]> {
    return this.db.query<CaseRow>(
      `SELECT * FROM cases WHERE municipality_id = $1
         AND ($2::uuid IS NULL OR adviser_id = $2) AND (NOT $3::boolean OR closed IS NULL)
       ORDER BY case_ref`,
      [this.ctx.municipalityId, opts.adviserId ?? null, opts.openOnly ?? false],
    );
  }

  async ladderMoves(from: LocalDate, to: LocalDate): Promise<LadderMoveRow[]> {
    return this.db.query<LadderMoveRow>(
      `SELECT case_id, moved_on, from_step, to_step FROM ladder_moves
       WHERE municipality_id = $1 AND moved_on > $2 AND moved_on <= $3 ORDER BY moved_on`,
      [this.ctx.municipalityId, from, to],
    );
  }

  /** Open cases per adviser (active advisers with no cases count as 0). */
  async caseload(): Promise<
    { adviser_id: string; adviser_name: string; unit: string | null; open_cases: number }[]
  > {
    return this.db.query(
      `SELECT s.id AS adviser_id, s.name AS adviser_name, u.name AS unit,
              count(c.id) FILTER (WHERE c.closed IS NULL) AS open_cases
       FROM staff s
       LEFT JOIN units u ON u.id = s.unit_id
       LEFT JOIN cases c ON c.adviser_id = s.id AND c.municipality_id = s.municipality_id
       WHERE s.municipality_id = $1 AND 'adviser' = ANY(s.roles) AND s.active
       GROUP BY s.id, s.name, u.name
       ORDER BY s.name`,
      [this.ctx.municipalityId],
    );
  }
}
