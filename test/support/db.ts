import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SqlEngine } from '../../src/store/engine';
import { openPglite } from '../../src/store/engines/pglite';
import { openPostgres } from '../../src/store/engines/postgres';
import { recording, type RecordingEngine } from '../../src/store/recordingEngine';
import { migrate } from '../../src/store/migrate';
import { createStore, Store } from '../../src/store/store';

/**
 * The PostgreSQL engine is tested on every run, never skipped: if the server is unreachable the
 * suite fails and says so. TEST_DATABASE_URL points elsewhere when needed.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface EngineFixture {
  name: 'pglite' | 'postgres';
  open(): Promise<{ engine: SqlEngine; dispose(): Promise<void> }>;
}

/** Each PostgreSQL fixture lives in its own schema so parallel test files never see each other. */
export async function openIsolatedPostgres(
  max = 10,
): Promise<{ engine: SqlEngine; url: string; dispose(): Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is required for the store tests and is unreachable at ${TEST_DATABASE_URL}: ${(err as Error).message}. ` +
        'Start it (bash .ci/run does) or set TEST_DATABASE_URL.',
    );
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const sep = TEST_DATABASE_URL.includes('?') ? '&' : '?';
  const url = `${TEST_DATABASE_URL}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const engine = await openPostgres(url, { max });
  return {
    engine,
    url,
    async dispose() {
      await engine.close();
      const c = new Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export const ENGINES: EngineFixture[] = [
  {
    name: 'pglite',
    async open() {
      const engine = await openPglite(undefined);
      return { engine, dispose: () => engine.close() };
    },
  },
  { name: 'postgres', open: () => openIsolatedPostgres() },
];

export async function openTestStore(
  fixture: EngineFixture,
): Promise<{ store: Store; dispose(): Promise<void> }> {
  const { engine, dispose } = await fixture.open();
  await migrate(engine);
  return { store: createStore(engine), dispose };
}

/** The same, with every statement recorded, for a test that counts what something costs. */
export async function openRecordedTestStore(
  fixture: EngineFixture,
): Promise<{ store: Store; probe: RecordingEngine; dispose(): Promise<void> }> {
  const { engine, dispose } = await fixture.open();
  await migrate(engine);
  const probe = recording(engine);
  return { store: createStore(probe.engine), probe, dispose };
}
