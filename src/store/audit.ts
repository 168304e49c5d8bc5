import { SqlExecutor } from './engine';
import { AuditRow, TenantContext } from './types';

/*
 * The audit log records who did what to which entity, and when (docs/privacy.md "Audit and
 * insight"): facts such as ids, dates, counts and codes. What people wrote (a reason, a comment,
 * minutes, answers) stays in its own table, under that table's retention, and never here. The
 * keys that carry people's text in Samspil's records are refused by the type.
 */
type FreeTextKey = 'reason' | 'text' | 'comment' | 'note' | 'purpose' | 'theme' | 'answers' | 'place';
export type FactsOnly<D extends object> = D & { readonly [K in Extract<keyof D, FreeTextKey>]: never };

export class AuditRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
  ) {}

  async write<D extends object>(
    action: string,
    entity: string,
    entityId: string | null,
    details?: FactsOnly<D>,
  ): Promise<void> {
    await this.db.query(
      'INSERT INTO audit_log (municipality_id, actor, action, entity, entity_id, details) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        this.ctx.municipalityId,
        this.ctx.actor,
        action,
        entity,
        entityId,
        details === undefined ? null : details,
      ],
    );
  }

  /** Many entries in one statement (a set-based write logs each row it changed). */
  async writeMany<D extends object>(
    entries: readonly { action: string; entity: string; entityId: string | null; details?: FactsOnly<D> }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.db.query(
      `INSERT INTO audit_log (municipality_id, actor, action, entity, entity_id, details)
       SELECT $1, $2, x.action, x.entity, x.entity_id, x.details
       FROM jsonb_to_recordset($3::jsonb) AS x(action text, entity text, entity_id text, details jsonb)`,
      [
        this.ctx.municipalityId,
        this.ctx.actor,
        JSON.stringify(
          entries.map((e) => ({
            action: e.action,
            entity: e.entity,
            entity_id: e.entityId,
            details: e.details ?? null,
          })),
        ),
      ],
    );
  }

  /**
   * Entries in a period (inclusive local dates compared in UTC days), optionally about some entities
   * (a case, its measures and follow-ups) or by one actor, oldest first.
   */
  async search(q: {
    from: string;
    to: string;
    entityIds?: string[];
    actor?: string;
    limit?: number;
  }): Promise<AuditRow[]> {
    return this.db.query<AuditRow>(
      `SELECT at, actor, action, entity, entity_id, details FROM audit_log
       WHERE municipality_id = $1 AND at >= $2::date AND at < $3::date + 1
         AND ($4::text[] IS NULL OR entity_id = ANY($4::text[]))
         AND ($5::text IS NULL OR actor = $5 OR actor = 'staff:' || $5)
       ORDER BY id LIMIT $6`,
      [this.ctx.municipalityId, q.from, q.to, q.entityIds ?? null, q.actor ?? null, q.limit ?? 10_000],
    );
  }

  async list(limit = 100): Promise<AuditRow[]> {
    return this.db.query<AuditRow>(
      'SELECT at, actor, action, entity, entity_id, details FROM audit_log WHERE municipality_id = $1 ORDER BY id DESC LIMIT $2',
      [this.ctx.municipalityId, limit],
    );
  }
}
