import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSamspil, startServer } from '../../support/processes';
import { copyDemo, DEMO_NOW } from './demo';

/**
 * The real `samspil start` on its own copy of the demo's embedded store. By default its scheduler is
 * off so each journey decides when a pass runs (`samspil tick`, forwarded to the running server);
 * `scheduler: 'on'` runs the shipped default instead (a pass at start-up and every minute, sending
 * every few seconds).
 */
export class SamspilUnderTest {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-client-'));
  private server: Awaited<ReturnType<typeof startServer>> | null = null;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    readonly port: number,
    o: { scheduler?: 'on' | 'off' } = {},
  ) {
    this.env = {
      SAMSPIL_DATA_DIR: copyDemo(this.dir),
      SAMSPIL_NOW: DEMO_NOW,
      SAMSPIL_SCHEDULER: o.scheduler ?? 'off',
      PORT: String(port),
    };
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}/api/messages`;
  }

  /** Starts the server; `now` restarts its clock (a later day of the same demo). */
  async start(now?: string): Promise<void> {
    if (now) this.env.SAMSPIL_NOW = now;
    this.server = await startServer(this.env);
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = null;
  }

  /** One scheduler pass through the running server, as an admin's cron would run it. */
  async tick(now?: string): Promise<string> {
    return this.samspil('tick', ...(now ? ['--now', now] : []));
  }

  /** Any samspil command, forwarded to the running server (import, report …). */
  async samspil(...args: string[]): Promise<string> {
    const r = await runSamspil(args, this.env);
    if (r.code !== 0) throw new Error(`samspil ${args.join(' ')} failed:\n${r.out}\n${r.err}`);
    return r.out;
  }

  /** A report of the running server, as `samspil report NAME --format json` prints it. */
  async report(name: string): Promise<{ rows: Record<string, unknown>[] }> {
    return JSON.parse(await this.samspil('report', name, '--format', 'json')) as {
      rows: Record<string, unknown>[];
    };
  }

  /** Writes a file (e.g. an import) into this instance's folder. */
  file(name: string, content: string): string {
    const p = path.join(this.dir, name);
    fs.writeFileSync(p, content);
    return p;
  }

  serverLog(): string {
    return this.server?.log() ?? '';
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
