import http from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import express from 'express';
import { Application } from '@microsoft/teams-ai';
import { MemoryStorage, TurnContext } from 'botbuilder';
import { loadConfig } from '../src/config';
import { fixedClock } from '../src/domain/clock';
import { defaultSettings } from '../src/domain/municipality';
import { createLogger } from '../src/log';
import { createHttpApp, listen } from '../src/server/httpServer';
import { createAdapter } from '../src/teams/adapter';
import { createBotApp } from '../src/teams/botApp';
import { cardExecute, personalMessage, TENANT_ID } from '../test/support/activities';
import { FakeConnector } from '../test/support/fakeConnector';
import { LatencySummary, openBenchStore, summarise } from './support';

export interface LatencyOptions {
  warmup: number;
  samples: number;
}

export interface LatencyResult {
  samspil: LatencySummary;
  echo: LatencySummary;
}

const anna = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Rådgiver' };
const CASE_REF = 'B-001';

const urlOf = (server: http.Server) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;

async function post(url: string, activity: object): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status >= 300) throw new Error(`${url} answered ${res.status}`);
  return ms;
}

/** The baseline: teams-ai's smallest bot, mounted as its samples do (express.json + adapter.process). */
export async function startEchoBot(): Promise<http.Server> {
  const adapter = createAdapter(loadConfig({}));
  const app = new Application({ adapter, storage: new MemoryStorage() });
  app.activity('message', async (context: TurnContext) => {
    await context.sendActivity(`Echo: ${context.activity.text}`);
  });
  const server = express();
  server.use(express.json());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  return listen(server, 0, '127.0.0.1');
}

/**
 * p50/p99 latency of an Adaptive Card submission (Action.Execute `openCase`, read-only so it can be
 * pressed again and again) to Samspil's real bot — identity lookup, conversation refresh, the case,
 * its measures and follow-ups from PGlite, the rendered card posted back through the connector —
 * against a bare teams-ai echo bot answering a plain message, both in this process, requests
 * interleaved so both see the same machine.
 */
export async function benchSubmitLatency(
  opts: LatencyOptions = { warmup: 30, samples: 300 },
): Promise<LatencyResult> {
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  connector.members.set(anna.id, {
    ...anna,
    email: 'anna@bench.example',
    userPrincipalName: 'anna@bench.example',
  });
  const store = await openBenchStore();
  const servers: http.Server[] = [];
  try {
    await store.municipalities.create({
      id: 'bench',
      name: 'Bench Kommune',
      tenant_id: TENANT_ID,
      settings: defaultSettings('herning'),
    });
    const t = store.tenant({ municipalityId: 'bench', actor: 'bench' });
    const { id: annaId } = await t.staff.upsert({
      email: 'anna@bench.example',
      name: anna.name,
      roles: ['adviser'],
      profession: 'familierådgiver',
    });
    const { id: caseId } = await t.cases.upsert({
      caseRef: CASE_REF,
      adviserId: annaId,
      opened: '2026-10-01',
      ladderStep: 2,
      childInitials: 'AB',
    });
    await t.measures.upsert({ caseId, measureType: 'preventive', start: '2026-11-02', end: null });

    const log = createLogger('silent');
    const adapter = createAdapter(loadConfig({}));
    const bot = createBotApp({
      adapter,
      botAppId: '',
      log,
      store,
      clock: fixedClock('2026-11-25T08:00:00Z'),
      devFallback: true,
    });
    const samspil = await listen(
      createHttpApp({ adapter, runTurn: (context) => bot.run(context), health: async () => ({}), log }),
      0,
      '127.0.0.1',
    );
    servers.push(samspil);
    const echo = await startEchoBot();
    servers.push(echo);

    const samspilUrl = urlOf(samspil);
    const echoUrl = urlOf(echo);
    const submit = () =>
      post(samspilUrl, cardExecute(serviceUrl, anna, 'act-card', { verb: 'openCase', caseId }));
    const message = () => post(echoUrl, personalMessage(serviceUrl, anna, 'hej'));

    for (let i = 0; i < opts.warmup; i++) {
      await submit();
      await message();
    }
    // Make sure the figure is for the real thing: the case card, not a refusal or an error card.
    connector.reset();
    await submit();
    const reply = JSON.stringify(connector.sent());
    if (!reply.includes(`Sag ${CASE_REF}`))
      throw new Error(`Samspil did not answer with the case card: ${reply}`);
    connector.reset();

    const samspilMs: number[] = [];
    const echoMs: number[] = [];
    for (let i = 0; i < opts.samples; i++) {
      // Alternate who goes first so neither always follows the other's garbage.
      if (i % 2 === 0) {
        samspilMs.push(await submit());
        echoMs.push(await message());
      } else {
        echoMs.push(await message());
        samspilMs.push(await submit());
      }
    }
    const replies = connector.sent().length;
    if (replies !== 2 * opts.samples) throw new Error(`expected ${2 * opts.samples} replies, got ${replies}`);
    return { samspil: summarise(samspilMs), echo: summarise(echoMs) };
  } finally {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    await store.close();
    await connector.stop();
  }
}

if (require.main === module) {
  benchSubmitLatency()
    .then((r) => console.log(r))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
