import { ENGINES, openTestStore } from '../support/db';
import { startApiServer } from '../support/apiServer';
import { FakeConnector } from '../support/fakeConnector';
import { cardExecute, personalMessage, TENANT_ID } from '../support/activities';
import { CPR_SPELLINGS, mutate, withoutIds } from '../support/mutate';
import { pool } from '../support/pool';
import { sourceLimits } from '../../src/server/sourceLimits';
import { Random } from '../../src/demo/random';
import { fixedClock } from '../../src/domain/clock';
import { looksLikeCpr } from '../../src/domain/cpr';
import { formatImportResult, importEnvOf, runImport, type ImportEnv } from '../../src/import/importer';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { ImportFileError, readRows } from '../../src/import/read';
import { IMPORT_KINDS, type ImportKind } from '../../src/import/schemas';
import type { Store } from '../../src/store/store';
import { CARD_VERBS } from '../../src/teams/routes/cardVerbs';
import { nextFollowUpDue } from '../../src/domain/followup';

/**
 * docs/privacy.md: whatever a caller sends to the API, the import or /api/messages, Samspil answers
 * without a 5xx, without crashing, without storing a CPR number and without echoing one. Fixed seeds,
 * so a failure is reproducible; at least 2,000 mutations per edge.
 */
const MUTATIONS = 2000;
const NOW = '2026-11-23T09:00:00+01:00';
const user = { id: '29:fuzz-user', aadObjectId: 'aad-fuzz-user', name: 'Anna Rådgiver' };

const VALID: Record<ImportKind, Record<string, unknown>> = {
  staff: {
    email: 'ny@nordby.example',
    name: 'Ny Rådgiver',
    roles: 'adviser',
    profession: 'familierådgiver',
    unit: 'Familie',
    leader_email: '',
  },
  teams: {
    team: 'Team Fuzz',
    district: 'Nord',
    institution: 'Fuzzskolen',
    institution_type: 'grundskole',
    coordinator_email: 'anna@nordby.example',
    members: ['anna@nordby.example'],
  },
  cases: {
    case_ref: 'F-1',
    adviser_email: 'anna@nordby.example',
    opened: '2026-01-15',
    ladder_step: 2,
    child_initials: 'AB',
  },
  measures: { case_ref: 'F-1', measure_type: 'preventive', start: '2026-02-01', end: '' },
  followups: { case_ref: 'F-1', measure_type: 'preventive', held_on: '2026-06-01', child_conversation: 'ja' },
  ladder: { case_ref: 'F-1', ladder_step: '2', from: '2026-05-01' },
};

/**
 * A keep-alive socket the server closed just as the client reused it resets the request before the
 * server read it; that is the client's race, so such a request is sent once more on a new socket.
 */
async function postWithRetry(url: string, body: string): Promise<Response> {
  const send = (headers: Record<string, string>) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  try {
    return await send({});
  } catch {
    return send({ connection: 'close' });
  }
}

describe('fuzzing the edges (fixed seeds)', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let api: Awaited<ReturnType<typeof startApiServer>>;
  let token: string;
  let env: ImportEnv;
  const connector = new FakeConnector();
  const crashes: unknown[] = [];
  const onCrash = (err: unknown) => crashes.push(err);

  beforeAll(async () => {
    // botbuilder writes every refused activity to the console; jest's console capture would make
    // the run several times slower, and what matters is checked on the answers.
    for (const level of ['log', 'warn', 'error'] as const)
      jest.spyOn(console, level).mockImplementation(() => undefined);
    process.on('unhandledRejection', onCrash);
    process.on('uncaughtException', onCrash);
    await connector.start();
    // PostgreSQL: the requests run concurrently, as they would in production.
    ({ store, dispose } = await openTestStore(ENGINES[1]!));
    await store.municipalities.create({
      id: 'nordby',
      name: 'Nordby Kommune',
      tenant_id: TENANT_ID,
      settings: {},
    });
    const t = store.tenant({ municipalityId: 'nordby', actor: 'test' });
    const anna = await t.staff.upsert({
      email: 'anna@nordby.example',
      name: 'Anna Rådgiver',
      roles: ['adviser', 'coordinator', 'leader'],
      unitId: null,
    });
    await t.staff.linkAadObjectId(anna.id, user.aadObjectId);
    env = importEnvOf(await loadMunicipality(store, 'nordby'), new Date(NOW));
    for (const kind of ['cases', 'measures'] as const)
      await runImport(
        store,
        { municipalityId: 'nordby', actor: 'test' },
        env,
        kind,
        readRows(JSON.stringify([VALID[kind]]), 'x.json'),
        { dryRun: false },
      );
    // Neither the API's nor /api/messages' per-source limit: every mutation reaches the rules.
    const unlimited = { burst: 1e9, perMinute: 1e9 };
    api = await startApiServer(store, fixedClock(NOW), unlimited, {
      limits: sourceLimits({ messages: unlimited }),
    });
    token = (await store.apiTokens.create('nordby', 'fuzz', [...IMPORT_KINDS, 'read'], 'test')).token;
  }, 120_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);
    await api.close();
    await connector.stop();
    await dispose();
  });

  /** Every row of every table as text: a CPR number stored anywhere shows up here. */
  async function storedCpr(): Promise<string[]> {
    const tables = await store.engine.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    const hits: string[] = [];
    for (const { table_name } of tables) {
      const rows = await store.engine.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
      for (const { row } of rows)
        if (looksLikeCpr(withoutIds(row))) hits.push(`${table_name}: ${row.slice(0, 200)}`);
    }
    return hits;
  }

  it(`the API: ${MUTATIONS} mutated batches, no 5xx, no CPR stored or echoed`, async () => {
    const r = new Random(11);
    const cases = Array.from({ length: MUTATIONS }, (_, i) => {
      const kind = r.pick(IMPORT_KINDS);
      const body = mutate(r, { items: [VALID[kind], { ...VALID[kind] }] });
      return { i, kind: r.chance(0.05) ? r.pick(['cases', 'x', '..%2f', CPR_SPELLINGS[0]!]) : kind, body };
    });
    const bad: string[] = [];
    await pool(cases, 6, async ({ i, kind, body }) => {
      const res = await api.put(encodeURIComponent(kind), JSON.stringify(body) ?? 'null', token);
      const text = await res.text();
      if (res.status >= 500) bad.push(`#${i} ${res.status} ${text.slice(0, 200)}`);
      if (looksLikeCpr(withoutIds(text))) bad.push(`#${i} echoed: ${text.slice(0, 200)}`);
    });
    expect(bad).toEqual([]);
    expect(crashes).toEqual([]);
    expect(await storedCpr()).toEqual([]);
  }, 300_000);

  it(`the import: ${MUTATIONS} mutated files (JSON and CSV), no crash, no CPR stored or echoed`, async () => {
    const r = new Random(12);
    const bad: string[] = [];
    for (let i = 0; i < MUTATIONS; i++) {
      const kind = r.pick(IMPORT_KINDS);
      const rows = mutate(r, [VALID[kind], { ...VALID[kind] }]);
      let content: string;
      let name: string;
      if (r.chance(0.5)) {
        content = JSON.stringify(rows) ?? '';
        name = 'f.json';
      } else {
        const list = Array.isArray(rows) ? rows : [rows];
        const cols = Object.keys(VALID[kind]);
        const cell = (v: unknown) =>
          typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '');
        content = [
          cols.join(';'),
          ...list.map((row) => cols.map((c) => cell((row as Record<string, unknown>)?.[c])).join(';')),
        ].join('\n');
        name = 'f.csv';
      }
      let out: string;
      try {
        const result = await runImport(
          store,
          { municipalityId: 'nordby', actor: 'fuzz' },
          env,
          kind,
          readRows(content, name),
          { dryRun: r.chance(0.3) },
        );
        out = formatImportResult(result);
      } catch (err) {
        if (!(err instanceof ImportFileError)) {
          bad.push(`#${i} threw ${String(err).slice(0, 200)}`);
          continue;
        }
        out = err.message;
      }
      if (looksLikeCpr(withoutIds(out))) bad.push(`#${i} echoed: ${out.slice(0, 200)}`);
    }
    expect(bad).toEqual([]);
    expect(await storedCpr()).toEqual([]);
  }, 300_000);

  it(`/api/messages: ${MUTATIONS} mutated activities, no 5xx, no crash, no CPR stored or echoed`, async () => {
    const r = new Random(13);
    const texts = ['hjælp', 'mine opfølgninger', 'indstillinger', 'møder', 'status', 'referat', 'help'];
    // Every verb a card can send, with fields that let its handler get past the first check: the
    // real measure, dates in and around its deadlines, and every input name the cards use.
    const verbs = Object.keys(CARD_VERBS);
    const [measure] = await store
      .tenant({ municipalityId: 'nordby', actor: 'test' })
      .measures.ofCases(
        (await store.tenant({ municipalityId: 'nordby', actor: 'test' }).cases.idsByRefs(['F-1'])).map(
          (c) => c.id,
        ),
      );
    // The measure's open deadline, so a registration or postponement can succeed and go all the way.
    const due = nextFollowUpDue({
      measureType: 'preventive',
      start: '2026-02-01',
      end: null,
      held: [],
      policy: env.policy,
      cadence: null,
    })!.due;
    const fields = () => ({
      measureId: measure!.id,
      caseId: measure!.case_id,
      due: r.pick([due, due, '2026-12-01']),
      kind: r.pick(['followup', 'investigation', 'early_help_end']),
      heldOn: r.pick(['2026-11-20', '2026-11-23', '2027-01-01']),
      childConversation: r.pick(['yes', 'no']),
      ladderStep: r.pick(['unchanged', '3', '9']),
      cadence: r.pick(['6w', '3m', 'x']),
      cadenceReason: 'Stabil anbringelse',
      postponeTo: '2026-12-10',
      reason: 'fordi',
      snoozeReason: 'afventer',
      workingDays: r.pick(['1', '2', '30']),
      reminderMode: r.pick(['single', 'digest']),
      workingStart: '08:00',
      workingEnd: '16:00',
      language: r.pick(['da', 'en']),
    });
    const cases = Array.from({ length: MUTATIONS }, (_, i) => {
      const base = r.chance(0.5)
        ? personalMessage(connector.url, user, r.pick(texts))
        : cardExecute(connector.url, user, 'reply-1', { verb: r.pick(verbs), ...fields() });
      return { i, body: mutate(r, base) };
    });
    const bad: string[] = [];
    await pool(cases, 4, async ({ i, body }) => {
      const res = await postWithRetry(`${api.url}/api/messages`, JSON.stringify(body) ?? 'null');
      const text = await res.text();
      if (res.status >= 500) bad.push(`#${i} ${res.status} ${text.slice(0, 200)}`);
      if (looksLikeCpr(withoutIds(text))) bad.push(`#${i} echoed: ${text.slice(0, 200)}`);
    });
    // replyToId is the channel's own activity id handed back to the channel, not a person's text.
    const sentTexts = connector
      .sent()
      .map((a) => JSON.stringify({ ...(a as Record<string, unknown>), replyToId: undefined }));
    const echoed = sentTexts.filter((a) => looksLikeCpr(withoutIds(a)));
    expect(echoed.map((a) => a.slice(0, 600))).toEqual([]);
    const replies = sentTexts.join('\n');
    expect(bad).toEqual([]);
    expect(crashes).toEqual([]);
    expect(looksLikeCpr(withoutIds(replies))).toBe(false);
    expect(await storedCpr()).toEqual([]);
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    // The fuzz reached the rules, not only the first refusal: some presses were carried out.
    const [done] = await store.engine.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM followups)::int + (SELECT count(*) FROM reminder_snoozes)::int AS n`,
    );
    expect(done!.n).toBeGreaterThan(0);
  }, 300_000);
});
