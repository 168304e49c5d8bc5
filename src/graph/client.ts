/**
 * One thin Microsoft Graph client over Node's fetch (docs/graph.md). No Graph SDK: the
 * `@microsoft/microsoft-graph-client` package is no longer maintained and the Kiota-based SDK is
 * a preview, while the few calls Samspil makes are plain JSON over HTTPS.
 *
 * - tokens come from an @azure/identity credential for the municipality's tenant;
 * - 429, 503 and 504 are retried after `Retry-After` (seconds), else with jittered exponential
 *   backoff ("Best practices to handle throttling", https://learn.microsoft.com/en-us/graph/throttling);
 *   a timeout or a dropped connection is retried too, which is safe because every create carries
 *   a transactionId and every other call is idempotent;
 * - at most 4 Outlook calls are in flight per client, Outlook's concurrency limit per mailbox
 *   ("Outlook service limits", https://learn.microsoft.com/en-us/graph/throttling-limits);
 * - answers are parsed with zod, so a shape Samspil does not expect is an error, not a guess.
 */
import type { TokenCredential } from '@azure/identity';
import type { z } from 'zod';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const OUTLOOK_CONCURRENCY = 4;

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`Graph ${status} ${code}: ${message}`);
  }
}

export interface GraphClientOptions {
  baseUrl: string;
  credential: TokenCredential;
  /** Milliseconds before a call is abandoned and retried. */
  timeoutMs?: number;
  /** Attempts per call, the first included. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface GraphRequest<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The answer's shape; omitted for calls answered with no content (202, 204). */
  schema?: z.ZodType<T, z.ZodTypeDef, unknown>;
  /** A call on a mailbox (events, calendar views): counts against Outlook's concurrency. */
  outlook?: boolean;
}

const RETRIED = new Set([429, 503, 504]);

/** A counting semaphore: Outlook calls wait for one of the places. */
class Places {
  private used = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}
  async take(): Promise<void> {
    if (this.used < this.size) {
      this.used++;
      return;
    }
    await new Promise<void>((r) => this.waiting.push(r));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.used--;
  }
}

export class GraphClient {
  private readonly outlookPlaces = new Places(OUTLOOK_CONCURRENCY);
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(private readonly opts: GraphClientOptions) {
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.maxAttempts = opts.maxAttempts ?? 6;
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.random = opts.random ?? Math.random;
  }

  async call<T = undefined>(req: GraphRequest<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let waitMs: number;
      try {
        return await this.once(req);
      } catch (e) {
        const retriable = e instanceof Retry;
        if (!retriable || attempt >= this.maxAttempts) throw retriable ? e.cause : e;
        waitMs = e.afterMs ?? this.backoff(attempt);
      }
      await this.sleep(waitMs);
    }
  }

  private backoff(attempt: number): number {
    const ceiling = Math.min(30_000, 500 * 2 ** (attempt - 1));
    return ceiling / 2 + this.random() * (ceiling / 2);
  }

  private async once<T>(req: GraphRequest<T>): Promise<T> {
    const token = await this.opts.credential.getToken(GRAPH_SCOPE);
    if (!token) throw new GraphError(401, 'NoToken', 'the credential returned no token');
    if (req.outlook) await this.outlookPlaces.take();
    let res: Response;
    try {
      res = await fetch(`${this.opts.baseUrl.replace(/\/+$/, '')}${req.path}`, {
        method: req.method,
        headers: {
          authorization: `Bearer ${token.token}`,
          ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...req.headers,
        },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      // A timeout or a dropped connection: nothing is known about the outcome, so try again.
      throw new Retry(new GraphError(0, 'NetworkError', e instanceof Error ? e.message : String(e)), null);
    } finally {
      if (req.outlook) this.outlookPlaces.give();
    }
    const text = await res.text();
    if (!res.ok) {
      const error = errorOf(res.status, text);
      if (RETRIED.has(res.status)) throw new Retry(error, retryAfterMs(res.headers.get('retry-after')));
      throw error;
    }
    if (!req.schema) return undefined as T;
    const parsed = req.schema.safeParse(text ? JSON.parse(text) : undefined);
    if (!parsed.success)
      throw new GraphError(
        res.status,
        'UnexpectedAnswer',
        `${req.method} ${req.path}: ${parsed.error.message}`,
      );
    return parsed.data;
  }
}

class Retry extends Error {
  constructor(
    override readonly cause: GraphError,
    readonly afterMs: number | null,
  ) {
    super(cause.message);
  }
}

function errorOf(status: number, text: string): GraphError {
  try {
    const e = (JSON.parse(text) as { error?: { code?: string; message?: string } }).error;
    return new GraphError(status, e?.code ?? 'Unknown', e?.message ?? text);
  } catch {
    return new GraphError(status, 'Unknown', text.slice(0, 200));
  }
}

/** `Retry-After` in seconds (Graph sends seconds); an HTTP date is honoured too. */
function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
