import { PGlite } from '@electric-sql/pglite';
import { SqlEngine, SqlExecutor, sharedParsers } from '../engine';

/**
 * Memory of the embedded engine (docs/performance.md "Memory"). Its buffer cache lives in the
 * process's WebAssembly heap, which only grows: PostgreSQL's default of 128 MB made it most of a
 * server's RSS. The data folder's files sit in the operating system's page cache anyway, so a
 * smaller cache costs little; maintenance work (index builds, ANALYZE) gets a smaller budget too.
 */
export const PGLITE_SETTINGS = ['shared_buffers=32MB', 'maintenance_work_mem=16MB'];

/** The embedded default: PostgreSQL compiled to WebAssembly, persisted in a data folder. */
export async function openPglite(dataDir: string | undefined): Promise<SqlEngine> {
  const db = new PGlite(dataDir, { postgresqlconf: PGLITE_SETTINGS });
  await db.waitReady;
  const wrap = (q: Pick<PGlite, 'query'>): SqlExecutor => ({
    async query<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      // Per query: PGlite 0.5 ignores constructor-level parsers for some types (date).
      const res = await q.query<T>(text, params as unknown[], { parsers: sharedParsers });
      return res.rows;
    },
  });
  const base = wrap(db);
  return {
    kind: 'pglite',
    query: base.query,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    exec: async (script) => {
      await db.exec(script);
    },
    close: () => db.close(),
  };
}
