import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { SqlEngine } from '../src/store/engine';
import { recording } from '../src/store/recordingEngine';
import { openPglite } from '../src/store/engines/pglite';
import { openPostgres } from '../src/store/engines/postgres';
import { analyzeTables, migrate } from '../src/store/migrate';
import { createStore, Store } from '../src/store/store';
import { defaultSettings } from '../src/domain/municipality';
import { addDays, addDuration, LocalDate } from '../src/domain/localDate';
import { localDateOf, nextWorkingDay, zonedInstant } from '../src/domain/calendar';
import { loadMunicipality } from '../src/app/municipalityContext';
import { planAll } from '../src/scheduler/planner';
import { runImport } from '../src/import/importer';
import type { SourceRow } from '../src/import/read';
import { Random } from '../src/demo/random';
import { caseDetails } from '../src/app/caseDetails';
import { percentile } from './support';

/** One scale run's figures, each beside the floor it is judged against. */
export interface ScaleFigures {
  cases: number;
  engine: 'postgres' | 'pglite';
  followUpRows: number;
  importSeconds: number;
  importRowsPerSecond: number;
  floorInsertRowsPerSecond: number;
  initialPassSeconds: number;
  firstPass: { seconds: number; planned: number; queries: number; floorSeconds: number };
  nothingNew: { seconds: number; queries: number };
  rssMb: number;
  /** `samspil start` as its own process, after its start-up pass over the same data. */
  server: ServerRss;
  /** A card press's data (the case card of `openCase`) for random cases, as their adviser. */
  cardPress: { p50Ms: number; p99Ms: number; presses: number };
}

export interface ServerRss {
  /** VmRSS once the pass has been logged, and the peak (VmHWM) until then. */
  afterPassMb: number;
  peakMb: number;
  /** VmRSS 5 s later, idle: what an operator sees (the heap is given back in the background). */
  settledMb: number;
  planned: number;
  passSeconds: number;
}

/**
 * PostgreSQL in a schema of its own when DATABASE_URL is set (dropped afterwards), else PGlite in a
 * data folder of its own (removed afterwards), as `samspil start` keeps it. `cli` is what the real
 * server process needs to open the same database.
 */
export async function openScaleEngine(): Promise<{
  engine: SqlEngine;
  cli: NodeJS.ProcessEnv;
  /** PGlite is single-process: the bench lets go of it before the server opens it. */
  release(): Promise<void>;
  dispose(): Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-scale-'));
    const engine = await openPglite(path.join(dir, 'pg'));
    let open = true;
    const release = async () => {
      if (open) await engine.close();
      open = false;
    };
    return {
      engine,
      cli: { SAMSPIL_DATA_DIR: dir },
      release,
      async dispose() {
        await release();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const sep = url.includes('?') ? '&' : '?';
  const scoped = `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const engine = await openPostgres(scoped);
  return {
    engine,
    cli: { DATABASE_URL: scoped },
    release: async () => undefined,
    async dispose() {
      await engine.close();
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

const ROOT = path.resolve(__dirname, '..');
export const BUILT_CLI = path.join(ROOT, 'dist/src/cli/main.js');

/** Compiles src/ once per bench run, so the server is measured as `npm start` runs it (no tsx). */
let built: Promise<void> | null = null;
export function buildCli(): Promise<void> {
  built ??= new Promise<void>((resolve, reject) => {
    const tsc = spawn(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    tsc.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc exited with ${code}`))));
  });
  return built;
}

const vm = (pid: number, field: 'VmRSS' | 'VmHWM'): number => {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

/**
 * Starts the real `samspil start` on the bench's database at `now`, waits for its start-up planning
 * pass and reads the process's memory from /proc (VmRSS now, VmHWM the peak so far), then stops it.
 */
async function serverRss(env: NodeJS.ProcessEnv, now: Date): Promise<ServerRss> {
  await buildCli();
  const child = spawn(process.execPath, [BUILT_CLI, 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      NODE_OPTIONS: '',
      PORT: '0',
      LOG_LEVEL: 'info',
      SAMSPIL_NOW: now.toISOString(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const started = process.hrtime.bigint();
  try {
    const planned = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no planning pass within 10 minutes:\n${log}`)),
        600_000,
      );
      child.stderr!.on('data', (d: Buffer) => {
        log += d.toString();
        const m = /"planned":(\d+)[^\n]*"msg":"planning pass"/.exec(log);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
      child.on('exit', (code) => reject(new Error(`samspil start exited with ${code}:\n${log}`)));
    });
    const passSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const afterPassMb = vm(child.pid!, 'VmRSS');
    const peakMb = vm(child.pid!, 'VmHWM');
    await new Promise((r) => setTimeout(r, 5_000));
    return { afterPassMb, peakMb, settledMb: vm(child.pid!, 'VmRSS'), planned, passSeconds };
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t0 = process.hrtime.bigint();
  const out = await fn();
  return [out, Number(process.hrtime.bigint() - t0) / 1e9];
};

export const TODAY: LocalDate = '2026-11-16'; // a Monday
const TYPES = ['preventive', 'preventive', 'institution', 'foster_care', 'short_term'] as const;

/**
 * The data set of the performance issue: N cases of one municipality, 25 per adviser, a leader per
 * 10 advisers, ≈ 1.15 measures and ≈ 5.5 held follow-ups per case. Staff, cases and measures are
 * written with plain set-based SQL; the follow-ups go through the real import (that is a figure).
 */
export async function generate(store: Store, n: number): Promise<SourceRow[]> {
  const random = new Random(n);
  const rnd = () => random.next();
  const db = store.engine;
  await store.municipalities.create({
    id: 'scale',
    name: 'Skala Kommune',
    tenant_id: null,
    settings: defaultSettings('herning'),
  });
  const advisers = Math.ceil(n / 25);
  const leaders = Math.ceil(advisers / 10);
  await db.query(
    `INSERT INTO staff (municipality_id, email, name, roles)
     SELECT 'scale', 'leder' || i || '@skala.example', 'Leder ' || i, '{leader}' FROM generate_series(1, $1) i`,
    [leaders],
  );
  await db.query(
    `INSERT INTO staff (municipality_id, email, name, roles, leader_id)
     SELECT 'scale', 'r' || i || '@skala.example', 'Rådgiver ' || i, '{adviser}',
            (SELECT id FROM staff WHERE email = 'leder' || (1 + (i - 1) / 10) || '@skala.example')
     FROM generate_series(1, $1) i`,
    [advisers],
  );
  await db.query(
    `INSERT INTO cases (municipality_id, case_ref, adviser_id, opened)
     SELECT 'scale', 'S-' || i, s.id, DATE '2023-01-01'
     FROM generate_series(1, $1) i JOIN staff s ON s.email = 'r' || (1 + (i - 1) / 25) || '@skala.example'`,
    [n],
  );
  // Each case: one measure with a history; 15 % also have an investigation.
  const measures: { ref: string; type: string; start: LocalDate }[] = [];
  const followups: SourceRow[] = [];
  let line = 1;
  for (let i = 1; i <= n; i++) {
    const ref = `S-${i}`;
    const type = TYPES[Math.floor(rnd() * TYPES.length)]!;
    const held = Math.round(3 + rnd() * 5); // 3–8, mean 5.5
    // The last follow-up up to 100 days ago, the earlier ones 6 weeks apart before it.
    const last = addDays(TODAY, -Math.round(rnd() * 100));
    const dates = Array.from({ length: held }, (_, k) => addDays(last, -42 * (held - 1 - k)));
    measures.push({ ref, type, start: addDuration(dates[0]!, { weeks: 2 }, -1) });
    for (const d of dates)
      followups.push({
        line: ++line,
        values: {
          case_ref: ref,
          measure_type: type,
          held_on: d,
          child_conversation: rnd() < 0.8 ? 'ja' : 'nej',
        },
      });
    if (rnd() < 0.15)
      measures.push({ ref, type: 'investigation', start: addDays(TODAY, -Math.round(rnd() * 150)) });
  }
  for (let i = 0; i < measures.length; i += 5000) {
    await db.query(
      `INSERT INTO measures (municipality_id, case_id, measure_type, start)
       SELECT 'scale', c.id, x.type, x.start FROM jsonb_to_recordset($1::jsonb) AS x(ref text, type text, start date)
       JOIN cases c ON c.municipality_id = 'scale' AND c.case_ref = x.ref`,
      [JSON.stringify(measures.slice(i, i + 5000))],
    );
  }
  // As after the real imports of staff, cases and measures.
  await analyzeTables(db);
  return followups;
}

/** The floor of an import: the same rows as a plain multi-row insert into a table without rules. */
async function floorInsert(db: SqlEngine, rows: SourceRow[]): Promise<number> {
  await db.query(`CREATE TABLE floor_rows (case_ref text, measure_type text, held_on date, child boolean)`);
  const [, s] = await time(async () => {
    await db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 1000) {
        await tx.query(
          `INSERT INTO floor_rows SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(case_ref text, measure_type text, held_on date, child boolean)`,
          [
            JSON.stringify(
              rows
                .slice(i, i + 1000)
                .map((r) => ({ ...r.values, child: r.values.child_conversation === 'ja' })),
            ),
          ],
        );
      }
    });
  });
  await db.query('DROP TABLE floor_rows');
  return rows.length / s;
}

/** The floor of a pass: its one indexed query of due rows (timed before it), plus inserting its messages. */
async function passFloor(store: Store, query: number, since: Date): Promise<number> {
  const made = await store.engine.query<Record<string, unknown>>(
    `SELECT dedupe_key, subject, version, kind, recipient_staff_id, payload, not_before FROM outbox WHERE created_at >= $1`,
    [since],
  );
  await store.engine.query(`CREATE TABLE floor_outbox (LIKE outbox INCLUDING DEFAULTS)`);
  const [, insert] = await time(() =>
    store.engine.transaction(async (tx) => {
      for (let i = 0; i < made.length; i += 500)
        await tx.query(
          `INSERT INTO floor_outbox (municipality_id, dedupe_key, subject, version, kind, recipient_staff_id, payload, not_before)
           SELECT 'scale', x.dedupe_key, x.subject, x.version, x.kind, x.recipient_staff_id, x.payload, x.not_before
           FROM jsonb_to_recordset($1::jsonb)
             AS x(dedupe_key text, subject text, version bigint, kind text, recipient_staff_id uuid, payload jsonb, not_before timestamptz)`,
          [JSON.stringify(made.slice(i, i + 500))],
        );
    }),
  );
  await store.engine.query('DROP TABLE floor_outbox');
  return query + insert;
}

/**
 * The application side of a card press at this scale: `openCase`'s data and deadlines for random
 * cases as their adviser sees them (the Teams side is `bench/submitLatency.ts`), after a warm-up.
 */
async function pressCards(
  store: Store,
  m: Awaited<ReturnType<typeof loadMunicipality>>,
  presses: number,
): Promise<ScaleFigures['cardPress']> {
  const t = store.tenant({ municipalityId: 'scale', actor: 'bench' });
  const picked = await store.engine.query<{ id: string; adviser_id: string }>(
    `SELECT id, adviser_id FROM cases WHERE municipality_id = 'scale' ORDER BY random() LIMIT $1`,
    [presses + 30],
  );
  const staff = new Map(
    (await t.staff.byIds([...new Set(picked.map((p) => p.adviser_id))])).map((s) => [s.id, s]),
  );
  const ms: number[] = [];
  for (const [i, p] of picked.entries()) {
    const t0 = process.hrtime.bigint();
    const res = await caseDetails(t, m, staff.get(p.adviser_id)!, p.id, TODAY);
    if (!res.ok) throw new Error('a card press was refused');
    if (i >= 30) ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { p50Ms: percentile(ms, 50), p99Ms: percentile(ms, 99), presses: ms.length };
}

export async function benchScale(n: number): Promise<ScaleFigures> {
  const { engine: raw, cli, release, dispose } = await openScaleEngine();
  try {
    await migrate(raw);
    const probe = recording(raw);
    const store = createStore(probe.engine);
    const generated = { rows: await generate(store, n) };
    const followUpRows = generated.rows.length;
    const m = await loadMunicipality(store, 'scale');
    const env = { ladderMaxStep: m.ladder.steps.length, policy: m.policy, today: TODAY };
    const [res, importSeconds] = await time(() =>
      runImport(store, { municipalityId: 'scale', actor: 'bench' }, env, 'followups', generated.rows, {
        dryRun: false,
      }),
    );
    if (!res.applied) throw new Error(`import failed: ${JSON.stringify(res.errors.slice(0, 3))}`);
    const floorRate = await floorInsert(raw, generated.rows);
    // The passes must not pay for the bench's own copy of the file (half a million rows at 100 k).
    generated.rows = [];

    // The import's day, after hours: the pass computes every imported deadline once.
    const [, initialPassSeconds] = await time(() =>
      planAll(store, zonedInstant(TODAY, '17:00', m.settings.timeZone)),
    );
    // The next working day's first pass, before working hours (what the issue calls the first pass).
    const day = nextWorkingDay(TODAY);
    const morning = zonedInstant(day, '06:00', m.settings.timeZone);
    const since = new Date();
    const tenant = store.tenant({ municipalityId: 'scale', actor: 'bench' });
    const [, dueQuery] = await time(() => tenant.measures.toPlan(localDateOf(morning, m.settings.timeZone)));
    probe.reset();
    const [first, firstSeconds] = await time(() => planAll(store, morning));
    const firstQueries = probe.count();
    const floorSeconds = await passFloor(store, dueQuery, since);
    probe.reset();
    const [, nothingSeconds] = await time(() => planAll(store, new Date(morning.getTime() + 60_000)));
    const nothingQueries = probe.count();
    const cardPress = await pressCards(store, m, 300);
    const rssMb = process.memoryUsage().rss / 2 ** 20;
    // The real server on the same data, the working day after: its start-up pass plans that morning.
    await release();
    const server = await serverRss(cli, zonedInstant(nextWorkingDay(day), '06:00', m.settings.timeZone));
    return {
      cases: n,
      engine: raw.kind,
      followUpRows,
      importSeconds,
      importRowsPerSecond: followUpRows / importSeconds,
      floorInsertRowsPerSecond: floorRate,
      initialPassSeconds,
      firstPass: {
        seconds: firstSeconds,
        planned: first.reduce((s, r) => s + r.planned, 0),
        queries: firstQueries,
        floorSeconds,
      },
      nothingNew: { seconds: nothingSeconds, queries: nothingQueries },
      rssMb,
      server,
      cardPress,
    };
  } finally {
    await dispose();
  }
}
