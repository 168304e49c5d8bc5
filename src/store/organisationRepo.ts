import { SqlExecutor } from './engine';
import { AuditRepo } from './audit';
import { InstitutionRow, TenantContext, Upserted } from './types';

/** Units, institutions and cross-disciplinary teams: the municipality's organisation. */
export class OrganisationRepo {
  constructor(
    private readonly db: SqlExecutor,
    private readonly ctx: TenantContext,
    private readonly audit: AuditRepo,
  ) {}

  async ensureUnit(name: string): Promise<string> {
    const [row] = await this.db.query<Upserted>(
      `INSERT INTO units (municipality_id, name) VALUES ($1, $2)
       ON CONFLICT (municipality_id, name) DO UPDATE SET name = EXCLUDED.name
       RETURNING id, (xmax = 0) AS inserted`,
      [this.ctx.municipalityId, name],
    );
    if (row!.inserted) await this.audit.write('create', 'unit', row!.id, { name });
    return row!.id;
  }

  async units(): Promise<{ id: string; name: string }[]> {
    return this.db.query('SELECT id, name FROM units WHERE municipality_id = $1 ORDER BY name', [
      this.ctx.municipalityId,
    ]);
  }

  async upsertInstitution(
    name: string,
    type: InstitutionRow['type'],
    district: string | null,
  ): Promise<Upserted> {
    const [row] = await this.db.query<Upserted>(
      `INSERT INTO institutions (municipality_id, name, type, district) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id, name) DO UPDATE SET type = EXCLUDED.type, district = EXCLUDED.district
       RETURNING id, (xmax = 0) AS inserted`,
      [this.ctx.municipalityId, name, type, district],
    );
    await this.audit.write(row!.inserted ? 'create' : 'update', 'institution', row!.id, { name, type });
    return row!;
  }

  async upsertTeam(name: string, district: string, institutionId: string): Promise<Upserted> {
    const [row] = await this.db.query<Upserted>(
      `INSERT INTO teams (municipality_id, name, district, institution_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (municipality_id, name) DO UPDATE SET district = EXCLUDED.district, institution_id = EXCLUDED.institution_id
       RETURNING id, (xmax = 0) AS inserted`,
      [this.ctx.municipalityId, name, district, institutionId],
    );
    await this.audit.write(row!.inserted ? 'create' : 'update', 'team', row!.id, { name });
    return row!;
  }

  /** Replaces the team's membership; the team must belong to this municipality. */
  async setTeamMembers(teamId: string, members: { staffId: string; coordinator: boolean }[]): Promise<void> {
    const owned = await this.db.query('SELECT 1 FROM teams WHERE municipality_id = $1 AND id = $2', [
      this.ctx.municipalityId,
      teamId,
    ]);
    if (owned.length === 0) throw new Error(`No team ${teamId} in this municipality`);
    await this.db.query('DELETE FROM team_members WHERE team_id = $1', [teamId]);
    for (const m of members) {
      await this.db.query(
        `INSERT INTO team_members (team_id, staff_id, is_coordinator)
         SELECT $1, s.id, $3 FROM staff s WHERE s.municipality_id = $4 AND s.id = $2
         ON CONFLICT (team_id, staff_id) DO UPDATE SET is_coordinator = team_members.is_coordinator OR EXCLUDED.is_coordinator`,
        [teamId, m.staffId, m.coordinator, this.ctx.municipalityId],
      );
    }
    await this.audit.write('update', 'team_members', teamId, { count: members.length });
  }
}
