import { ManualClock } from '../../src/domain/clock';
import { defaultSettings } from '../../src/domain/municipality';
import { loadMunicipality } from '../../src/app/municipalityContext';
import { planMunicipality } from '../../src/scheduler/planner';
import type { Store } from '../../src/store/store';
import { cardExecute, personalMessage, TENANT_ID, type TeamsUser } from '../support/activities';
import { ENGINES, openTestStore } from '../support/db';
import { FakeConnector } from '../support/fakeConnector';
import { startApiServer } from '../support/apiServer';

const anna: TeamsUser = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Rådgiver' };
const lise: TeamsUser = { id: '29:lise', aadObjectId: 'aad-lise', name: 'Lise Leder' };

type Card = { body?: unknown[]; actions?: Action[] } & Record<string, unknown>;
type Action = { type: string; title?: string; verb?: string; data?: Record<string, string>; card?: Card };

/** Every Action.Execute of a card, wherever it sits (rows, folded forms, action sets). */
function executes(card: unknown, out: Action[] = []): Action[] {
  if (Array.isArray(card)) card.forEach((c) => executes(c, out));
  else if (card && typeof card === 'object') {
    const a = card as Action;
    if (a.type === 'Action.Execute') out.push(a);
    Object.values(card).forEach((v) => executes(v, out));
  }
  return out;
}

/**
 * Act wherever a deadline is shown: the digest, `mine opfølgninger` and the case card lead to the one
 * action card of a deadline; its date means the day of the press unless the adviser picks one; a
 * refusal names every problem at once with the form open; a leader may act for an absent adviser,
 * and the audit says so. Herning § 32 home-based measure started 2026-11-02: first follow-up due
 * Monday 2026-11-30.
 */
describe('acting on a deadline wherever it is shown', () => {
  const connector = new FakeConnector();
  const clock = new ManualClock('2026-11-30T08:00:00Z');
  let store: Store;
  let dispose: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  let measureId = '';
  let caseId = '';
  let annaId = '';
  const t = () => store.tenant({ municipalityId: 'da', actor: 'test' });

  async function press(user: TeamsUser, data: Record<string, unknown>) {
    const before = connector.sent().length;
    const res = await server.activity(cardExecute(connector.url, user, 'card-1', data));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: string; value: unknown };
    const below = connector
      .sent()
      .slice(before)
      .map((a) => (a as { attachments?: { content: Card }[] }).attachments?.[0]?.content)
      .filter((c): c is Card => !!c);
    const text = typeof body.value === 'string' ? body.value : JSON.stringify(body.value);
    const isCard = body.type === 'application/vnd.microsoft.card.adaptive';
    return { type: body.type, card: (isCard ? JSON.parse(text) : {}) as Card, text, below };
  }

  beforeAll(async () => {
    await connector.start();
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    await store.municipalities.create({
      id: 'da',
      name: 'Da',
      tenant_id: TENANT_ID,
      settings: defaultSettings('herning'),
    });
    const leaderId = (
      await t().staff.upsert({ email: 'lise@da.example', name: 'Lise Leder', roles: ['leader'] })
    ).id;
    annaId = (await t().staff.upsert({ email: 'anna@da.example', name: 'Anna Rådgiver', roles: ['adviser'] }))
      .id;
    await t().staff.setLeader(annaId, leaderId);
    await t().staff.linkAadObjectId(annaId, anna.aadObjectId);
    await t().staff.linkAadObjectId(leaderId, lise.aadObjectId);
    await t().staff.updateSettings(annaId, { reminderMode: 'digest' });
    const c = await t().cases.upsert({
      caseRef: 'DA-1',
      adviserId: annaId,
      opened: '2026-10-01',
      ladderStep: 2,
      childInitials: 'XY',
    });
    caseId = c.id;
    measureId = (
      await t().measures.upsert({ caseId: c.id, measureType: 'preventive', start: '2026-11-02', end: null })
    ).id;
    server = await startApiServer(store, clock, undefined, { devFallback: false });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await dispose();
  });

  let actionCard: Card;

  it("offers each deadline's actions in the digest, and opens the deadline's action card below", async () => {
    await planMunicipality(store, await loadMunicipality(store, 'da'), new Date('2026-11-30T08:00:00Z'));
    const [digest] = (await t().outbox.list('pending')).filter((o) => o.kind === 'followup.digest');
    const card = (digest!.payload as { activity: { attachments: { content: Card }[] } }).activity
      .attachments[0]!.content;
    const button = executes(card).find((a) => a.verb === 'openDeadline')!;
    expect(button).toMatchObject({ title: 'Registrér · Udskyd · Påmind', data: { measureId } });
    const r = await press(anna, { verb: 'openDeadline', ...button.data });
    expect(r.text).toContain('Åbnet nedenfor.');
    actionCard = r.below[0]!;
    expect(executes(actionCard).map((a) => a.verb)).toEqual([
      'registerFollowUp',
      'postponeFollowUp',
      'snoozeReminder',
      'openCase',
    ]);
    expect(JSON.stringify(actionCard)).toContain('Opfølgning i dag');
  });

  it('names every problem of the form at once, beside each field, with the form open and a CPR field emptied', async () => {
    const save = executes(actionCard).find((a) => a.verb === 'registerFollowUp')!;
    const r = await press(anna, {
      verb: 'registerFollowUp',
      ...save.data,
      heldOn: '2026-12-01',
      cadence: 'm3',
      cadenceReason: 'Mor 010203-1234',
    });
    const fieldError = (id: string) =>
      new RegExp(`"id":"${id}"(?:(?!"id":).)*"errorMessage":"([^"]*)"`).exec(r.text)?.[1];
    expect(fieldError('heldOn')).toBe('Datoen ligger i fremtiden.');
    expect(fieldError('childConversation')).toBe('Vælg en af mulighederne.');
    expect(fieldError('cadenceReason')).toContain('Ligner et CPR-nummer');
    expect(fieldError('cadenceReason')).toContain('Feltet er tømt');
    expect(r.text).not.toContain('010203-1234');
    // The register form is open in the body, not folded in a button; postpone and snooze stay folded.
    expect(r.card.actions!.map((a) => a.title)).toEqual(['Udskyd', 'Påmind mig senere', 'Åbn sag']);
    expect(JSON.stringify(r.card.body)).toContain('"verb":"registerFollowUp"');
    expect(r.text).toMatch(/"id":"heldOn"(?:(?!"id":).)*"value":"2026-12-01"/);
  });

  it('saves the day of the press when the date was not touched, though the card came earlier', async () => {
    clock.set('2026-12-02T09:00:00Z'); // two days after the card was sent
    const save = executes(actionCard).find((a) => a.verb === 'registerFollowUp')!;
    const r = await press(anna, {
      verb: 'registerFollowUp',
      ...save.data,
      heldOn: '',
      childConversation: 'no',
      cadence: 'm3',
      cadenceReason: 'Stabil udvikling',
    });
    expect(r.text).toContain('Opfølgning registreret 2. december 2026 af Anna Rådgiver');
    const held = await t().measures.followUps(measureId);
    expect(held.map((f) => [f.held_on, f.due_on, f.child_conversation])).toEqual([
      ['2026-12-02', '2026-11-30', false],
    ]);
  });

  it("gives a leader the unit's deadlines per adviser on overblik, and an adviser a pointer to her own", async () => {
    clock.set('2027-03-10T09:00:00Z'); // the next follow-up (2 March 2027) is overdue
    const say = async (user: TeamsUser, text: string) => {
      const before = connector.sent().length;
      expect((await server.activity(personalMessage(connector.url, user, text))).status).toBe(200);
      return JSON.stringify(connector.sent().slice(before));
    };
    const overview = await say(lise, 'overblik');
    expect(overview).toContain('Overblik over din enhed');
    expect(overview).toContain('Anna Rådgiver');
    expect(overview).toContain('1 overskredet · 0 de næste 30 dage');
    expect(overview).toContain('DA-1 (XY)');
    expect(overview).toContain('overskredet med 6 arbejdsdage');
    // The English command works too; the words follow the person's own language choice (Danish here).
    expect(await say(lise, 'overview')).toContain('Overblik over din enhed');
    expect(await say(anna, 'overblik')).toContain('Overblik viser en leders enhed.');
  });

  it('lets a leader act for an absent adviser from the case card, without snoozing her reminders, and audits it', async () => {
    const opened = await press(lise, { verb: 'openCase', caseId });
    const caseCard = opened.below[0]!;
    const button = executes(caseCard).find((a) => a.verb === 'openDeadline')!;
    expect(button.title).toBe('Registrér · Udskyd');
    const r = await press(lise, { verb: 'openDeadline', ...button.data });
    const card = r.below[0]!;
    expect(JSON.stringify(card)).toContain('Du handler på vegne af Anna Rådgiver; det står i loggen.');
    expect(executes(card).map((a) => a.verb)).toEqual(['registerFollowUp', 'postponeFollowUp', 'openCase']);
    const snooze = await press(lise, {
      verb: 'snoozeReminder',
      measureId,
      due: '2027-03-02',
      kind: 'followup',
      workingDays: '1',
      snoozeReason: 'Ferie',
    });
    expect(snooze.text).toContain('Kun sagens rådgiver kan udsætte sine påmindelser.');
    const save = executes(card).find((a) => a.verb === 'registerFollowUp')!;
    const done = await press(lise, { verb: 'registerFollowUp', ...save.data, childConversation: 'yes' });
    expect(done.text).toContain('Opfølgning registreret 10. marts 2027 af Lise Leder for Anna Rådgiver');
    const audit = (await t().audit.list()).filter((a) => a.action === 'act_for_adviser');
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'staff:lise@da.example',
        entity_id: measureId,
        details: { action: 'register', adviserId: annaId },
      }),
    ]);
  });
});
