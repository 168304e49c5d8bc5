import path from 'node:path';
import { liveHolder } from '../store/dataLock';
import { FORWARDED_COMMANDS } from '../server/adminEndpoint';
import type { CliIO } from './context';

/**
 * When a running `samspil start` holds the embedded data folder, tick/report/import are sent to
 * its admin endpoint instead of failing on the lock. Returns null when there is nothing to forward to.
 */
export async function forwardToServer(
  argv: string[],
  env: NodeJS.ProcessEnv,
  io: CliIO,
): Promise<number | null> {
  if (env.DATABASE_URL || !FORWARDED_COMMANDS.has(argv[0] ?? '')) return null;
  const holder = liveHolder(path.resolve(env.SAMSPIL_DATA_DIR ?? './data'));
  if (!holder?.adminPort || !holder.adminToken) return null;
  // The server may run in another directory: file arguments travel as absolute paths.
  const args =
    argv[0] === 'import' ? argv.map((a, i) => (i === 1 && !a.startsWith('-') ? path.resolve(a) : a)) : argv;
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
