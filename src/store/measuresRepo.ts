import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { CadenceRecord, FollowUpRow, MeasureRow, TenantContext, Upserted } from './types';
import type { LocalDate } from '../domain/localDate';
import type { MeasureType } from '../domain/measures';

export interface MeasureInput {
  caseId: string;
  measureType: MeasureType;
  start: LocalDate;
  end: LocalDate | null;
}

export interface MeasureWithHistory extends MeasureRow {
  case_ref: string;
  child_initials: string | null;
  adviser_id: string;
  leader_id: string | null;
  held: LocalDate[];
}

export interface FollowUpInput {
  measureId: string;
  heldOn: LocalDate;
  dueOn: LocalDate | null;
  childConversation: boolean;
}

/** Measures and the follow-ups held on them. */
export class MeasuresRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
    private readonly audit: AuditRepo,
  ) {}

  async upsert(input: MeasureInput): Promise<Upserted> {
    const [row] = await this.db.query<Upserted>(
      `INSERT INTO measures (municipality_id, case_id, measure_type, start, "end")
       SELECT $1, c.id, $3, $4, $5 FROM cases c WHERE c.municipality_id = $1 AND c.id = $2
       ON CONFLICT (case_id, measure_type, start) DO UPDATE SET "end" = EXCLUDED."end"
       RETURNING id, (xmax = 0) AS inserted`,
      [this.ctx.municipalityId, input.caseId, input.measureType, input.start, input.end],
    );
    if (!row) throw new Error(`No case ${input.caseId} in this municipality`);
    await this.audit.write(row.inserted ? 'create' : 'update', 'measure', row.id, input);
    return row;
  }

  async get(id: string): Promise<MeasureRow | null> {
    const rows = await this.db.query<MeasureRow>(
      'SELECT * FROM measures WHERE municipality_id = $1 AND id = $2',
      [this.ctx.municipalityId, id],
    );
    return rows[0] ?? null;
  }

  async forCase(caseId: string): Promise<MeasureRow[]> {
    return this.db.query<MeasureRow>(
      'SELECT * FROM measures WHERE municipality_id = $1 AND case_id = $2 ORDER BY start, measure_type',
      [this.ctx.municipalityId, caseId],
    );
  }

  /** The measure of this type that was running on `on` (the latest started on or before it). */
  async runningOn(caseId: string, measureType: MeasureType, on: LocalDate): Promise<MeasureRow | null> {
    const rows = await this.db.query<MeasureRow>(
      `SELECT * FROM measures WHERE municipality_id = $1 AND case_id = $2 AND measure_type = $3 AND start <= $4
       ORDER BY start DESC LIMIT 1`,
      [this.ctx.municipalityId, caseId, measureType, on],
    );
    return rows[0] ?? null;
  }

  async setCadence(measureId: string, cadence: CadenceRecord): Promise<void> {
    await this.db.query('UPDATE measures SET cadence = $3 WHERE municipality_id = $1 AND id = $2', [
      this.ctx.municipalityId,
      measureId,
      cadence,
    ]);
    await this.audit.write('update', 'measure_cadence', measureId, cadence);
  }

  async setPostponement(measureId: string, to: LocalDate | null, reason: string | null): Promise<void> {
    await this.db.query(
      'UPDATE measures SET postponed_to = $3, postpone_reason = $4 WHERE municipality_id = $1 AND id = $2',
      [this.ctx.municipalityId, measureId, to, reason],
    );
    await this.audit.write('postpone', 'measure', measureId, { to, reason });
  }

  async addFollowUp(input: FollowUpInput): Promise<Upserted> {
    const [row] = await this.db.query<Upserted>(
      `INSERT INTO followups (municipality_id, measure_id, held_on, due_on, child_conversation, registered_by)
       SELECT $1, m.id, $3, $4, $5, $6 FROM measures m WHERE m.municipality_id = $1 AND m.id = $2
       ON CONFLICT (measure_id, held_on) DO UPDATE SET child_conversation = EXCLUDED.child_conversation
       RETURNING id, (xmax = 0) AS inserted`,
      [
        this.ctx.municipalityId,
        input.measureId,
        input.heldOn,
        input.dueOn,
        input.childConversation,
        this.ctx.actor,
      ],
    );
    if (!row) throw new Error(`No measure ${input.measureId} in this municipality`);
    // A registered follow-up ends any postponement: the next due date is computed afresh.
    await this.db.query(
      'UPDATE measures SET postponed_to = NULL, postpone_reason = NULL WHERE municipality_id = $1 AND id = $2',
      [this.ctx.municipalityId, input.measureId],
    );
    await this.audit.write(row.inserted ? 'create' : 'update', 'followup', row.id, input);
    return row;
  }

  async followUps(measureId: string): Promise<FollowUpRow[]> {
    return this.db.query<FollowUpRow>(
      `SELECT f.id, f.measure_id, f.held_on, f.due_on, f.child_conversation, f.registered_by
       FROM followups f WHERE f.municipality_id = $1 AND f.measure_id = $2 ORDER BY f.held_on`,
      [this.ctx.municipalityId, measureId],
    );
  }

  /** Every follow-up held in the period with its measure's type, for key figures. */
  async followUpsHeld(
    from: LocalDate,
    to: LocalDate,
  ): Promise<(FollowUpRow & { measure_type: MeasureType; case_id: string })[]> {
    return this.db.query(
      `SELECT f.id, f.measure_id, f.held_on, f.due_on, f.child_conversation, f.registered_by, m.measure_type, m.case_id
       FROM followups f JOIN measures m ON m.id = f.measure_id
       WHERE f.municipality_id = $1 AND f.held_on >= $2 AND f.held_on <= $3 ORDER BY f.held_on`,
      [this.ctx.municipalityId, from, to],
    );
  }

  /**
   * Every measure of every open case (optionally one adviser's) with its held follow-up dates and the
   * adviser's leader, in one query: the scheduler reads the whole municipality on every pass.
   */
  async openWithHistory(adviserId?: string): Promise<MeasureWithHistory[]> {
    return this.withHistoryWhere('($2::uuid IS NULL OR c.adviser_id = $2)', adviserId ?? null);
  }

  /** One measure of an open case with its history, as openWithHistory reads it; null otherwise. */
  async openOneWithHistory(measureId: string): Promise<MeasureWithHistory | null> {
    const [row] = await this.withHistoryWhere('m.id = $2', measureId);
    return row ?? null;
  }

  private async withHistoryWhere(where: string, param: string | null): Promise<MeasureWithHistory[]> {
    return this.db.query<MeasureWithHistory>(
      `SELECT m.*, c.case_ref, c.child_initials, c.adviser_id, s.leader_id,
              COALESCE(array_agg(f.held_on::text ORDER BY f.held_on) FILTER (WHERE f.id IS NOT NULL), '{}') AS held
       FROM measures m
       JOIN cases c ON c.id = m.case_id AND c.closed IS NULL AND c.adviser_id IS NOT NULL
       LEFT JOIN staff s ON s.id = c.adviser_id
       LEFT JOIN followups f ON f.measure_id = m.id
       WHERE m.municipality_id = $1 AND ${where}
       GROUP BY m.id, c.id, s.leader_id`,
      [this.ctx.municipalityId, param],
    );
  }

  async countAll(): Promise<{ measures: number; followups: number }> {
    const [row] = await this.db.query<{ measures: number; followups: number }>(
      `SELECT (SELECT count(*) FROM measures WHERE municipality_id = $1) AS measures,
              (SELECT count(*) FROM followups WHERE municipality_id = $1) AS followups`,
      [this.ctx.municipalityId],
    );
    return row!;
  }
}
