import type { SqlEngine, SqlExecutor } from './engine';

/**
 * An engine that records the text of every statement it runs, inside transactions too, so a test
 * or a bench can say how many queries something cost (docs/performance.md). Nothing else changes.
 */
export interface RecordingEngine {
  engine: SqlEngine;
  /** The statements run since the last reset, in order. */
  statements: string[];
  count(): number;
  reset(): void;
}

export function recording(inner: SqlEngine): RecordingEngine {
  const statements: string[] = [];
  const wrap = (x: SqlExecutor): SqlExecutor => ({
    query: (text, params) => {
      statements.push(text);
      return x.query(text, params);
    },
  });
  return {
    engine: {
      ...inner,
      query: wrap(inner).query,
      transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))),
    },
    statements,
    count: () => statements.length,
    reset: () => void statements.splice(0),
  };
}
