import { SqlExecutor } from './engine';
import { TenantContext } from './types';
import type { LocalDate } from '../domain/localDate';

/** An arbitrary constant: the first half of the advisory lock key of a municipality's planning pass. */
const PLANNING_LOCK_SPACE = 741_520_027;

/** How instances share the planning of one municipality (docs/performance.md). */
export class PlanningRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
  ) {}

  /**
   * Inside a transaction: true for the one instance that may plan this municipality now. The lock
   * ends with the transaction, so a crashed instance never holds it; another one simply skips.
   */
  async tryLock(): Promise<boolean> {
    const [row] = await this.db.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS ok',
      [PLANNING_LOCK_SPACE, this.ctx.municipalityId],
    );
    return row?.ok === true;
  }

  /** True the first time `mark` is set for `day` (once-a-day work such as the digest). */
  async markOnce(mark: string, day: LocalDate): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO planning_marks (municipality_id, mark, day) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING day`,
      [this.ctx.municipalityId, mark, day],
    );
    return rows.length === 1;
  }

  /** Whether `mark` has been set for `day`. */
  async isMarked(mark: string, day: LocalDate): Promise<boolean> {
    const rows = await this.db.query(
      'SELECT 1 FROM planning_marks WHERE municipality_id = $1 AND mark = $2 AND day = $3',
      [this.ctx.municipalityId, mark, day],
    );
    return rows.length === 1;
  }
}
