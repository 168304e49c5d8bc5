import { PGlite } from '@electric-sql/pglite';
import { SqlEngine, SqlExecutor, sharedParsers } from '../engine';

/** The embedded default: PostgreSQL compiled to WebAssembly, persisted in a data folder. */
export async function openPglite(dataDir: string | undefined): Promise<SqlEngine> {
  const db = new PGlite(dataDir);
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
