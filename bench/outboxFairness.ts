import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import { offsetClock } from '../src/domain/clock';
import { createLogger } from '../src/log';
import { OutboxSender } from '../src/outbox/sender';
import { openPglite } from '../src/store/engines/pglite';
import { migrate } from '../src/store/migrate';
import { createStore } from '../src/store/store';
import { recording } from '../src/store/recordingEngine';
import { createAdapter } from '../src/teams/adapter';
import { BotFrameworkTransport } from '../src/teams/proactive';
import { FakeConnector } from '../test/support/fakeConnector';
import { sleep } from './support';

const MONDAY_0900_CPH = new Date('2026-11-23T08:00:00Z');
const SEND_WINDOW = { hours: { start: '08:00', end: '16:00' }, timeZone: 'Europe/Copenhagen' };

export interface FairnessOptions {
  tenants: number;
  personalPerTenant: number;
  /** Messages queued for one channel of the first tenant before any personal message. */
  channelBacklog: number;
}

export interface FairnessResult {
  tenants: number;
  messages: number;
  wallSeconds: number;
  /** Delivered per second per tenant, beside Teams' 50/s. */
  perTenantPerSecond: number;
  /** When the last personal message arrived, and the floor: personal messages at 50/s per tenant. */
  personalDoneSeconds: number;
  personalFloorSeconds: number;
  queriesPerMessage: number;
  lost: number;
  duplicates: number;
}

/**
 * The sender against a connector that enforces Teams' limits per tenant (50/s) and per conversation
 * (7/s): several tenants at once, and one channel's backlog that must not hold personal messages back.
 */
export async function benchOutboxFairness(opts: FairnessOptions): Promise<FairnessResult> {
  const connector = new FakeConnector();
  await connector.start();
  connector.perTenantPerSecond = 50;
  connector.perConversationPerSecond = 7;
  const raw = await openPglite(undefined);
  await migrate(raw);
  const counted = recording(raw);
  const store = createStore(counted.engine);
  const texts: string[] = [];
  const personal = new Set<string>();
  try {
    for (let k = 0; k < opts.tenants; k++) {
      const id = `bench${k}`;
      await store.municipalities.create({ id, name: `Bench ${k}`, tenant_id: `t${k}`, settings: {} });
      await store.inTransaction({ municipalityId: id, actor: 'bench' }, async (t) => {
        const ref = (conversationId: string) => ({
          serviceUrl: connector.url,
          channelId: 'msteams',
          conversation: { id: conversationId, tenantId: `t${k}` },
          bot: { id: '28:samspil-bot' },
        });
        if (k === 0 && opts.channelBacklog > 0) {
          await t.conversations.save({
            conversationId: 'channel-1',
            kind: 'channel',
            staffId: null,
            reference: ref('channel-1'),
          });
          for (let i = 0; i < opts.channelBacklog; i++) {
            const text = `channel ${i}`;
            texts.push(text);
            await t.outbox.enqueue({
              key: { key: text, subject: text, version: 0 },
              kind: 'bench',
              recipientStaffId: null,
              conversationId: 'channel-1',
              payload: { activity: { type: 'message', text } },
              notBefore: new Date(MONDAY_0900_CPH.getTime() - 60_000),
            });
          }
        }
        for (let i = 0; i < opts.personalPerTenant; i++) {
          const email = `s${i}@${id}.example`;
          const { id: staffId } = await t.staff.upsert({ email, name: `S ${i}`, roles: ['adviser'] });
          await t.conversations.save({
            conversationId: `a:${email}`,
            kind: 'personal',
            staffId,
            reference: ref(`a:${email}`),
          });
          const text = `personal ${k}-${i}`;
          texts.push(text);
          personal.add(text);
          await t.outbox.enqueue({
            key: { key: text, subject: text, version: 0 },
            kind: 'bench',
            recipientStaffId: staffId,
            payload: { activity: { type: 'message', text } },
            notBefore: MONDAY_0900_CPH,
          });
        }
      });
    }
    const sender = new OutboxSender(store, new BotFrameworkTransport(createAdapter(loadConfig({})), ''), {
      clock: offsetClock(MONDAY_0900_CPH),
      log: createLogger('silent'),
      sendWindow: async () => SEND_WINDOW,
    });
    const before = counted.count();
    const started = Date.now();
    const t0 = performance.now();
    let sent = 0;
    for (;;) {
      sent += (await sender.drain()).sent;
      const c = await store.queue.counts();
      if (c.pending + c.sending === 0) break;
      if (performance.now() - t0 > 180_000) throw new Error(`not drained: ${JSON.stringify(c)}`);
      await sleep(50);
    }
    const wallSeconds = (performance.now() - t0) / 1000;
    const seen = new Map<string, number>();
    let personalDone = 0;
    for (const c of connector.calls.filter((x) => x.method === 'POST' && /\/activities/.test(x.path))) {
      const text = String(c.body?.text);
      seen.set(text, (seen.get(text) ?? 0) + 1);
      if (personal.has(text)) personalDone = Math.max(personalDone, c.at - started);
    }
    return {
      tenants: opts.tenants,
      messages: sent,
      wallSeconds,
      perTenantPerSecond: sent / opts.tenants / wallSeconds,
      personalDoneSeconds: personalDone / 1000,
      personalFloorSeconds: opts.personalPerTenant / 50,
      queriesPerMessage: (counted.count() - before) / Math.max(1, sent),
      lost: texts.filter((x) => !seen.has(x)).length,
      duplicates: [...seen.values()].filter((n) => n > 1).length,
    };
  } finally {
    await store.close();
    await connector.stop();
  }
}
