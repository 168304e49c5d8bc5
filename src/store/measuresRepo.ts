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

/** A measure as the planner reads it: its deadline's inputs, where it stands, and who hears of it. */
export interface MeasureToPlan extends MeasureWithHistory {
  case_closed: LocalDate | null;
  deadline_rev: number;
}

/** What a pass learnt about one measure: its current due date and the next day to look at it. */
export interface PlannedMeasure {
  id: string;
  rev: number;
  nextDue: LocalDate | null;
  planOn: LocalDate | null;
}

/**
 * SET clause for every write that can change a measure's deadline: the planner looks at the row on
 * its next pass and recomputes it (migration 008). The revision guards against a pass in flight.
 */
export const INVALIDATE_DEADLINE = `plan_on = '-infinity', deadline_rev = measures.deadline_rev + 1`;

export interface FollowUpInput {
  measureId: string;
  heldOn: LocalDate;
  dueOn: LocalDate | null;
  childConversation: boolean;
}

/** Measures and the follow-ups held on them. */
/**
 * The measures the planner must look at on a day: one range scan of the plan_on index, so a pass
 * with nothing new reads nothing. Closed and unassigned cases come too, so the pass can park them.
 */
const TO_PLAN = `SELECT m.*, c.case_ref, c.child_initials, c.adviser_id, c.closed AS case_closed, s.leader_id,
        COALESCE((SELECT array_agg(f.held_on::text ORDER BY f.held_on) FROM followups f
                  WHERE f.measure_id = m.id), '{}') AS held
 FROM measures m
 JOIN cases c ON c.id = m.case_id
 LEFT JOIN staff s ON s.id = c.adviser_id
 WHERE m.municipality_id = $1 AND m.plan_on <= $2`;

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
       ON CONFLICT (case_id, measure_type, start) DO UPDATE SET "end" = EXCLUDED."end", ${INVALIDATE_DEADLINE}
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
    await this.db.query(
      `UPDATE measures SET cadence = $3, ${INVALIDATE_DEADLINE} WHERE municipality_id = $1 AND id = $2`,
      [this.ctx.municipalityId, measureId, cadence],
    );
    await this.audit.write('update', 'measure_cadence', measureId, {
      every: cadence.every,
      decidedOn: cadence.decidedOn,
    });
  }

  async setPostponement(measureId: string, to: LocalDate | null, reason: string | null): Promise<void> {
    await this.db.query(
      `UPDATE measures SET postponed_to = $3, postpone_reason = $4, ${INVALIDATE_DEADLINE}
       WHERE municipality_id = $1 AND id = $2`,
      [this.ctx.municipalityId, measureId, to, reason],
    );
    await this.audit.write('postpone', 'measure', measureId, { to });
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
      `UPDATE measures SET postponed_to = NULL, postpone_reason = NULL, ${INVALIDATE_DEADLINE}
       WHERE municipality_id = $1 AND id = $2`,
      [this.ctx.municipalityId, input.measureId],
    );
    await this.audit.write(row.inserted ? 'create' : 'update', 'followup', row.id, input);
    return row;
  }

  /**
   * Many follow-ups in set-based statements (an import): the same rules as `addFollowUp` — a
   * registration ends any postponement and resets the planner's look at the measure.
   */
  async addFollowUps(inputs: readonly FollowUpInput[], chunk = 1000): Promise<Upserted[]> {
    const out: Upserted[] = [];
    for (let i = 0; i < inputs.length; i += chunk) {
      const batch = inputs.slice(i, i + chunk);
      // The foreign key refuses a measure that does not exist; the municipality is checked here.
      const rows = await this.db.query<Upserted & { measure_id: string; held_on: LocalDate }>(
        `INSERT INTO followups (municipality_id, measure_id, held_on, due_on, child_conversation, registered_by)
         SELECT $1, x.measure_id, x.held_on, x.due_on, x.child, $3
         FROM jsonb_to_recordset($2::jsonb) AS x(measure_id uuid, held_on date, due_on date, child boolean)
         ON CONFLICT (measure_id, held_on) DO UPDATE SET child_conversation = EXCLUDED.child_conversation
         RETURNING id, measure_id, held_on, (xmax = 0) AS inserted`,
        [
          this.ctx.municipalityId,
          JSON.stringify(
            batch.map((f) => ({
              measure_id: f.measureId,
              held_on: f.heldOn,
              due_on: f.dueOn,
              child: f.childConversation,
            })),
          ),
          this.ctx.actor,
        ],
      );
      const byKey = new Map(batch.map((f) => [`${f.measureId}|${f.heldOn}`, f]));
      await this.audit.writeMany(
        rows.map((r) => ({
          action: r.inserted ? 'create' : 'update',
          entity: 'followup',
          entityId: r.id,
          details: byKey.get(`${r.measure_id}|${r.held_on}`),
        })),
      );
      out.push(...rows.map((r) => ({ id: r.id, inserted: r.inserted })));
    }
    const touched = await this.db.query(
      `UPDATE measures SET postponed_to = NULL, postpone_reason = NULL, ${INVALIDATE_DEADLINE}
       FROM unnest($2::uuid[]) AS x(id) WHERE measures.municipality_id = $1 AND measures.id = x.id
       RETURNING measures.id`,
      [this.ctx.municipalityId, [...new Set(inputs.map((f) => f.measureId))]],
    );
    if (touched.length !== new Set(inputs.map((f) => f.measureId)).size)
      throw new Error('A follow-up names a measure not in this municipality');
    return out;
  }

  /** Every measure of these cases (an import resolves its rows against them in memory). */
  async ofCases(caseIds: readonly string[]): Promise<MeasureRow[]> {
    if (caseIds.length === 0) return [];
    return this.db.query<MeasureRow>(
      `SELECT m.* FROM unnest($2::uuid[]) AS x(id) JOIN measures m ON m.case_id = x.id AND m.municipality_id = $1`,
      [this.ctx.municipalityId, caseIds],
    );
  }

  /** The held dates of these measures' follow-ups. */
  async heldOf(measureIds: readonly string[]): Promise<{ measure_id: string; held_on: LocalDate }[]> {
    if (measureIds.length === 0) return [];
    return this.db.query(
      `SELECT f.measure_id, f.held_on FROM unnest($2::uuid[]) AS x(id)
       JOIN followups f ON f.measure_id = x.id AND f.municipality_id = $1`,
      [this.ctx.municipalityId, measureIds],
    );
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

  /**
   * The measures the planner must look at on `today`: one range scan of the plan_on index, so a pass
   * with nothing new reads nothing. Closed and unassigned cases come too, so the pass can park them.
   */
  async toPlan(today: LocalDate): Promise<MeasureToPlan[]> {
    return this.db.query<MeasureToPlan>(TO_PLAN, [this.ctx.municipalityId, today]);
  }

  /**
   * At most `size` of `toPlan`'s rows, in no order. A pass takes one slice per transaction and moves
   * each row's `plan_on` past today before the next, so the next slice reads the rows not yet
   * planned (docs/performance.md "Planning costs what is due").
   */
  async toPlanSlice(today: LocalDate, size: number): Promise<MeasureToPlan[]> {
    return this.db.query<MeasureToPlan>(`${TO_PLAN} LIMIT $3`, [
      this.ctx.municipalityId,
      today,
      Math.max(1, Math.floor(size)),
    ]);
  }

  /**
   * Fresh statistics for the planning index after a pass moved many rows' `plan_on` (docs/
   * performance.md "Statistics"): estimates from before it (every row due, after an import) make
   * the next pass's one range query scan the whole table instead of the index.
   */
  async analyze(): Promise<void> {
    await this.db.query('ANALYZE measures');
  }

  /** Writes what a pass computed, in one statement; a row changed since it was read is left alone. */
  async setPlanned(rows: PlannedMeasure[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `UPDATE measures m SET next_due = x.next_due, plan_on = x.plan_on
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, rev integer, next_due date, plan_on date)
       WHERE m.municipality_id = $1 AND m.id = x.id AND m.deadline_rev = x.rev`,
      [
        this.ctx.municipalityId,
        JSON.stringify(rows.map((r) => ({ id: r.id, rev: r.rev, next_due: r.nextDue, plan_on: r.planOn }))),
      ],
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
