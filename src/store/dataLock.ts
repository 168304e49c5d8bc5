import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

/**
 * PGlite has no server to arbitrate between processes: two processes writing one data folder
 * corrupt it. A lock file created with O_EXCL makes the second one fail cleanly instead.
 * The lock also tells other commands how to reach the holder's admin endpoint.
 */
export interface LockInfo {
  pid: number;
  command: string;
  startedAt: string;
  adminPort?: number;
  adminToken?: string;
  /** Tells this holder's lock apart from a later one after a stale takeover. */
  nonce?: string;
  /**
   * The holder's boot id and process start time (Linux /proc): a pid alone is not an identity,
   * since a restarted container runs its server as pid 1 again.
   */
  process?: string;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Samspil process (pid ${holder.pid}, "${holder.command}", ` +
        `since ${holder.startedAt}). Stop that process first, or run the command against the running server.`,
    );
    this.name = 'DataFolderLockedError';
  }
}

export const LOCK_FILE = 'samspil.lock';

/** The nonce of the lock this process holds, so it never sees itself as another holder. */
let ownNonce: string | undefined;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * "<boot id>:<start time>" of a process, or null where /proc is not there (then the pid decides).
 * The start time is field 22 of /proc/<pid>/stat, counted after the command name, which may hold
 * spaces and parentheses (proc(5)).
 */
export function processIdentity(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${boot}:${fields[19]}`;
  } catch {
    return null;
  }
}

/** The lock's holder still runs: its pid is alive and, where known, is the same process. */
function holderRuns(info: LockInfo): boolean {
  if (!isAlive(info.pid)) return false;
  if (!info.process) return info.pid !== process.pid;
  return processIdentity(info.pid) === info.process;
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** The lock's holder if it is a live process, else null (a crashed holder leaves a stale file). */
export function liveHolder(dataDir: string): LockInfo | null {
  const info = readLock(dataDir);
  return info && info.nonce !== ownNonce && holderRuns(info) ? info : null;
}

export interface DataFolderLock {
  readonly file: string;
  update(extra: Partial<LockInfo>): void;
  release(): void;
}

export function acquireDataFolderLock(dataDir: string, command: string): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  let info: LockInfo = {
    pid: process.pid,
    command,
    startedAt: new Date().toISOString(),
    nonce: randomUUID(),
    process: processIdentity(process.pid) ?? undefined,
  };
  ownNonce = info.nonce;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(info), { flag: 'wx', mode: 0o600 });
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        if (readLock(dataDir)?.nonce === info.nonce) fs.rmSync(file, { force: true });
      };
      process.once('exit', release);
      return {
        file,
        update(extra) {
          info = { ...info, ...extra };
          fs.writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
        },
        release,
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(dataDir);
      if (holder && holderRuns(holder)) throw new DataFolderLockedError(dataDir, holder);
      // Stale lock from a process that died (or whose pid now belongs to another): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}
