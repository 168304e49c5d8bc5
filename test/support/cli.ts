import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../src/cli/run';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the samspil command in-process against its own data folder. */
export class CliHarness {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samspil-cli-'));
  readonly dataDir = path.join(this.dir, 'data');
  constructor(private readonly env: NodeJS.ProcessEnv = {}) {}

  async run(...argv: string[]): Promise<CliResult> {
    let out = '';
    let err = '';
    const code = await run(
      argv,
      { SAMSPIL_DATA_DIR: this.dataDir, LOG_LEVEL: 'silent', ...this.env },
      {
        out: (t) => (out += `${t}\n`),
        err: (t) => (err += `${t}\n`),
      },
    );
    return { code, out, err };
  }

  file(name: string, content: string | Buffer): string {
    const p = path.join(this.dir, name);
    fs.writeFileSync(p, content);
    return p;
  }

  cleanup(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
