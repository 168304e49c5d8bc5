import { SqlEngine } from './engine';
import { MIGRATIONS } from './migrations';

/** An arbitrary constant so concurrent instances starting on one PostgreSQL migrate one at a time. */
const MIGRATION_LOCK_KEY = 741_520_026;

export async function migrate(db: SqlEngine): Promise<string[]> {
  const { applied, fresh } = await applyMigrations(db);
  // New columns and indexes over existing rows have no statistics until analysed, and PGlite never
  // analyses by itself. A fresh database has nothing to analyse yet.
  if (applied.length && !fresh) await analyzeTables(db);
  return applied;
}

/** ANALYZE of Samspil's own tables (a bare ANALYZE would also walk the system catalogs). */
export async function analyzeTables(db: SqlEngine): Promise<void> {
  const tables = await db.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = current_schema()`,
  );
  if (tables.length) await db.query(`ANALYZE ${tables.map((t) => t.name).join(', ')}`);
}

function applyMigrations(db: SqlEngine): Promise<{ applied: string[]; fresh: boolean }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ id: string }>('SELECT id FROM schema_migrations')).map((r) => r.id),
    );
    const applied: string[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.id)) continue;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
      applied.push(m.id);
    }
    return { applied, fresh: done.size === 0 };
  });
}

/** Migrations hold no functions or quoted semicolons, so splitting on ';' at line end is safe. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}
