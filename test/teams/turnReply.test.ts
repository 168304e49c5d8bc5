import { loadConfig } from '../../src/config';
import { fixedClock } from '../../src/domain/clock';
import { createLogger } from '../../src/log';
import { emptyDrain, OutboxSender } from '../../src/outbox/sender';
import { createAdapter } from '../../src/teams/adapter';
import { BotFrameworkTransport } from '../../src/teams/proactive';
import { TEXTS } from '../../src/i18n/texts';
import type { Store } from '../../src/store/store';
import { cardExecute, TENANT_ID, type TeamsUser } from '../support/activities';
import { ENGINES, openTestStore } from '../support/db';
import { FakeConnector } from '../support/fakeConnector';
import { startApiServer } from '../support/apiServer';
import { MUNICIPALITY, NOW, seedKeyFigures } from '../reports/fixture';

const nina: TeamsUser = { id: '29:nina', aadObjectId: 'aad-nina', name: 'Nina Nord' };
const MONDAY_0900 = '2026-11-23T08:00:00Z';
const BACKLOG = 200;

/**
 * docs/outbox.md "One budget per tenant": a card press while the sender works through a morning's
 * backlog, against a connector that answers 429 above Teams' 50 a second per tenant and 7 a second
 * per conversation on every call (replies too), gets its answer in the invoke and its card below.
 */
describe('a card press during the morning drain, on a rate-limited connector', () => {
  const connector = new FakeConnector();
  let store: Store;
  let dispose: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startApiServer>>;

  beforeAll(async () => {
    await connector.start();
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    const seeded = await seedKeyFigures(store);
    const staff = await seeded.tenant.staff.byEmail(seeded.adviserEmail);
    await seeded.tenant.staff.linkAadObjectId(staff!.id, nina.aadObjectId);
    server = await startApiServer(store, fixedClock(NOW), undefined, { devFallback: false });
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await dispose();
  });

  it('answers every press in the invoke, never with the generic error, while the drain keeps Teams’ limits', async () => {
    const t = store.tenant({ municipalityId: MUNICIPALITY, actor: 'test' });
    for (let i = 0; i < BACKLOG / 5; i++) {
      const email = `r${i}@fjordby.example`;
      const { id } = await t.staff.upsert({ email, name: `R ${i}`, roles: ['adviser'] });
      const chat = `a:personal-r${i}`;
      await t.conversations.save({
        conversationId: chat,
        kind: 'personal',
        staffId: id,
        reference: {
          serviceUrl: connector.url,
          channelId: 'msteams',
          conversation: { id: chat, tenantId: TENANT_ID },
          bot: { id: '28:bot' },
        },
      });
      for (let k = 0; k < 5; k++)
        await t.outbox.enqueue({
          key: { key: `morning-${i}-${k}`, subject: `morning-${i}-${k}`, version: 0 },
          kind: 'followup.upcoming',
          recipientStaffId: id,
          payload: { activity: { type: 'message', text: `morning ${i} ${k}` } },
          notBefore: new Date(MONDAY_0900),
        });
    }
    const caseId = (await t.cases.byRef('I-1'))!.id;
    connector.perTenantPerSecond = 50;
    connector.perConversationPerSecond = 7;
    const sender = new OutboxSender(store, new BotFrameworkTransport(createAdapter(loadConfig({})), ''), {
      clock: fixedClock(MONDAY_0900),
      log: createLogger('silent'),
      sendWindow: async () => ({ hours: { start: '08:00', end: '16:00' }, timeZone: 'Europe/Copenhagen' }),
    });
    const drain = sender.drain();
    const proactive = () => connector.sent().filter((a) => String(a.text ?? '').startsWith('morning'));
    while (proactive().length < 20) await new Promise((r) => setTimeout(r, 20));

    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await server.activity(
        cardExecute(connector.url, nina, `reminder-${i}`, { verb: 'openCase', caseId }),
      );
      expect(res.status).toBe(200);
      answers.push(((await res.json()) as { value?: unknown }).value as string);
      await new Promise((r) => setTimeout(r, 150));
    }
    const sentDuringPresses = proactive().length;
    const result = await drain;

    expect(sentDuringPresses).toBeLessThan(BACKLOG); // the presses came while the drain ran
    expect(answers).toEqual(Array(6).fill(TEXTS.da.cards.openedBelow));
    expect(answers).not.toContain(TEXTS.da.errors.generic);
    const cases = connector.sent(`a:personal-${nina.id}`).filter((a) => JSON.stringify(a).includes('I-1'));
    expect(cases).toHaveLength(6);
    // The drain kept within its share: nothing of it met a 429, and it all went.
    expect(result).toEqual({ ...emptyDrain(), sent: BACKLOG });
  }, 180_000);
});
