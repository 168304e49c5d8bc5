import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { StaffRow, TenantContext, Upserted } from './types';
import type { Role } from '../domain/roles';
import { cacheKeys, ReadCache } from './readCache';

export interface StaffInput {
  email: string;
  name: string;
  roles: Role[];
  profession?: string | null;
  unitId?: string | null;
}

export interface StaffSettings {
  locale?: string | null;
  reminderMode?: 'single' | 'digest';
  workingStart?: string | null;
  workingEnd?: string | null;
}

const SELECT = `SELECT s.*, u.name AS unit_name FROM staff s LEFT JOIN units u ON u.id = s.unit_id`;

export class StaffRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
    private readonly audit: AuditRepo,
    private readonly cache: ReadCache,
  ) {}

  /** Every write below changes what a turn would read of someone (src/store/readCache.ts). */
  private changed(): void {
    this.cache.drop(cacheKeys.staffOf(this.ctx.municipalityId));
  }

  async upsert(input: StaffInput): Promise<Upserted> {
    const [row] = await this.db.query<Upserted>(
      `INSERT INTO staff (municipality_id, email, name, roles, profession, unit_id)
       VALUES ($1, lower($2), $3, $4, $5, $6)
       ON CONFLICT (municipality_id, email) DO UPDATE
         SET name = EXCLUDED.name, roles = EXCLUDED.roles, profession = EXCLUDED.profession, unit_id = EXCLUDED.unit_id
       RETURNING id, (xmax = 0) AS inserted`,
      [
        this.ctx.municipalityId,
        input.email,
        input.name,
        input.roles,
        input.profession ?? null,
        input.unitId ?? null,
      ],
    );
    this.changed();
    await this.audit.write(row!.inserted ? 'create' : 'update', 'staff', row!.id, { email: input.email });
    return row!;
  }

  async setLeader(staffId: string, leaderId: string | null): Promise<void> {
    await this.db.query('UPDATE staff SET leader_id = $3 WHERE municipality_id = $1 AND id = $2', [
      this.ctx.municipalityId,
      staffId,
      leaderId,
    ]);
    this.changed();
    await this.audit.write('update', 'staff', staffId, { leaderId });
  }

  async get(id: string): Promise<StaffRow | null> {
    const rows = await this.db.query<StaffRow>(`${SELECT} WHERE s.municipality_id = $1 AND s.id = $2`, [
      this.ctx.municipalityId,
      id,
    ]);
    return rows[0] ?? null;
  }

  async byEmail(email: string): Promise<StaffRow | null> {
    const rows = await this.db.query<StaffRow>(
      `${SELECT} WHERE s.municipality_id = $1 AND s.email = lower($2)`,
      [this.ctx.municipalityId, email],
    );
    return rows[0] ?? null;
  }

  async byAadObjectId(aadObjectId: string): Promise<StaffRow | null> {
    const rows = await this.db.query<StaffRow>(
      `${SELECT} WHERE s.municipality_id = $1 AND s.aad_object_id = $2`,
      [this.ctx.municipalityId, aadObjectId],
    );
    return rows[0] ?? null;
  }

  /**
   * `byAadObjectId` as a Teams turn asks it: the row may be up to the cache's TTL old when another
   * process changed it (src/store/readCache.ts). An unknown id is not kept, so the first turn of a
   * newly linked person finds them at once.
   */
  async recentByAadObjectId(aadObjectId: string): Promise<StaffRow | null> {
    return this.cache.get(
      cacheKeys.staffByAad(this.ctx.municipalityId, aadObjectId),
      () => this.byAadObjectId(aadObjectId),
      (row) => row !== null,
    );
  }

  async linkAadObjectId(staffId: string, aadObjectId: string): Promise<void> {
    await this.db.query('UPDATE staff SET aad_object_id = $3 WHERE municipality_id = $1 AND id = $2', [
      this.ctx.municipalityId,
      staffId,
      aadObjectId,
    ]);
    this.changed();
    await this.audit.write('link', 'staff', staffId, { aadObjectId });
  }

  async updateSettings(staffId: string, s: StaffSettings): Promise<void> {
    await this.db.query(
      `UPDATE staff SET
         locale = CASE WHEN $3::boolean THEN $4 ELSE locale END,
         reminder_mode = COALESCE($5, reminder_mode),
         working_start = CASE WHEN $6::boolean THEN $7 ELSE working_start END,
         working_end = CASE WHEN $6::boolean THEN $8 ELSE working_end END
       WHERE municipality_id = $1 AND id = $2`,
      [
        this.ctx.municipalityId,
        staffId,
        s.locale !== undefined,
        s.locale ?? null,
        s.reminderMode ?? null,
        s.workingStart !== undefined || s.workingEnd !== undefined,
        s.workingStart ?? null,
        s.workingEnd ?? null,
      ],
    );
    this.changed();
    await this.audit.write('update', 'staff_settings', staffId, s);
  }

  /** The staff among `ids` (a planning pass needs only the recipients of what is due). */
  async byIds(ids: readonly string[]): Promise<StaffRow[]> {
    if (ids.length === 0) return [];
    return this.db.query<StaffRow>(`${SELECT} WHERE s.municipality_id = $1 AND s.id = ANY($2::uuid[])`, [
      this.ctx.municipalityId,
      ids,
    ]);
  }

  async list(): Promise<StaffRow[]> {
    return this.db.query<StaffRow>(`${SELECT} WHERE s.municipality_id = $1 ORDER BY s.name`, [
      this.ctx.municipalityId,
    ]);
  }

  async withRole(role: Role): Promise<StaffRow[]> {
    return this.db.query<StaffRow>(
      `${SELECT} WHERE s.municipality_id = $1 AND $2 = ANY(s.roles) ORDER BY s.name`,
      [this.ctx.municipalityId, role],
    );
  }
}
