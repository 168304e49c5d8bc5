import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A PostgreSQL cluster of the test's own, in a temp folder on its own port, for tests that must
 * restart the database (the shared server on 5432 is never restarted). As root, the cluster runs
 * as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export interface OwnPostgres {
  url: string;
  /** The server's own log (its stderr). */
  logFile: string;
  restart(): void;
  stop(): void;
}

/** `settings` are server settings (`log_statement: 'all'` …), given as `-c name=value`. */
export function startOwnPostgres(port: number, settings: Record<string, string> = {}): OwnPostgres {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (bin: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(BIN, bin),
      asRoot ? ['-u', 'postgres', '--', path.join(BIN, bin), ...args] : args,
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60_000,
      },
    );
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const extra = Object.entries(settings).map(([k, v]) => ` -c ${k}=${v}`);
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off${extra.join('')}`;
  const logFile = path.join(dir, 'log');
  const ctl = (...args: string[]) => run('pg_ctl', ['-D', data, '-l', logFile, '-w', ...args]);
  ctl('-o', opts, 'start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    logFile,
    restart: () => ctl('-m', 'fast', '-o', opts, 'restart'),
    stop() {
      try {
        ctl('-m', 'immediate', 'stop');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
