import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import { offsetClock } from '../src/domain/clock';
import { createLogger } from '../src/log';
import { DrainResult, emptyDrain, OutboxSender } from '../src/outbox/sender';
import { createAdapter } from '../src/teams/adapter';
import { BotFrameworkTransport } from '../src/teams/proactive';
import { FakeConnector } from '../test/support/fakeConnector';
import { openBenchStore, sleep } from './support';

/** Teams' documented ceiling for one bot app in one tenant. */
export const TEAMS_TENANT_LIMIT_PER_SECOND = 50;

export interface ThroughputOptions {
  staff: number;
  messagesPerStaff: number;
}

export interface ThroughputResult {
  messages: number;
  wallSeconds: number;
  perSecond: number;
  fractionOfLimit: number;
  /** 429 answers the fake connector gave (including those botbuilder retried inside one send). */
  connector429s: number;
  /** Messages the sender put back in the queue after a failed send. */
  retries: number;
  parked: number;
  drains: number;
  deliveredExactlyOnce: boolean;
  duplicates: number;
  missing: number;
}

const MUNICIPALITY = 'bench';
const MONDAY_0900_CPH = new Date('2026-11-23T08:00:00Z'); // Monday 09:00 Europe/Copenhagen
const SEND_WINDOW = { hours: { start: '08:00', end: '16:00' }, timeZone: 'Europe/Copenhagen' };
const isActivityPost = (c: { method: string; path: string }) =>
  c.method === 'POST' && /\/activities/.test(c.path);

/**
 * Drains an outbox of `staff × messagesPerStaff` due messages through the real OutboxSender and
 * BotFrameworkTransport into a fake Bot Connector that answers 429 like Teams (50/s per tenant,
 * 7/s per conversation). The clock starts on a Monday morning and then runs at wall-clock speed,
 * so a message re-queued after a 429 becomes due again when its Retry-After has really passed.
 */
export async function benchProactiveThroughput(
  opts: ThroughputOptions = { staff: 300, messagesPerStaff: 2 },
): Promise<ThroughputResult> {
  const connector = new FakeConnector();
  await connector.start();
  connector.perSecond = TEAMS_TENANT_LIMIT_PER_SECOND;
  connector.perConversationPerSecond = 7;
  // The fake consults `fail` before its rate limits, so this counts every send it receives.
  let received = 0;
  connector.fail = (call) => {
    if (isActivityPost(call)) received++;
    return null;
  };

  const store = await openBenchStore();
  try {
    const clock = offsetClock(MONDAY_0900_CPH);
    await store.municipalities.create({
      id: MUNICIPALITY,
      name: 'Bench Kommune',
      tenant_id: 't',
      settings: {},
    });
    const texts: string[] = [];
    await store.inTransaction({ municipalityId: MUNICIPALITY, actor: 'bench' }, async (t) => {
      const staffIds: string[] = [];
      for (let i = 0; i < opts.staff; i++) {
        const email = `staff${i}@bench.example`;
        const { id } = await t.staff.upsert({ email, name: `Staff ${i}`, roles: ['adviser'] });
        await t.conversations.save({
          conversationId: `a:personal-${email}`,
          kind: 'personal',
          staffId: id,
          reference: {
            serviceUrl: connector.url,
            channelId: 'msteams',
            conversation: { id: `a:personal-${email}`, conversationType: 'personal', tenantId: 't' },
            bot: { id: '28:samspil-bot' },
          },
        });
        staffIds.push(id);
      }
      for (let round = 0; round < opts.messagesPerStaff; round++) {
        for (let i = 0; i < staffIds.length; i++) {
          const text = `bench ${round}-${i}`;
          texts.push(text);
          await t.outbox.enqueue({
            key: { key: text, subject: text, version: 0 },
            kind: 'bench',
            recipientStaffId: staffIds[i]!,
            payload: { activity: { type: 'message', text } },
            notBefore: MONDAY_0900_CPH,
          });
        }
      }
    });

    const sender = new OutboxSender(store, new BotFrameworkTransport(createAdapter(loadConfig({})), ''), {
      clock,
      log: createLogger('silent'),
      sendWindow: async () => SEND_WINDOW,
    });
    const total: DrainResult = emptyDrain();
    let drains = 0;
    const started = performance.now();
    for (;;) {
      const r = await sender.drain();
      drains++;
      for (const k of Object.keys(total) as (keyof DrainResult)[]) total[k] += r[k];
      const counts = await store.queue.counts();
      if (counts.pending + counts.sending === 0) break;
      if (performance.now() - started > 120_000)
        throw new Error(`outbox not drained: ${JSON.stringify(counts)}`);
      // What is left waits for its not_before (a Retry-After); poll as a scheduler tick would, only faster.
      await sleep(50);
    }
    const wallSeconds = (performance.now() - started) / 1000;

    const perText = new Map<string, number>();
    for (const a of connector.sent()) perText.set(String(a.text), (perText.get(String(a.text)) ?? 0) + 1);
    const duplicates = [...perText.values()].filter((n) => n > 1).length;
    const missing = texts.filter((t) => !perText.has(t)).length;
    const accepted = connector.calls.filter(isActivityPost).length;
    return {
      messages: total.sent,
      wallSeconds,
      perSecond: total.sent / wallSeconds,
      fractionOfLimit: total.sent / wallSeconds / TEAMS_TENANT_LIMIT_PER_SECOND,
      connector429s: received - accepted,
      retries: total.retried,
      parked: total.parked,
      drains,
      deliveredExactlyOnce: duplicates === 0 && missing === 0 && perText.size === texts.length,
      duplicates,
      missing,
    };
  } finally {
    await store.close();
    await connector.stop();
  }
}

if (require.main === module) {
  benchProactiveThroughput()
    .then((r) => console.log(r))
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    });
}
