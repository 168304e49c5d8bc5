import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { jsonShapeProblem } from './boundedJson';

export interface AdminRun {
  (argv: string[]): Promise<{ code: number; out: string; err: string }>;
}

/** Commands an admin may run through a live server (docs/operations.md). */
export const FORWARDED_COMMANDS = new Set([
  'tick',
  'report',
  'import',
  'municipality',
  'questionnaire',
  'api-token',
]);

/** An argv of file paths and options; nothing an admin types comes near this. */
const MAX_ADMIN_BODY = 64 * 1024;

/** A bearer header that carries `token`, compared in constant time. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * A loopback-only endpoint that runs tick/report/import inside the server holding the embedded
 * store. The bearer token lives in the data folder's lock file (mode 0600): whoever can read the
 * data folder may already read the data.
 */
export async function startAdminEndpoint(
  token: string,
  runCommand: AdminRun,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/admin/run') return answer(404, { error: 'not found' });
    if (!tokenMatches(req.headers.authorization, token)) return answer(401, { error: 'unauthorized' });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > MAX_ADMIN_BODY) return answer(413, { error: 'body too large' });
      chunks.push(c as Buffer);
    }
    const body = Buffer.concat(chunks);
    const shape = jsonShapeProblem(body);
    if (shape) return answer(shape.status, { error: shape.detail });
    let argv: unknown;
    try {
      argv = (JSON.parse(body.toString('utf8')) as { argv?: unknown }).argv;
    } catch {
      return answer(400, { error: 'malformed JSON' });
    }
    if (
      !Array.isArray(argv) ||
      !argv.every((a) => typeof a === 'string') ||
      !FORWARDED_COMMANDS.has(argv[0] as string)
    ) {
      return answer(400, { error: `argv must start with one of ${[...FORWARDED_COMMANDS].join(', ')}` });
    }
    try {
      answer(200, await runCommand(argv as string[]));
    } catch (err) {
      answer(500, { code: 1, out: '', err: (err as Error).message });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
