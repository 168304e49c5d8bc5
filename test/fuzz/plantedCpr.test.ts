import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Random } from '../../src/demo/random';
import { fixedClock } from '../../src/domain/clock';
import { cprSearchText, findCprPath, looksLikeCpr } from '../../src/domain/cpr';
import { defaultSettings } from '../../src/domain/municipality';
import { zonedInstant } from '../../src/domain/calendar';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { decodeImportFile } from '../../src/import/decode';
import { importEnvOf, runImport } from '../../src/import/importer';
import { ImportFileError, readRows } from '../../src/import/read';
import { IMPORT_KINDS, type ImportKind } from '../../src/import/schemas';
import { openPostgres } from '../../src/store/engines/postgres';
import { migrate } from '../../src/store/migrate';
import { createStore, type Store } from '../../src/store/store';
import { CARD_VERBS } from '../../src/teams/routes/cardVerbs';
import { cardExecute, personalMessage, TENANT_ID } from '../support/activities';
import { startApiServer } from '../support/apiServer';
import { CPR_SPELLING_TABLE } from '../support/cprSpellings';
import { digitsOf, respell } from '../support/cprMutations';
import { FakeConnector } from '../support/fakeConnector';
import { capturedLog } from '../support/logCapture';
import { withoutIds } from '../support/mutate';
import { sourceLimits } from '../../src/server/sourceLimits';
import { pool } from '../support/pool';
import { startOwnPostgres, type OwnPostgres } from '../support/ownPostgres';

/**
 * docs/privacy.md, "No CPR numbers, at any edge": CPR numbers planted in every field of every card
 * verb, every text command, the activity's own fields, every API item and every import column reach
 * neither the database, nor Samspil's log, nor PostgreSQL's log. The database is a cluster of the
 * test's own (port 42117) that logs every statement with its parameters, so a CPR number that
 * reached SQL at all, even in a refused or failing query, is found. Fixed seed.
 */
const PG_PORT = 42117;
const NOW = '2026-11-26T10:00:00+01:00';
const user = { id: '29:plant-user', aadObjectId: 'aad-plant-user', name: 'Anna Rådgiver' };

/** The table's spellings, then re-spellings of the same numbers; only those the detector calls CPR. */
function plantedSpellings(r: Random, count: number): string[] {
  const table = CPR_SPELLING_TABLE.map((row) => row.text);
  const digits = table.map((t) => digitsOf(cprSearchText(t))).filter((d): d is string => d !== null);
  const out = [...table];
  while (out.length < count) {
    const s = respell(r, r.pick(digits));
    if (looksLikeCpr(s)) out.push(s);
  }
  return out;
}

describe('CPR numbers planted at every edge end up nowhere', () => {
  let pg: OwnPostgres;
  let store: Store;
  let api: Awaited<ReturnType<typeof startApiServer>>;
  const connector = new FakeConnector();
  const { log, lines } = capturedLog();
  const r = new Random(17);
  const spellings = plantedSpellings(r, 400);
  let next = 0;
  const spelling = () => spellings[next++ % spellings.length]!;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    for (const level of ['log', 'warn', 'error'] as const)
      jest.spyOn(console, level).mockImplementation(() => undefined);
    pg = startOwnPostgres(PG_PORT, {
      log_statement: 'all',
      log_min_error_statement: 'error',
      log_parameter_max_length: '-1',
      log_parameter_max_length_on_error: '-1',
    });
    const engine = await openPostgres(pg.url, { max: 4 });
    await migrate(engine);
    store = createStore(engine);
    await connector.start();
    await store.municipalities.create({
      id: 'nordby',
      name: 'Nordby Kommune',
      tenant_id: TENANT_ID,
      settings: defaultSettings('herning'),
    });
    const t = store.tenant({ municipalityId: 'nordby', actor: 'test' });
    const staff = async (email: string, roles: ('adviser' | 'coordinator' | 'leader' | 'participant')[]) =>
      (await t.staff.upsert({ email: `${email}@nordby.example`, name: email, roles, unitId: null })).id;
    ids.anna = await staff('anna', ['adviser', 'coordinator', 'leader']);
    ids.lars = await staff('lars', ['participant']);
    await t.staff.linkAadObjectId(ids.anna, user.aadObjectId);
    const inst = await t.organisation.upsertInstitution('Nordskolen', 'primary_school', 'Nord');
    ids.team = (await t.organisation.upsertTeam('Team Nord', 'Nord', inst.id)).id;
    await t.organisation.setTeamMembers(ids.team, [
      { staffId: ids.anna, coordinator: true },
      { staffId: ids.lars, coordinator: false },
    ]);
    const c = await t.cases.upsert({
      caseRef: 'F-1',
      adviserId: ids.anna,
      opened: '2026-01-15',
      ladderStep: 2,
      childInitials: 'AB',
    });
    ids.case = c.id;
    ids.measure = (
      await t.measures.upsert({ caseId: c.id, measureType: 'preventive', start: '2026-08-01', end: null })
    ).id;
    const meeting = (date: string) =>
      t.meetings.create({
        teamId: ids.team!,
        format: 'child',
        date,
        startTime: '09:00',
        endTime: '10:00',
        startsAt: zonedInstant(date, '09:00'),
        endsAt: zonedInstant(date, '10:00'),
        childReference: 'CD',
        theme: null,
        purpose: 'Trivsel',
        place: 'Mødelokale 2',
        participantIds: [ids.anna!, ids.lars!],
      });
    ids.held = (await meeting('2026-11-24')).id;
    await t.meetings.setRsvp(ids.held, ids.anna, 'yes', zonedInstant('2026-11-20', '10:00'));
    await t.meetings.markHeld(ids.held);
    ids.coming = (await meeting('2026-12-08')).id;
    const unlimited = { burst: 1e9, perMinute: 1e9 };
    api = await startApiServer(store, fixedClock(NOW), unlimited, {
      log,
      limits: sourceLimits({ messages: unlimited }),
    });
    ids.token = (await store.apiTokens.create('nordby', 'plant', [...IMPORT_KINDS, 'read'], 'test')).token;
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await api?.close();
    await connector.stop();
    await store?.engine.close();
    pg?.stop();
  });

  /** Every field any card sends, with a value that gets its handler past the first check. */
  const cardFields = (): Record<string, string> => ({
    caseId: ids.case!,
    measureId: ids.measure!,
    meetingId: r.pick([ids.held!, ids.coming!]),
    teamId: ids.team!,
    agreementId: randomUUID(),
    formId: 'child',
    formVersion: '1',
    due: '2026-11-01',
    kind: 'followup',
    reminderKind: 'due',
    startYear: '2026',
    heldOn: '2026-11-25',
    childConversation: 'yes',
    ladderStep: 'unchanged',
    cadence: '3m',
    cadenceReason: 'Stabil anbringelse',
    postponeTo: '2026-12-10',
    reason: 'Barnet er syg',
    snoozeReason: 'Afventer skolen',
    workingDays: '2',
    reminderMode: 'single',
    workingStart: '08:00',
    workingEnd: '16:00',
    language: 'da',
    weekday: '2',
    date: '2026-12-15',
    startTime: '09:00',
    endTime: '10:00',
    place: 'Mødelokale 2',
    onlineUrl: '',
    purpose: 'Bekymring for trivsel',
    format: 'child',
    theme: 'Mobning',
    childReference: 'EF',
    participants: `${ids.anna},${ids.lars}`,
    parentsTakePart: 'true',
    childTakesPart: 'false',
    present: ids.anna!,
    answer: 'yes',
    sequence: '0',
    resources: 'Gode venner',
    challenges: 'Fravær',
    goals: 'Mere i skole',
    a1Text: 'Ring til skolen',
    a1Owner: ids.anna!,
    a1Due: '2026-12-01',
    nextMeetingDate: '',
    childRulerLevel: 'declining',
    minutes: 'Kort referat',
    profession: 'teacher',
    rating: 'good',
    agreements_made: 'yes',
    sos_used: 'yes',
    parents_heard: 'yes',
    child_ruler_level: '',
    next_step: '',
    follow_up_date: '',
    useful: 'yes',
    next_themes: '',
    next_themes_other: '',
    comment: 'Godt møde',
  });

  async function post(body: object) {
    // A keep-alive socket the server closed just as the client reused it resets the request before
    // the server read it (the client's race), so such a request is sent once more on a new socket.
    const res = await api.activity(body).catch(() => api.activity(body, { connection: 'close' }));
    await res.text();
    expect(res.status).toBeLessThan(500);
  }

  it('plants them, then finds none in the database, in Samspil’s log or in PostgreSQL’s log', async () => {
    const started = Date.now();
    let planted = 0;
    // Every field of every card verb, four presses at a time as Teams would deliver them.
    const presses = Object.keys(CARD_VERBS).flatMap((verb) =>
      Object.keys(cardFields()).map((field) =>
        cardExecute(connector.url, user, 'card-1', { verb, ...cardFields(), [field]: spelling() }),
      ),
    );
    await pool(presses, 4, post);
    planted += presses.length;
    // Text commands, and free text where a command is expected.
    for (const command of ['sag', 'case', 'tilknyt', 'link', 'hjælp', 'planlæg møde', 'status', '']) {
      for (let i = 0; i < 6; i++) {
        await post(personalMessage(connector.url, user, `${command} ${spelling()}`.trim()));
        planted++;
      }
    }
    // The activity's own fields: names are free text, ids and codes are not.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an activity is any JSON here, by design
    type Activity = Record<string, any>;
    const envelope: ((a: Activity, v: string) => void)[] = [
      (a, v) => (a.from.name = v),
      (a, v) => (a.recipient.name = v),
      (a, v) => (a.conversation.name = v),
      (a, v) => (a.channelData.team = { id: '19:team', name: v }),
      (a, v) => (a.channelData.channel = { id: '19:channel', name: v }),
      (a, v) => (a.from.aadObjectId = v),
      (a, v) => (a.from.id = v),
      (a, v) => (a.conversation.id = v),
      (a, v) => (a.conversation.tenantId = v),
      (a, v) => (a.locale = v),
      (a, v) => (a.timestamp = v),
      (a, v) => (a.id = v),
      (a, v) => (a.replyToId = v),
      (a, v) => (a.value = { verb: v }),
    ];
    for (const plant of envelope) {
      for (let i = 0; i < 4; i++) {
        const a = personalMessage(
          connector.url,
          user,
          r.pick(['hjælp', 'mine opfølgninger', 'møder']),
        ) as Activity;
        plant(a, spelling());
        await post(a);
        planted++;
      }
    }
    // Every column of every API kind, and the case reference of the read route.
    const valid: Record<ImportKind, Record<string, string>> = {
      staff: {
        email: 'ny@nordby.example',
        name: 'Ny Rådgiver',
        roles: 'adviser',
        profession: 'familierådgiver',
        unit: 'Familie',
        leader_email: '',
      },
      teams: {
        team: 'Team Syd',
        district: 'Syd',
        institution: 'Sydskolen',
        institution_type: 'grundskole',
        coordinator_email: 'anna@nordby.example',
        members: 'anna@nordby.example',
      },
      cases: {
        case_ref: 'F-2',
        adviser_email: 'anna@nordby.example',
        opened: '2026-01-15',
        ladder_step: '2',
        child_initials: 'AB',
      },
      measures: { case_ref: 'F-1', measure_type: 'preventive', start: '2026-02-01', end: '' },
      followups: {
        case_ref: 'F-1',
        measure_type: 'preventive',
        held_on: '2026-06-01',
        child_conversation: 'ja',
      },
      ladder: { case_ref: 'F-1', ladder_step: '2', from: '2026-05-01' },
    };
    for (const kind of IMPORT_KINDS) {
      for (const column of [...Object.keys(valid[kind]), 'extra']) {
        const res = await api.put(kind, { items: [{ ...valid[kind], [column]: spelling() }] }, ids.token!);
        expect(res.status).toBeLessThan(500);
        expect(looksLikeCpr(withoutIds(await res.text()))).toBe(false);
        planted++;
      }
    }
    for (let i = 0; i < 10; i++) {
      const res = await api.get(`cases/${encodeURIComponent(spelling())}`, ids.token!);
      expect(res.status).toBeLessThan(500);
      expect(looksLikeCpr(withoutIds(await res.text()))).toBe(false);
      planted++;
    }
    // Every column of every import kind, as Danish Excel writes the file (UTF-8 or Windows-1252).
    const m = await loadMunicipality(store, 'nordby');
    for (const kind of IMPORT_KINDS) {
      for (const column of Object.keys(valid[kind])) {
        const cols = Object.keys(valid[kind]);
        const row = { ...valid[kind], [column]: spelling().replace(/[;\r\n"]/g, ' ') };
        const csv = `${cols.join(';')}\r\n${cols.map((c) => row[c]).join(';')}\r\n`;
        const bytes = r.chance(0.5) ? Buffer.from(csv, 'utf8') : Buffer.from(csv, 'latin1');
        let out: string;
        try {
          const rows = readRows(decodeImportFile(bytes).text, 'f.csv');
          const result = await runImport(
            store,
            { municipalityId: 'nordby', actor: 'cli:import' },
            importEnvOf(m, new Date(NOW)),
            kind,
            rows,
            { dryRun: false },
          );
          out = JSON.stringify(result);
        } catch (err) {
          if (!(err instanceof ImportFileError)) throw err;
          out = err.message;
        }
        expect(looksLikeCpr(withoutIds(out))).toBe(false);
        planted++;
      }
    }
    const plantingSeconds = (Date.now() - started) / 1000;

    // The database: every text and JSON value of every row of every table.
    const columns = await store.engine.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
    );
    const stored: string[] = [];
    for (const c of columns) {
      const rows = await store.engine.query<{ v: unknown }>(
        `SELECT "${c.column_name}" AS v FROM "${c.table_name}"`,
      );
      for (const { v } of rows) {
        const text = typeof v === 'string' ? v : JSON.stringify(v);
        const inJson =
          typeof v === 'object' && v !== null ? findCprPath(JSON.parse(withoutIds(JSON.stringify(v)))) : null;
        if (looksLikeCpr(withoutIds(text ?? '')) || inJson)
          stored.push(`${c.table_name}.${c.column_name}: ${String(text).slice(0, 120)}`);
      }
    }
    // Samspil's log, line by line and value by value (JSON escapes a line break).
    const logged = lines.filter(
      (l) => looksLikeCpr(withoutIds(l)) || findCprPath(JSON.parse(withoutIds(l))) !== null,
    );
    // PostgreSQL's own log: every statement and its parameters, and every error.
    const pgLog = fs.readFileSync(pg.logFile, 'utf8');
    const pgLines = pgLog.split('\n').filter((l) => looksLikeCpr(withoutIds(l)));
    // And the planted texts themselves, however the detector reads them.
    const exact = spellings.filter(
      (s) => s.length >= 10 && (pgLog.includes(s) || lines.some((l) => l.includes(s))),
    );

    expect({
      stored,
      logged: logged.map((l) => l.slice(0, 300)),
      pgLines: pgLines.slice(0, 20),
      exact,
    }).toEqual({
      stored: [],
      logged: [],
      pgLines: [],
      exact: [],
    });
    // The plant reached the server and the database: the bot answered, statements were logged.
    expect(planted).toBeGreaterThan(1000);
    expect(pgLog).toContain('statement:');
    expect(connector.sent().length).toBeGreaterThan(0);
    process.stdout.write(
      `planted ${planted} CPR spellings (${spellings.length} distinct) in ${plantingSeconds.toFixed(1)} s; ` +
        `searched ${columns.length} columns, ${lines.length} Samspil log lines, ${pgLog.split('\n').length} PostgreSQL log lines\n`,
    );
  }, 600_000);
});
