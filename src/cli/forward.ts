import path from 'node:path';
import { liveHolder } from '../store/dataLock';
import { FORWARDED_COMMANDS } from '../server/adminEndpoint';
import type { CliIO } from './context';

/**
 * The server may run in another directory, so file arguments travel as absolute paths:
 * `import FILE`, `questionnaire publish FILE` and `municipality settings ID --set FILE`.
 */
export function withAbsoluteFiles(argv: readonly string[]): string[] {
  const isFile = (i: number): boolean => {
    const a = argv[i] ?? '';
    if (a.startsWith('-')) return false;
    if (argv[0] === 'import') return i === 1;
    if (argv[0] === 'questionnaire') return argv[1] === 'publish' && i === 2;
    return argv[i - 1] === '--set';
  };
  return argv.map((a, i) => {
    if (a.startsWith('--set=')) return `--set=${path.resolve(a.slice(6))}`;
    return isFile(i) ? path.resolve(a) : a;
  });
}

/**
 * When a running `samspil start` holds the embedded data folder, tick/report/import are sent to
 * its admin endpoint instead of failing on the lock (and so are municipality and questionnaire). Returns null when there is nothing to forward to.
 */
export async function forwardToServer(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIO,
): Promise<number | null> {
  if (env.DATABASE_URL || !FORWARDED_COMMANDS.has(argv[0] ?? '')) return null;
  const holder = liveHolder(path.resolve(env.SAMSPIL_DATA_DIR ?? './data'));
  if (!holder?.adminPort || !holder.adminToken) return null;
  const args = withAbsoluteFiles(argv);
  const res = await fetch(`http://127.0.0.1:${holder.adminPort}/admin/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${holder.adminToken}` },
    body: JSON.stringify({ argv: args }),
  });
  const body = (await res.json()) as { code?: number; out?: string; err?: string; error?: string };
  if (body.out) io.out(body.out.trimEnd());
  if (body.err || body.error) io.err((body.err ?? body.error ?? '').trimEnd());
  return body.code ?? (res.ok ? 0 : 1);
}
