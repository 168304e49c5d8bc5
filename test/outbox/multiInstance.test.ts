import { spawn } from 'node:child_process';
import { openIsolatedPostgres } from '../support/db';
import { FakeConnector } from '../support/fakeConnector';
import { ROOT } from '../support/processes';
import { migrate } from '../../src/store/migrate';
import { SqlEngine } from '../../src/store/engine';

const N = 1000;

function worker(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/senderWorker.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, out, err })),
  );
  return { child, done, output: () => out };
}

/**
 * Two scheduler processes on one PostgreSQL send each of 1,000 due reminders exactly once,
 * and a process killed after claiming loses nothing (its rows come back when the lease runs out).
 */
describe('outbox shared by several processes on PostgreSQL', () => {
  const connector = new FakeConnector();
  let pg: { engine: SqlEngine; url: string; dispose(): Promise<void> };

  beforeAll(async () => {
    await connector.start();
    pg = await openIsolatedPostgres();
    await migrate(pg.engine);
    await pg.engine.query(
      `INSERT INTO municipalities (id, name, settings) VALUES ('mp', 'MP Kommune', '{}')`,
    );
    await pg.engine.query(
      `INSERT INTO staff (municipality_id, email, name, roles)
       SELECT 'mp', 'u' || g || '@mp.example', 'U ' || g, '{adviser}' FROM generate_series(1, $1::int) g`,
      [N],
    );
    await pg.engine.query(
      `INSERT INTO conversation_refs (municipality_id, conversation_id, kind, staff_id, reference)
       SELECT 'mp', 'a:personal-' || s.email, 'personal', s.id,
              jsonb_build_object('serviceUrl', $1::text, 'channelId', 'msteams',
                'conversation', jsonb_build_object('id', 'a:personal-' || s.email), 'bot', jsonb_build_object('id', '28:bot'))
       FROM staff s`,
      [connector.url],
    );
    await pg.engine.query(
      `INSERT INTO outbox (municipality_id, dedupe_key, subject, kind, recipient_staff_id, payload, not_before)
       SELECT 'mp', 'reminder-' || s.email, 'reminder-' || s.email, 'test', s.id,
              jsonb_build_object('activity', jsonb_build_object('type', 'message', 'text', 'reminder-' || s.email)),
              '2026-11-23T07:00:00Z'
       FROM staff s`,
    );
  });
  afterAll(async () => {
    await pg.dispose();
    await connector.stop();
  });

  it('delivers every reminder exactly once, with one sender killed after claiming', async () => {
    const doomed = worker({ DATABASE_URL: pg.url, CRASH_AFTER_CLAIM: '50', LEASE_MS: '2000' });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`crasher never claimed: ${doomed.output()}`)), 30_000);
      doomed.child.stdout.on('data', () => {
        if (doomed.output().includes('claimed 50')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    doomed.child.kill('SIGKILL');
    await doomed.done;

    const a = worker({ DATABASE_URL: pg.url, OWNER: 'a', LEASE_MS: '2000' });
    const b = worker({ DATABASE_URL: pg.url, OWNER: 'b', LEASE_MS: '2000' });
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, ra.err]).toEqual([0, '']);
    expect([rb.code, rb.err]).toEqual([0, '']);

    const texts = connector.sent().map((s) => String(s.text));
    expect(texts).toHaveLength(N);
    expect(new Set(texts).size).toBe(N);
    const sentA = Number(/sent (\d+)/.exec(ra.out)?.[1]);
    const sentB = Number(/sent (\d+)/.exec(rb.out)?.[1]);
    expect(sentA + sentB).toBe(N);
    expect(sentA).toBeGreaterThan(0);
    expect(sentB).toBeGreaterThan(0);
    const rows = await pg.engine.query<{ status: string; n: number }>(
      'SELECT status, count(*) AS n FROM outbox GROUP BY status',
    );
    expect(rows).toEqual([{ status: 'sent', n: N }]);
    // The 50 rows the dead sender had claimed were sent by the others on their second attempt.
    const [{ n: retried }] = (await pg.engine.query<{ n: number }>(
      'SELECT count(*) AS n FROM outbox WHERE attempts = 2',
    )) as [{ n: number }];
    expect(retried).toBe(50);
  }, 120_000);
});
