import { fixedClock } from '../../src/domain/clock';
import type { Store } from '../../src/store/store';
import { cardProblems } from '../../src/cards/validate';
import { personalMessage, type TeamsUser } from '../support/activities';
import { ENGINES, openTestStore } from '../support/db';
import { FakeConnector } from '../support/fakeConnector';
import { startApiServer } from '../support/apiServer';
import { NOW, seedKeyFigures } from '../reports/fixture';

/**
 * `sag REF` in the personal chat, which the Overblik tab's "open the case in the chat" link
 * prefills: the case card for the case's adviser, the same refusal for someone else's case as
 * for a reference that does not exist.
 */
const nina: TeamsUser = { id: '29:nina', aadObjectId: 'aad-nina', name: 'Nina Nord' };

describe('the case command (sag REF / case REF)', () => {
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
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await dispose();
  });

  async function say(text: string, extra: Record<string, unknown> = {}) {
    const before = connector.sent().length;
    const res = await server.activity(personalMessage(connector.url, nina, text, extra));
    expect(res.status).toBe(200);
    return JSON.stringify(connector.sent().slice(before));
  }

  it("opens the adviser's own case card by its reference, in Danish or English", async () => {
    const da = await say('sag I-1');
    expect(da).toContain('I-1');
    expect(da).toContain('Institutionsanbringelse');
    expect(da).not.toContain('Du har ikke adgang');
    const en = await say('case I-2', { locale: 'en-GB' });
    expect(en).toContain('I-2');
    expect(en).not.toContain('You do not have access');
    const card = (JSON.parse(en) as { attachments: { content: unknown }[] }[])[0]!.attachments[0]!.content;
    expect(cardProblems(card as never)).toEqual([]);
  });

  it('refuses a reference that looks like a CPR number before looking it up, without echoing it', async () => {
    const reply = await say('sag 0101901234');
    expect(reply).toContain('Det ligner et CPR-nummer, ikke et sagsnummer.');
    expect(reply).not.toContain('0101901234');
  });

  it("refuses another adviser's case and an unknown reference alike", async () => {
    const other = await say('sag I-4');
    const unknown = await say('sag X-999');
    expect(other).toContain('Du har ikke adgang til denne sag.');
    expect(unknown).toContain('Du har ikke adgang til denne sag.');
    expect(other).not.toContain('I-4');
  });

  it('answers what it does not understand with a pointer to hjælp, and a press on a pre-Action.Execute card as an old card', async () => {
    expect(await say('hvad med i morgen?')).toContain('Det forstod jeg ikke. Skriv **hjælp**');
    // Action.Submit (the cards of earlier versions) arrives as a message with a value and no text.
    const old = await say('', { value: { verb: 'registerFollowUp', measureId: 'x' } });
    expect(old).toContain('Det kort er fra en ældre udgave af Samspil');
    expect(old).not.toContain('Det forstod jeg ikke');
  });
});
