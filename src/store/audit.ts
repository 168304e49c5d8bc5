import { SqlExecutor } from './engine';
import { AuditRow, TenantContext } from './types';

export class AuditRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
  ) {}

  async write(action: string, entity: string, entityId: string | null, details?: unknown): Promise<void> {
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
  async writeMany(
    entries: readonly { action: string; entity: string; entityId: string | null; details?: unknown }[],
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

  async list(limit = 100): Promise<AuditRow[]> {
    return this.db.query<AuditRow>(
      'SELECT at, actor, action, entity, entity_id, details FROM audit_log WHERE municipality_id = $1 ORDER BY id DESC LIMIT $2',
      [this.ctx.municipalityId, limit],
    );
  }
}
