import { spawn } from 'node:child_process';
import type http from 'node:http';
import { AddressInfo } from 'node:net';
import { migrate } from '../src/store/migrate';
import { createStore } from '../src/store/store';
import { loadMunicipality } from '../src/app/municipalityContext';
import { runImport } from '../src/import/importer';
import { planAll } from '../src/scheduler/planner';
import { nextWorkingDay, zonedInstant } from '../src/domain/calendar';
import { TEXTS } from '../src/i18n/texts';
import { FakeConnector } from '../test/support/fakeConnector';
import { cardExecute, personalMessage, TENANT_ID } from '../test/support/activities';
import { BUILT_CLI, buildCli, generate, openScaleEngine, TODAY } from './scale';
import { percentile } from './support';
import { startEchoBot } from './submitLatency';

/** The bench's own port range (docs/performance.md "The morning run"). */
const PORT = 43_100;
/** The tenant the presses' activities carry (test/support/activities.ts). */
const TENANT = TENANT_ID;
const PRESSERS = 10;
const IDLE_MS = 10_000;

export type Phase = 'pass' | 'drain' | 'idle';

export interface PhaseFigures {
  presses: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  echoP50Ms: number;
  echoP99Ms: number;
  seconds: number;
}

export interface MorningFigures {
  cases: number;
  engine: string;
  planned: number;
  phases: Record<Phase, PhaseFigures>;
  drainPerSecond: number;
  sender429s: number;
  lost: number;
}

/**
 * The morning of issue "the 08:00 press": the real `samspil start` (built, scheduler on) on N cases
 * at 07:59:40 of a working day, a loopback connector that answers 429 above Teams' 50/s per tenant
 * and 7/s per conversation on every call, replies too; 10 advisers press "Åbn sag" 5 times a second
 * each (`pressesPerSecond`) while the start-up pass plans the morning, while the reminders drain at 08:00, and idle
 * afterwards; a bare teams-ai echo bot in this process answers a message every 100 ms beside them
 * (its own tenant) as the floor.
 */
export async function benchMorning(n: number, pressesPerSecond = 5): Promise<MorningFigures> {
  await buildCli();
  const { engine: raw, cli, release, dispose } = await openScaleEngine();
  const connector = new FakeConnector();
  await connector.start();
  connector.perTenantPerSecond = 50;
  connector.perConversationPerSecond = 7;
  let echo: http.Server | null = null;
  const child: { kill?: () => Promise<void> } = {};
  try {
    await migrate(raw);
    const store = createStore(raw);
    const rows = await generate(store, n);
    const m = await loadMunicipality(store, 'scale');
    const res = await runImport(
      store,
      { municipalityId: 'scale', actor: 'bench' },
      { ladderMaxStep: m.ladder.steps.length, policy: m.policy, today: TODAY },
      'followups',
      rows,
      { dryRun: false },
    );
    if (!res.applied) throw new Error('import failed');
    await planAll(store, zonedInstant(TODAY, '17:00', m.settings.timeZone));
    // Everyone has opened Samspil; the pressing advisers are linked to their Teams accounts.
    await raw.query(`UPDATE municipalities SET tenant_id = $1 WHERE id = 'scale'`, [TENANT]);
    await raw.query(
      `INSERT INTO conversation_refs (municipality_id, conversation_id, kind, staff_id, reference)
       SELECT 'scale', 'a:personal-' || s.email, 'personal', s.id,
              jsonb_build_object('serviceUrl', $1::text, 'channelId', 'msteams', 'bot', jsonb_build_object('id', '28:bot'),
                                 'conversation', jsonb_build_object('id', 'a:personal-' || s.email, 'tenantId', $2::text))
       FROM staff s WHERE s.municipality_id = 'scale'`,
      [connector.url, TENANT],
    );
    const pressers: { user: { id: string; aadObjectId: string; name: string }; cases: string[] }[] = [];
    for (let i = 1; i <= PRESSERS; i++) {
      const email = `r${i}@skala.example`;
      await raw.query(`UPDATE staff SET aad_object_id = $1 WHERE email = $2`, [`aad-r${i}`, email]);
      const cases = await raw.query<{ id: string }>(
        `SELECT c.id FROM cases c JOIN staff s ON s.id = c.adviser_id WHERE s.email = $1`,
        [email],
      );
      pressers.push({
        user: { id: `29:r${i}`, aadObjectId: `aad-r${i}`, name: `Rådgiver ${i}` },
        cases: cases.map((c) => c.id),
      });
    }
    const day = nextWorkingDay(TODAY);
    const start = new Date(zonedInstant(day, '08:00', m.settings.timeZone).getTime() - 20_000);
    await release();

    echo = await startEchoBot();
    const echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/api/messages`;
    const botUrl = `http://127.0.0.1:${PORT}/api/messages`;
    let phase: Phase = 'pass';
    let planned = -1;
    const proc = spawn(process.execPath, [BUILT_CLI, 'start'], {
      env: {
        ...process.env,
        ...cli,
        NODE_OPTIONS: '',
        PORT: String(PORT),
        LOG_LEVEL: 'info',
        SAMSPIL_NOW: start.toISOString(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.kill = () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      });
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        log += d.toString();
        if (log.includes('is listening on')) resolve();
        const m = /"planned":(\d+)[^\n]*"msg":"planning pass"/.exec(log);
        if (m && planned < 0) planned = Number(m[1]);
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', onData);
      proc.on('exit', (code) => reject(new Error(`samspil start exited with ${code}:\n${log}`)));
    });

    const samples: Record<Phase, { ms: number[]; failed: number; echo: number[]; from: number; to: number }> =
      {
        pass: { ms: [], failed: 0, echo: [], from: Date.now(), to: 0 },
        drain: { ms: [], failed: 0, echo: [], from: 0, to: 0 },
        idle: { ms: [], failed: 0, echo: [], from: 0, to: 0 },
      };
    let pressing = true;
    const inFlight = new Set<Promise<void>>();
    const press = async (p: (typeof pressers)[number], k: number) => {
      const at = phase;
      const t0 = performance.now();
      try {
        const caseId = p.cases[k % p.cases.length]!;
        const res = await fetch(botUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(
            cardExecute(connector.url, p.user, `reminder-${k}`, { verb: 'openCase', caseId }),
          ),
          signal: AbortSignal.timeout(15_000),
        });
        const body = (await res.json()) as { value?: unknown };
        const ok = res.status === 200 && body.value === TEXTS.da.cards.openedBelow;
        if (!ok) samples[at].failed++;
      } catch {
        samples[at].failed++;
      }
      samples[at].ms.push(performance.now() - t0);
    };
    const echoOnce = async () => {
      const at = phase;
      const t0 = performance.now();
      const user = { id: '29:echo', aadObjectId: 'aad-echo', name: 'Echo' };
      const activity = personalMessage(connector.url, user, 'hej');
      (activity.conversation as { tenantId: string }).tenantId = 'tenant-echo';
      await fetch(echoUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      }).then((r) => r.arrayBuffer());
      samples[at].echo.push(performance.now() - t0);
    };
    const loops = [
      ...pressers.map(async (p) => {
        for (let k = 0; pressing; k++) {
          const x = press(p, k).finally(() => inFlight.delete(x));
          inFlight.add(x);
          await new Promise((r) => setTimeout(r, 1000 / pressesPerSecond));
        }
      }),
      (async () => {
        while (pressing) {
          await echoOnce().catch(() => undefined);
          await new Promise((r) => setTimeout(r, 100));
        }
      })(),
    ];

    const proactive = () =>
      connector.sent().filter((a) => !JSON.stringify(a).includes('case-details')).length;
    while (planned < 0) await new Promise((r) => setTimeout(r, 50));
    samples.pass.to = Date.now();
    phase = 'drain';
    samples.drain.from = Date.now();
    // The drain: until the connector has every planned reminder (or it stops moving for a minute).
    let last = -1;
    let still = Date.now();
    for (;;) {
      const now = proactive();
      if (now >= planned) break;
      if (now !== last) {
        last = now;
        still = Date.now();
      } else if (Date.now() - still > 60_000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    samples.drain.to = Date.now();
    phase = 'idle';
    samples.idle.from = Date.now();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    samples.idle.to = Date.now();
    pressing = false;
    await Promise.all(loops);
    await Promise.all([...inFlight]);

    // The drain's rate from the first reminder after 08:00 to the last.
    const reminderTimes = connector.calls
      .filter(
        (c) =>
          c.method === 'POST' &&
          /\/activities/.test(c.path) &&
          !JSON.stringify(c.body).includes('case-details'),
      )
      .map((c) => c.at);
    const drainSeconds = (Math.max(...reminderTimes) - Math.min(...reminderTimes)) / 1000;
    const summary = (s: (typeof samples)[Phase]): PhaseFigures => {
      const ms = [...s.ms].sort((a, b) => a - b);
      const e = [...s.echo].sort((a, b) => a - b);
      return {
        presses: ms.length,
        failed: s.failed,
        p50Ms: percentile(ms, 50),
        p99Ms: percentile(ms, 99),
        maxMs: ms.at(-1) ?? NaN,
        echoP50Ms: percentile(e, 50),
        echoP99Ms: percentile(e, 99),
        seconds: (s.to - s.from) / 1000,
      };
    };
    return {
      cases: n,
      engine: raw.kind,
      planned,
      phases: { pass: summary(samples.pass), drain: summary(samples.drain), idle: summary(samples.idle) },
      drainPerSecond: reminderTimes.length / drainSeconds,
      sender429s: connector.rejected,
      lost: Math.max(0, planned - proactive()),
    };
  } finally {
    await child.kill?.();
    if (echo) await new Promise((r) => echo!.close(r));
    await connector.stop();
    await dispose();
  }
}
