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

/** Field 22 of /proc/<pid>/stat, the start time in clock ticks since boot, counted after the command
 * name, which may hold spaces and parentheses (proc(5)); null where /proc is not there. */
function startTicks(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return null;
  }
}

/** "<boot id>:<start time>" of a process, or null where /proc is not there (then the pid decides). */
export function processIdentity(pid: number): string | null {
  const ticks = startTicks(pid);
  if (ticks === null) return null;
  try {
    return `${fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}:${ticks}`;
  } catch {
    return null;
  }
}

/**
 * When a process started, in ms since the epoch: boot time (/proc/stat "btime", whole seconds) plus
 * its start ticks at USER_HZ, which Linux fixes at 100 for user space (proc(5), times(2)).
 */
export function processStartedAt(pid: number): number | null {
  const ticks = startTicks(pid);
  if (ticks === null || Number.isNaN(ticks)) return null;
  try {
    const btime = /^btime (\d+)$/m.exec(fs.readFileSync('/proc/stat', 'utf8'));
    return btime ? Number(btime[1]) * 1000 + ticks * 10 : null;
  } catch {
    return null;
  }
}

/** Whole seconds of btime and the tick: a start time is known to about this much. */
const START_TIME_SLACK_MS = 2_000;

/**
 * The lock's holder still runs: its pid is alive and is the same process. A lock written by an
 * older version has no identity; its holder started before it wrote `startedAt`, so a live process
 * under that pid that started later is another one that was given the pid (a restarted container,
 * a reboot, pid reuse), and the lock is stale. One that started earlier may be the holder, and the
 * lock is kept: taking a live holder's folder would corrupt the store.
 */
function holderRuns(info: LockInfo): boolean {
  if (!isAlive(info.pid)) return false;
  if (info.process) return processIdentity(info.pid) === info.process;
  if (info.pid === process.pid) return false;
  const started = processStartedAt(info.pid);
  const locked = Date.parse(info.startedAt);
  return started === null || Number.isNaN(locked) || started <= locked + START_TIME_SLACK_MS;
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
  // A lock without a nonce (an older version's) is never this process's own.
  const own = ownNonce !== undefined && info?.nonce === ownNonce;
  return info && !own && holderRuns(info) ? info : null;
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
