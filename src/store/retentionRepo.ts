import { SqlExecutor } from './engine';
import type { LocalDate } from '../domain/localDate';
import type { TenantContext } from './types';

/** What one retention run removes, by kind; counts only, never content (docs/privacy.md). */
export interface RetentionCounts {
  cases: number;
  measures: number;
  followups: number;
  ladderHistory: number;
  snoozes: number;
  meetings: number;
  participants: number;
  minutes: number;
  agreements: number;
  questionnaireResponses: number;
  outbox: number;
  auditEntries: number;
}

/**
 * Deletes what a municipality may no longer keep: cases closed before the cut-off with everything
 * hanging off them, meetings held before it with their minutes, agreements and answers, and outbox
 * rows about either (or finished before it). Counted first, then deleted, in the caller's
 * transaction, so a dry run can roll it all back and report exactly what would go.
 */
export class RetentionRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
  ) {}

  private async count(sql: string, params: unknown[]): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(sql, params);
    return Number(row?.n ?? 0);
  }

  /** Audit entries written before `before`; their own rule, apart from the data they are about. */
  async deleteAuditBefore(before: Date): Promise<number> {
    const rows = await this.db.query<{ id: string }>(
      'DELETE FROM audit_log WHERE municipality_id = $1 AND at < $2 RETURNING id',
      [this.ctx.municipalityId, before],
    );
    return rows.length;
  }

  async deleteBefore(cutoff: LocalDate, cutoffInstant: Date): Promise<Omit<RetentionCounts, 'auditEntries'>> {
    const mid = this.ctx.municipalityId;
    const cases = (
      await this.db.query<{ id: string }>(
        'SELECT id FROM cases WHERE municipality_id = $1 AND closed IS NOT NULL AND closed < $2',
        [mid, cutoff],
      )
    ).map((r) => r.id);
    const measures = (
      await this.db.query<{ id: string }>(
        'SELECT id FROM measures WHERE municipality_id = $1 AND case_id = ANY($2::uuid[])',
        [mid, cases],
      )
    ).map((r) => r.id);
    const meetings = (
      await this.db.query<{ id: string }>(
        'SELECT id FROM meetings WHERE municipality_id = $1 AND date < $2',
        [mid, cutoff],
      )
    ).map((r) => r.id);
    // Reminder keys and snooze subjects name the measure or meeting as their second part.
    const subjects = [...measures, ...meetings];
    const outboxWhere = `municipality_id = $1 AND (split_part(dedupe_key, ':', 2) = ANY($2::text[])
      OR (status IN ('sent', 'cancelled', 'parked') AND created_at < $3))`;
    const counts: Omit<RetentionCounts, 'auditEntries'> = {
      cases: cases.length,
      measures: measures.length,
      followups: await this.count('SELECT count(*) AS n FROM followups WHERE measure_id = ANY($1::uuid[])', [
        measures,
      ]),
      ladderHistory: await this.count(
        'SELECT count(*) AS n FROM ladder_steps WHERE case_id = ANY($1::uuid[])',
        [cases],
      ),
      snoozes: await this.count(
        "SELECT count(*) AS n FROM reminder_snoozes WHERE municipality_id = $1 AND split_part(subject, ':', 2) = ANY($2::text[])",
        [mid, measures],
      ),
      meetings: meetings.length,
      participants: await this.count(
        'SELECT count(*) AS n FROM meeting_participants WHERE meeting_id = ANY($1::uuid[])',
        [meetings],
      ),
      minutes: await this.count(
        'SELECT count(*) AS n FROM meeting_minutes WHERE meeting_id = ANY($1::uuid[])',
        [meetings],
      ),
      agreements: await this.count(
        'SELECT count(*) AS n FROM agreements WHERE meeting_id = ANY($1::uuid[])',
        [meetings],
      ),
      questionnaireResponses: await this.count(
        'SELECT count(*) AS n FROM questionnaire_responses WHERE meeting_id = ANY($1::uuid[])',
        [meetings],
      ),
      outbox: await this.count(`SELECT count(*) AS n FROM outbox WHERE ${outboxWhere}`, [
        mid,
        subjects,
        cutoffInstant,
      ]),
    };
    await this.db.query(`DELETE FROM outbox WHERE ${outboxWhere}`, [mid, subjects, cutoffInstant]);
    await this.db.query(
      "DELETE FROM reminder_snoozes WHERE municipality_id = $1 AND split_part(subject, ':', 2) = ANY($2::text[])",
      [mid, measures],
    );
    // Measures, follow-ups and ladder history go with their case; participants, minutes,
    // agreements and answers with their meeting (ON DELETE CASCADE).
    await this.db.query('DELETE FROM cases WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [
      mid,
      cases,
    ]);
    await this.db.query('DELETE FROM meetings WHERE municipality_id = $1 AND id = ANY($2::uuid[])', [
      mid,
      meetings,
    ]);
    return counts;
  }
}
