import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/open';
import {
  acquireDataFolderLock,
  LOCK_FILE,
  liveHolder,
  processIdentity,
  processStartedAt,
} from '../../src/store/dataLock';

const ROOT = path.resolve(__dirname, '../..');

/** Runs the real samspil command in a separate process, as an admin would. */
function samspil(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, SAMSPIL_DATA_DIR: dataDir, NODE_OPTIONS: '', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 240_000,
  });
}

/** docs/operations.md: the embedded store is opened by one process at a time. */
describe('embedded data folder lock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-lock-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('makes a second process fail with a clear message and leaves the store intact', async () => {
    const { store } = await openStore({ dataDir: dir }, 'samspil start');
    try {
      await store.municipalities.create({
        id: 'lockby',
        name: 'Lockby Kommune',
        tenant_id: null,
        settings: {},
      });
      const second = samspil(dir, 'municipality', 'add', 'other', '--name', 'Other');
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(
        /data folder .* is in use by another Samspil process \(pid \d+, "samspil start"/,
      );
      expect((await store.municipalities.list()).map((m) => m.id)).toEqual(['lockby']);
    } finally {
      await store.close();
    }
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    const after = samspil(dir, 'municipality', 'list');
    expect(after.stderr).toBe('');
    expect(after.stdout).toContain('lockby\tLockby Kommune');
  });

  it('takes over a stale lock left by a process that died', () => {
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 7, command: 'samspil start', startedAt: '2026-01-01' }),
    );
    const r = samspil(dir, 'municipality', 'list');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('lockby');
  });

  it('takes over a stale lock whose pid now belongs to another process (a container restarted as pid 1)', () => {
    // The stale holder had the pid a live process has now (here: this very test process).
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({
        pid: process.pid,
        command: 'samspil start',
        startedAt: '2026-01-01',
        process: 'an-earlier-boot:12345',
      }),
    );
    expect(liveHolder(dir)).toBeNull();
    const lock = acquireDataFolderLock(dir, 'samspil start');
    try {
      expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).process).toBe(processIdentity(process.pid));
    } finally {
      lock.release();
    }
  });

  it('takes over a lock of an older version (no identity) whose pid now belongs to an unrelated process started after it', async () => {
    // An unrelated process, alive now, that got the pid of a holder which locked an hour ago and died.
    const unrelated = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      fs.writeFileSync(
        path.join(dir, LOCK_FILE),
        JSON.stringify({
          pid: unrelated.pid,
          command: 'samspil start',
          startedAt: new Date(Date.now() - 3_600_000).toISOString(),
        }),
      );
      expect(liveHolder(dir)).toBeNull();
      const r = samspil(dir, 'municipality', 'list');
      expect(r.stderr).not.toContain(`pid ${unrelated.pid}`);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('lockby');
      expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
      expect(unrelated.exitCode).toBeNull();
    } finally {
      unrelated.kill();
    }
  });

  it('keeps a lock of an older version whose pid belongs to a process that started before it: that may be the holder', () => {
    const parent = process.ppid;
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({ pid: parent, command: 'samspil start', startedAt: new Date().toISOString() }),
    );
    try {
      expect(processStartedAt(parent)!).toBeLessThan(Date.now());
      expect(liveHolder(dir)?.pid).toBe(parent);
      expect(() => acquireDataFolderLock(dir, 'samspil tick')).toThrow(/in use by another Samspil process/);
    } finally {
      fs.rmSync(path.join(dir, LOCK_FILE), { force: true });
    }
  });

  it('still refuses a live holder whose pid and start time match', () => {
    const parent = process.ppid;
    fs.writeFileSync(
      path.join(dir, LOCK_FILE),
      JSON.stringify({
        pid: parent,
        command: 'samspil start',
        startedAt: '2026-01-01',
        process: processIdentity(parent),
      }),
    );
    try {
      expect(liveHolder(dir)?.pid).toBe(parent);
      expect(() => acquireDataFolderLock(dir, 'samspil tick')).toThrow(/in use by another Samspil process/);
    } finally {
      fs.rmSync(path.join(dir, LOCK_FILE), { force: true });
    }
  });
});
