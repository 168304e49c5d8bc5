import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** Runs the real samspil command as its own process (TypeScript through tsx), as an admin would. */
export function samspilProcess(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runSamspil(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  const child = samspilProcess(args, env);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? 1, out, err })));
}

/** Starts `samspil start` and resolves once it is listening. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<{ child: ChildProcess; stop(): Promise<void>; log(): string }> {
  const child = samspilProcess(['start'], env);
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A server that never came up must not outlive the test.
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${log}`));
    }, timeoutMs);
    const onData = (d: Buffer) => {
      log += d.toString();
      if (log.includes('is listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return {
    child,
    log: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
