/**
 * The one seam between Samspil and a database. Both engines speak the same PostgreSQL dialect and
 * run the same migrations; repositories only ever see this interface.
 */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface SqlEngine extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; a throw rolls everything back. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

/** Type OIDs whose default JS parsing we override in both engines so rows look the same. */
export const PG_TYPE = { int8: 20, numeric: 1700, date: 1082 } as const;

/**
 * `date` stays a 'YYYY-MM-DD' string: node-postgres would turn it into local midnight, which shifts
 * the day in any zone west of UTC. Counts (int8) and averages (numeric) become numbers.
 */
export const sharedParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPE.int8]: (v) => Number(v),
  [PG_TYPE.numeric]: (v) => Number(v),
  [PG_TYPE.date]: (v) => v,
};
