import { createHash, randomBytes } from 'node:crypto';
import { SqlExecutor } from './engine';

export interface ApiTokenRow {
  id: string;
  municipality_id: string;
  name: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** Tokens carry 32 random bytes, so a plain SHA-256 is as strong as a slow hash and much cheaper. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const COLUMNS = 'id, municipality_id, name, scopes, created_at, last_used_at, revoked_at';

/**
 * API tokens of every municipality: a request names no municipality, its token does, so lookups by
 * token cross municipalities; everything else is asked for one municipality.
 */
export class ApiTokensRepo {
  constructor(private readonly db: SqlExecutor) {}

  /** Makes a token and returns it in clear text, the only time it exists outside the caller. */
  async create(
    municipalityId: string,
    name: string,
    scopes: string[],
    actor: string,
  ): Promise<{ row: ApiTokenRow; token: string }> {
    const token = `samspil_${randomBytes(32).toString('base64url')}`;
    const [row] = await this.db.query<ApiTokenRow>(
      `INSERT INTO api_tokens (municipality_id, name, token_hash, scopes) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [municipalityId, name, hashApiToken(token), scopes],
    );
    await this.db.query(
      `INSERT INTO audit_log (municipality_id, actor, action, entity, entity_id, details) VALUES ($1, $2, 'create', 'api_token', $3, $4)`,
      [municipalityId, actor, row!.id, { name, scopes }],
    );
    return { row: row!, token };
  }

  async list(municipalityId: string): Promise<ApiTokenRow[]> {
    return this.db.query<ApiTokenRow>(
      `SELECT ${COLUMNS} FROM api_tokens WHERE municipality_id = $1 ORDER BY created_at, name`,
      [municipalityId],
    );
  }

  /** False when the municipality has no such token (or it was revoked before). */
  async revoke(municipalityId: string, id: string, at: Date, actor: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE api_tokens SET revoked_at = $3
       WHERE municipality_id = $1 AND id::text = $2 AND revoked_at IS NULL RETURNING id`,
      [municipalityId, id, at],
    );
    if (!rows.length) return false;
    await this.db.query(
      `INSERT INTO audit_log (municipality_id, actor, action, entity, entity_id) VALUES ($1, $2, 'revoke', 'api_token', $3)`,
      [municipalityId, actor, id],
    );
    return true;
  }

  /** The live token a bearer value belongs to, or null (unknown, revoked). */
  async verify(token: string, at: Date): Promise<ApiTokenRow | null> {
    const [row] = await this.db.query<ApiTokenRow>(
      `UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [hashApiToken(token), at],
    );
    return row ?? null;
  }
}
