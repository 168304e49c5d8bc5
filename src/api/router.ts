import express, { type Request, type Response } from 'express';
import type { Clock } from '../domain/clock';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { ApiTokenRow } from '../store/apiTokensRepo';
import { redactCpr } from '../domain/cpr';
import { loadMunicipality } from '../app/municipalityContext';
import { caseRecord } from '../app/caseRecord';
import { importEnvOf, runImport } from '../import/importer';
import { rowsFromObjects } from '../import/read';
import { rowColumns, type ImportKind } from '../import/schemas';
import { MAX_BATCH_ITEMS, openApiDocument } from './openapi';
import { sendProblem, type ItemError } from './problem';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from './rateLimit';
import { isApiKind, READ_SCOPE } from './scopes';
import { FAILED_AUTH_LIMIT, sourceOf } from '../server/sourceLimits';

export interface ApiDeps {
  store: Store;
  clock: Clock;
  log: Logger;
  rateLimit?: RateLimit;
  /** Failed token tries per source; shared with the server's other routes (src/server/sourceLimits.ts). */
  failedAuth?: RateLimiter;
}

type Authed = { token: ApiTokenRow };

/**
 * /api/v1: the case-system API. Generic over the import kinds: PUT /api/v1/<kind> takes the rows
 * `samspil import --kind <kind>` takes, through the same validation and apply layer, so a new kind
 * is a new route with no code here. Every call with a valid token is audited in its municipality.
 */
export function apiRouter(deps: ApiDeps): express.Router {
  const router = express.Router();
  const limiter = new RateLimiter(deps.rateLimit ?? DEFAULT_RATE_LIMIT);
  const failedAuth = deps.failedAuth ?? new RateLimiter(FAILED_AUTH_LIMIT);
  const document = openApiDocument();

  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });

  /** Checks the bearer token, the rate limit and the scope; answers and returns null when refused. */
  async function authorise(req: Request, res: Response, scope: string): Promise<Authed | null> {
    const source = sourceOf(req);
    const guessing = failedAuth.wait(source, deps.clock.now().getTime());
    if (guessing > 0) {
      sendProblem(res, 'rate-limited', `Too many failed token tries; wait ${guessing} s.`, {
        headers: { 'Retry-After': String(guessing) },
      });
      return null;
    }
    const header = req.get('authorization') ?? '';
    const m = /^Bearer ([A-Za-z0-9_\-.~+/]{1,200}=*)$/.exec(header);
    const token = m ? await deps.store.apiTokens.verify(m[1]!, deps.clock.now()) : null;
    if (!token) {
      failedAuth.take(source, deps.clock.now().getTime());
      sendProblem(res, 'unauthorized', 'Send a valid, unrevoked token as "Authorization: Bearer <token>".', {
        headers: { 'WWW-Authenticate': 'Bearer realm="samspil"' },
      });
      return null;
    }
    const wait = limiter.take(token.id, deps.clock.now().getTime());
    if (wait > 0) {
      await audit(token, req, 429);
      sendProblem(res, 'rate-limited', `Wait ${wait} s before the next request.`, {
        headers: { 'Retry-After': String(wait) },
      });
      return null;
    }
    if (!token.scopes.includes(scope)) {
      await audit(token, req, 403);
      sendProblem(res, 'forbidden', `The token's scopes do not include "${scope}".`);
      return null;
    }
    return { token };
  }

  /** Written before the answer is sent, so a caller who has the answer can find the call audited. */
  async function audit(token: ApiTokenRow, req: Request, status: number, details: object = {}) {
    await deps.store
      .tenant({ municipalityId: token.municipality_id, actor: `api:${token.name}` })
      .audit.write('call', 'api', token.id, {
        method: req.method,
        route: req.route?.path ?? req.path,
        status,
        ...details,
      });
  }

  /** An async route whose failure is answered (500, logged) instead of leaving the caller hanging. */
  const safely = (fn: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => {
    fn(req, res).catch((err: unknown) => {
      deps.log.error({ err: redactCpr(String((err as Error)?.stack ?? err)) }, 'API request failed');
      if (!res.headersSent) sendProblem(res, 'internal', 'The request failed; it has been logged.');
    });
  };

  router.put(
    '/:kind',
    safely(async (req, res) => {
      const kind = req.params.kind ?? '';
      if (!isApiKind(kind)) return sendProblem(res, 'not-found', 'No such route; see /api/v1/openapi.json.');
      const auth = await authorise(req, res, kind);
      if (!auth) return;
      if (!req.is('application/json')) {
        await audit(auth.token, req, 415);
        return sendProblem(res, 'unsupported-media-type', 'Send the batch as application/json.');
      }
      const items = batchItems(req.body);
      if (typeof items === 'string') {
        await audit(auth.token, req, 400);
        return sendProblem(res, 'bad-request', items);
      }
      const unknown = unknownFields(kind, items);
      const m = await loadMunicipality(deps.store, auth.token.municipality_id);
      const result = await runImport(
        deps.store,
        { municipalityId: m.id, actor: `api:${auth.token.name}` },
        importEnvOf(m, deps.clock.now()),
        kind,
        rowsFromObjects(items, 0),
        { dryRun: unknown.length > 0 },
      );
      const errors: ItemError[] = [
        ...unknown,
        ...result.errors.map((e) => ({
          index: e.line,
          ...(e.field ? { field: e.field } : {}),
          detail: e.message,
        })),
      ].sort((a, b) => a.index - b.index);
      if (errors.length) {
        const bad = new Set(errors.map((e) => e.index)).size;
        await audit(auth.token, req, 422, { kind, items: items.length, invalid: bad });
        return sendProblem(
          res,
          'invalid-items',
          `${bad} of ${items.length} items are invalid; nothing was stored.`,
          {
            errors,
          },
        );
      }
      await audit(auth.token, req, 200, {
        kind,
        items: items.length,
        created: result.created,
        updated: result.updated,
      });
      res.json({ kind, items: items.length, created: result.created, updated: result.updated });
    }),
  );

  router.get(
    '/cases/:caseRef',
    safely(async (req, res) => {
      const auth = await authorise(req, res, READ_SCOPE);
      if (!auth) return;
      const t = deps.store.tenant({
        municipalityId: auth.token.municipality_id,
        actor: `api:${auth.token.name}`,
      });
      const record = await caseRecord(t, req.params.caseRef ?? '');
      if (!record) {
        await audit(auth.token, req, 404);
        return sendProblem(res, 'not-found', 'The municipality has no case with that reference.');
      }
      await audit(auth.token, req, 200, { case_ref: record.case_ref });
      res.json(record);
    }),
  );

  router.use((_req, res) => sendProblem(res, 'not-found', 'No such route; see /api/v1/openapi.json.'));
  return router;
}

function batchItems(body: unknown): unknown[] | string {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return 'The body must be an object {"items": [...]}.';
  const keys = Object.keys(body);
  const extra = keys.filter((k) => k !== 'items');
  if (extra.length) return 'The body may hold only "items".';
  const items = (body as { items?: unknown }).items;
  if (!Array.isArray(items)) return '"items" must be an array.';
  if (items.length === 0) return '"items" is empty.';
  if (items.length > MAX_BATCH_ITEMS)
    return `"items" holds ${items.length} items; at most ${MAX_BATCH_ITEMS} per request.`;
  return items;
}

/** The API is stricter than a file: a field the kind does not have is a mistake, not a column to skip. */
function unknownFields(kind: ImportKind, items: unknown[]): ItemError[] {
  const known = new Set(rowColumns(kind).map((c) => c.name));
  return items.flatMap((item, index) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.keys(item)
          .filter((k) => !known.has(k.trim().toLowerCase()))
          .slice(0, 5)
          .map((field) => ({ index, field, detail: `is not a field of ${kind} items` }))
      : [],
  );
}
