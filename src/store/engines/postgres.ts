import { Pool, PoolClient, types as pgTypes } from 'pg';
import { SqlEngine, SqlExecutor, sharedParsers } from '../engine';

const typeParser = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const custom = sharedParsers[oid];
    if (custom && format !== 'binary') return custom;
    return pgTypes.getTypeParser(oid, format ?? 'text');
  },
} as typeof pgTypes;

/**
 * Samspil's statements are short and indexed; PostgreSQL's JIT compiles any whose estimate is large
 * (a stale estimate is enough) and spent 150 ms compiling a planning query that then read no rows
 * (docs/performance.md "Statistics"). It is switched off in the connection's start-up options,
 * after any the URL already sets (a search_path, say).
 */
export function withoutJit(url: string): string {
  const u = new URL(url);
  const given = u.searchParams.get('options');
  u.searchParams.set('options', `${given ? `${given} ` : ''}-c jit=off`);
  return u.toString();
}

/** Production: a PostgreSQL server shared by any number of Samspil instances. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<SqlEngine> {
  const pool = new Pool({ connectionString: withoutJit(url), max: opts.max ?? 10, types: typeParser });
  // A dropped idle connection must not crash the process; pg reports it here.
  pool.on('error', () => undefined);
  await pool.query('SELECT 1');
  const wrap = (c: Pool | PoolClient): SqlExecutor => ({
    async query<T>(text: string, params: readonly unknown[] = []): Promise<T[]> {
      const res = await c.query(text, params as unknown[]);
      return res.rows as T[];
    },
  });
  const base = wrap(pool);
  return {
    kind: 'postgres',
    query: base.query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    exec: async (script) => {
      await pool.query(script);
    },
    close: () => pool.end(),
  };
}
