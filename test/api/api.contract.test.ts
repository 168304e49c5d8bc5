import { deadlineSubject } from '../../src/outbox/keys';
import { execFileSync } from 'node:child_process';
import { ENGINES, openTestStore } from '../support/db';
import { openApiDocument } from '../../src/api/openapi';
import { apiRouter } from '../../src/api/router';
import { createLogger } from '../../src/log';
import { seedTwoMunicipalities, startApiServer } from '../support/apiServer';
import { fixedClock } from '../../src/domain/clock';
import type { Store } from '../../src/store/store';
import { IMPORT_KINDS } from '../../src/import/schemas';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { deadlineOfMeasure } from '../../src/app/deadlines';

const NOW = '2026-11-23T09:00:00+01:00';
const PROBLEM = 'application/problem+json';
type Problem = {
  type: string;
  status: number;
  detail: string;
  errors: { index: number; field?: string; detail: string }[];
};

/**
 * docs/api.md: the case-system API on both engines. Upserts are idempotent, a batch with a bad item
 * stores nothing and names the item, tokens are bound to one municipality and their scopes, revoked
 * tokens are refused, and every call is audited.
 */
describe.each(ENGINES)('case-system API on $name', (fixture) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let api: Awaited<ReturnType<typeof startApiServer>>;
  let nordby: string;
  let sydby: string;

  const cases = [
    {
      case_ref: 'N-1',
      adviser_email: 'anna@nordby.example',
      opened: '2026-01-15',
      ladder_step: 3,
      child_initials: 'AB',
    },
    { case_ref: 'N-2', adviser_email: 'anna@nordby.example', opened: '2026-02-01', ladder_step: null },
  ];

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(fixture));
    await seedTwoMunicipalities(store);
    api = await startApiServer(store, fixedClock(NOW));
    nordby = (
      await store.apiTokens.create('nordby', 'dubu', ['cases', 'measures', 'followups', 'read'], 'test')
    ).token;
    sydby = (await store.apiTokens.create('sydby', 'dubu', ['cases', 'read'], 'test')).token;
  });
  afterAll(async () => {
    await api.close();
    await dispose();
  });

  const count = async (table: string, municipality: string) =>
    Number(
      (
        await store.engine.query<{ n: number }>(
          `SELECT count(*) AS n FROM ${table} WHERE municipality_id = $1`,
          [municipality],
        )
      )[0]!.n,
    );

  it("upserts a batch by the municipality's keys; the same batch twice changes nothing", async () => {
    const first = await api.put('cases', { items: cases }, nordby);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ kind: 'cases', items: 2, created: 2, updated: 0 });
    const again = await api.put('cases', { items: cases }, nordby);
    expect(await again.json()).toEqual({ kind: 'cases', items: 2, created: 0, updated: 2 });
    expect(await count('cases', 'nordby')).toBe(2);
  });

  it('a batch with one bad item stores nothing, and the problem document names the item by index and never echoes a CPR number', async () => {
    const before = await count('cases', 'nordby');
    const res = await api.put(
      'cases',
      {
        items: [
          { case_ref: 'N-10', adviser_email: 'anna@nordby.example', opened: '2026-03-01' },
          { case_ref: '01.01.90-1234', adviser_email: 'anna@nordby.example', opened: '2026-03-01' },
          { case_ref: 'N-12', adviser_email: 'anna@nordby.example', opened: '2099-03-01' },
          { case_ref: 'N-13', adviser_email: 'anna@nordby.example', opened: { nested: true } },
          { case_ref: 'N-10', adviser_email: 'anna@nordby.example', opened: '2026-03-02' },
          { case_ref: 'N-15', adviser_email: 'anna@nordby.example', opened: '2026-03-01', colour: 'red' },
        ],
      },
      nordby,
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain(PROBLEM);
    const body = (await res.json()) as Problem;
    expect(body).toMatchObject({ type: '/api/v1/problems/invalid-items', status: 422 });
    expect(body.detail).toBe('5 of 6 items are invalid; nothing was stored.');
    expect(body.errors.map((e) => [e.index, e.field])).toEqual([
      [1, 'case_ref'],
      [2, 'opened'],
      [3, 'opened'],
      [4, 'case_ref'],
      [5, 'colour'],
    ]);
    expect(body.errors[0]!.detail).toMatch(/looks like a CPR number/);
    expect(body.errors[3]!.detail).toMatch(/repeats line 0/);
    expect(JSON.stringify(body)).not.toMatch(/1234/);
    expect(await count('cases', 'nordby')).toBe(before);
  });

  it("a token of one municipality cannot read or write another's cases", async () => {
    await api.put(
      'cases',
      { items: [{ case_ref: 'S-1', adviser_email: 'anna@sydby.example', opened: '2026-05-01' }] },
      sydby,
    );
    expect((await api.get('cases/N-1', sydby)).status).toBe(404);
    expect((await api.get('cases/S-1', nordby)).status).toBe(404);
    const mine = await api.get('cases/N-1', nordby);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({
      case_ref: 'N-1',
      opened: '2026-01-15',
      adviser_email: 'anna@nordby.example',
    });
    // Nordby's adviser is unknown in Sydby, so the write fails there rather than crossing over.
    const cross = await api.put('cases', { items: [cases[0]] }, sydby);
    expect(cross.status).toBe(422);
    expect(await count('cases', 'sydby')).toBe(1);
  });

  it('refuses a missing scope with 403 and an unknown or revoked token with 401', async () => {
    const res = await api.put(
      'measures',
      { items: [{ case_ref: 'S-1', measure_type: 'preventive', start: '2026-05-01' }] },
      sydby,
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain(PROBLEM);
    expect((await api.get('cases/N-1', 'samspil_not-a-token')).status).toBe(401);
    expect((await api.get('cases/N-1')).status).toBe(401);
    const { row, token } = await store.apiTokens.create('nordby', 'old', ['read'], 'test');
    expect((await api.get('cases/N-1', token)).status).toBe(200);
    expect(await store.apiTokens.revoke('nordby', row.id, new Date(), 'test')).toBe(true);
    const revoked = await api.get('cases/N-1', token);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toBe('Bearer realm="samspil"');
  });

  it('stores only a hash of each token', async () => {
    const rows = await store.engine.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    expect(rows.some((r) => r.token_hash.includes(nordby))).toBe(false);
  });

  it('a held follow-up pushed by the case system stops the reminders about the deadline it meets, as a card registration does', async () => {
    const put = await api.put(
      'measures',
      { items: [{ case_ref: 'N-1', measure_type: 'preventive', start: '2026-02-01' }] },
      nordby,
    );
    expect(put.status).toBe(200);
    const t = store.tenant({ municipalityId: 'nordby', actor: 'test' });
    const m = await loadMunicipality(store, 'nordby');
    const [row] = await t.measures.openWithHistory();
    const deadline = deadlineOfMeasure(row!, m.policy, '2026-11-23')!;
    const key = `${deadlineSubject(deadline)}:adviser:10`;
    await t.outbox.enqueue({
      key: { key, subject: deadlineSubject(deadline), version: 0 },
      kind: 'reminder',
      recipientStaffId: row!.adviser_id,
      payload: { activity: {} },
      notBefore: new Date(NOW),
    });
    const held = await api.put(
      'followups',
      {
        items: [
          { case_ref: 'N-1', measure_type: 'preventive', held_on: '2026-11-20', child_conversation: 'ja' },
        ],
      },
      nordby,
    );
    expect(held.status).toBe(200);
    expect((await t.outbox.list()).find((o) => o.dedupe_key === key)?.status).toBe('cancelled');
  });

  it('audits every call with a valid token: who, which route, the status and counts', async () => {
    const calls = await store.engine.query<{ actor: string; details: { route: string; status: number } }>(
      "SELECT actor, details FROM audit_log WHERE municipality_id = 'nordby' AND entity = 'api' ORDER BY id",
    );
    expect(calls.map((c) => [c.actor, c.details.status])).toEqual(
      expect.arrayContaining([
        ['api:dubu', 200],
        ['api:dubu', 422],
        ['api:old', 200],
      ]),
    );
    expect(calls.length).toBeGreaterThanOrEqual(8);
  });

  it('answers a body over the limit with 413 and malformed JSON with 400, both as problem documents', async () => {
    const big = await api.put('cases', JSON.stringify({ items: ['x'.repeat(1_100_000)] }), nordby);
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toContain(PROBLEM);
    const bad = await api.put('cases', '{"items": [', nordby);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).type).toBe('/api/v1/problems/bad-request');
    expect((await api.put('cases', { items: [] }, nordby)).status).toBe(400);
    expect((await api.put('cases', [1, 2], nordby)).status).toBe(400);
    expect((await api.put('nothing', { items: [1] }, nordby)).status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  // The validator is an ES module, which this CommonJS test runtime cannot import: it runs in node.
  const validate = (doc: unknown) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { Validator } from '@seriousme/openapi-schema-validator';
           let s = ''; process.stdin.on('data', (d) => (s += d)).on('end', async () =>
             console.log(JSON.stringify(await new Validator().validate(JSON.parse(s)))));`,
        ],
        { input: JSON.stringify(doc), encoding: 'utf8' },
      ),
    );

  it('is a valid OpenAPI 3.1 document', () => {
    expect(validate(openApiDocument())).toEqual({ valid: true });
    expect(validate({ openapi: '3.1.0', info: {}, paths: {} }).valid).toBe(false);
  });

  it('describes every route the router serves, and no other', () => {
    const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const router = apiRouter({ store: {} as Store, clock: fixedClock(NOW), log: createLogger('silent') });
    const served = router.stack
      .filter((l) => l.route)
      .flatMap((l) => {
        const route = l.route as unknown as { path: string; methods: Record<string, boolean> };
        const paths =
          route.path === '/:kind'
            ? IMPORT_KINDS.map((k) => `/api/v1/${k}`)
            : [`/api/v1${route.path.replace(':caseRef', '{case_ref}')}`];
        return paths.flatMap((p) => Object.keys(route.methods).map((m) => `${m} ${p}`));
      });
    const described = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    expect(described.sort()).toEqual(served.sort());
  });
});

describe('the rate limit per token', () => {
  it('answers 429 with Retry-After once the burst is spent, per token', async () => {
    const { store, dispose } = await openTestStore(ENGINES[1]!);
    await seedTwoMunicipalities(store);
    const api = await startApiServer(store, fixedClock(NOW), { burst: 2, perMinute: 6 });
    try {
      const a = (await store.apiTokens.create('nordby', 'a', ['read'], 'test')).token;
      const b = (await store.apiTokens.create('nordby', 'b', ['read'], 'test')).token;
      expect((await api.get('cases/X', a)).status).toBe(404);
      expect((await api.get('cases/X', a)).status).toBe(404);
      const limited = await api.get('cases/X', a);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('10');
      expect(limited.headers.get('content-type')).toContain(PROBLEM);
      expect((await api.get('cases/X', b)).status).toBe(404);
    } finally {
      await api.close();
      await dispose();
    }
  });
});
