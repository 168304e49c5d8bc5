import { SqlExecutor } from './engine';
import { MunicipalityRow } from './types';
import { INVALIDATE_DEADLINE } from './measuresRepo';
import { cacheKeys, ReadCache } from './readCache';

/** The tenant registry itself: the only table not scoped to one municipality. */
export class MunicipalitiesRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly cache: ReadCache,
  ) {}

  async create(row: MunicipalityRow): Promise<void> {
    await this.db.query(
      'INSERT INTO municipalities (id, name, tenant_id, settings) VALUES ($1, $2, $3, $4)',
      [row.id, row.name, row.tenant_id, row.settings],
    );
    await this.db.query(
      `INSERT INTO audit_log (municipality_id, actor, action, entity, entity_id) VALUES ($1, 'system', 'create', 'municipality', $1)`,
      [row.id],
    );
    this.cache.drop(cacheKeys.municipalities);
  }

  async get(id: string): Promise<MunicipalityRow | null> {
    const rows = await this.db.query<MunicipalityRow>(
      'SELECT id, name, tenant_id, settings FROM municipalities WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  async byTenant(tenantId: string): Promise<MunicipalityRow | null> {
    const rows = await this.db.query<MunicipalityRow>(
      'SELECT id, name, tenant_id, settings FROM municipalities WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0] ?? null;
  }

  /**
   * `byTenant` as a Teams turn asks it, settings included: up to the cache's TTL old when another
   * process changed it (src/store/readCache.ts).
   */
  async recentByTenant(tenantId: string): Promise<MunicipalityRow | null> {
    return this.cache.get(cacheKeys.municipalityByTenant(tenantId), () => this.byTenant(tenantId));
  }

  async list(): Promise<MunicipalityRow[]> {
    return this.db.query<MunicipalityRow>(
      'SELECT id, name, tenant_id, settings FROM municipalities ORDER BY id',
    );
  }

  async updateSettings(id: string, settings: Record<string, unknown>): Promise<void> {
    await this.db.query('UPDATE municipalities SET settings = $2 WHERE id = $1', [id, settings]);
    this.cache.drop(cacheKeys.municipalities);
    // Policy and reminder days decide every deadline: the next pass recomputes them all.
    await this.db.query(`UPDATE measures SET ${INVALIDATE_DEADLINE} WHERE municipality_id = $1`, [id]);
  }

  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM municipalities WHERE id = $1', [id]);
    this.cache.drop(''); // its staff and conversations went with it
  }
}
