import { fixedClock } from '../../src/domain/clock';
import type { Store } from '../../src/store/store';
import { cardProblems } from '../../src/cards/validate';
import { personalMessage, TENANT_ID, type TeamsUser } from '../support/activities';
import { ENGINES, openTestStore } from '../support/db';
import { FakeConnector } from '../support/fakeConnector';
import { startApiServer } from '../support/apiServer';
import { NOW, seedKeyFigures } from '../reports/fixture';

const leader: TeamsUser = { id: '29:leader', aadObjectId: 'aad-leader', name: 'Lene Leder' };
const coordinator: TeamsUser = { id: '29:coord', aadObjectId: 'aad-coord', name: 'Deltager 1' };
const adviser: TeamsUser = { id: '29:adviser', aadObjectId: 'aad-adviser', name: 'Nina Nord' };

describe('the status command in Teams (key figures by role)', () => {
  const connector = new FakeConnector();
  let store: Store;
  let dispose: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startApiServer>>;

  beforeAll(async () => {
    await connector.start();
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    const seeded = await seedKeyFigures(store);
    for (const [email, aad] of [
      [seeded.leaderEmail, leader.aadObjectId],
      [seeded.coordinatorEmail, coordinator.aadObjectId],
      [seeded.adviserEmail, adviser.aadObjectId],
    ] as const) {
      const staff = await seeded.tenant.staff.byEmail(email);
      await seeded.tenant.staff.linkAadObjectId(staff!.id, aad);
    }
    server = await startApiServer(store, fixedClock(NOW), undefined, { devFallback: false });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await dispose();
  });

  async function say(user: TeamsUser, text: string, extra: Record<string, unknown> = {}) {
    const before = connector.sent().length;
    const res = await server.activity(personalMessage(connector.url, user, text, extra));
    expect(res.status).toBe(200);
    return connector.sent().slice(before);
  }
  const cardOf = (activity: Record<string, unknown>) =>
    (activity.attachments as { content: Record<string, unknown> }[])[0]!.content as never;
  const factsOf = (card: unknown) => {
    const facts: Record<string, string[]> = {};
    for (const c of (
      card as {
        body: { type: string; items?: { text?: string; facts?: { title: string; value: string }[] }[] }[];
      }
    ).body) {
      if (c.type !== 'Container') continue;
      // The heading, then the lines (a sub-heading and its rows), then the facts.
      const [heading, ...rest] = c.items!;
      facts[heading!.text!] = rest.flatMap((i) =>
        i.facts ? i.facts.map((f) => `${f.title} = ${f.value}`) : [i.text!],
      );
    }
    return facts;
  };

  it("shows a leader the unit's key figures exactly (he may open its cases) and the municipality's with small groups hidden", async () => {
    const [reply] = await say(leader, 'status');
    const card = cardOf(reply!);
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Periode: 1. januar 2017 – 15. december 2017');
    expect(factsOf(card)).toEqual({
      'Enhed: Familie Nord': [
        'Opfølgninger',
        // 3 cases each: fewer than five, shown exactly to the leader of the unit.
        'Institutionsanbringelser: 5 afholdt, 85 dage imellem i gennemsnit',
        'Plejefamilieanbringelser: 6 afholdt, 92 dage imellem i gennemsnit',
        'Hjemmebaserede anbringelser: 0 afholdt',
        'Hjemmebaserede foranstaltninger: 0 afholdt',
        '§ 30-forløb (tidl. § 11): 0 afholdt',
        // 3 institution cases (5 follow-ups) and 3 foster-care cases (6): 8 of 11 on time by the law,
        // and each of the 6 cases' next legal date passed before 15 December unheld: 8 of 17.
        'Rettidighed = 0 % efter kommunens politik, 47 % efter loven',
        'Indsatstrappen = ned 0, op 0, ind 0, ud 0',
        '§ 30-forløb fulgt af undersøgelse = 0 af 0 (–)',
        'Sagstal pr. rådgiver = 6 i gennemsnit (mål: højst 25)',
      ],
      'Hele kommunen': [
        'Opfølgninger',
        'Institutionsanbringelser: 9 afholdt, 87,6 dage imellem i gennemsnit',
        'Plejefamilieanbringelser: skjult (n<5)',
        'Hjemmebaserede anbringelser: 0 afholdt',
        'Hjemmebaserede foranstaltninger: 0 afholdt',
        '§ 30-forløb (tidl. § 11): 0 afholdt',
        // 10 of 15 held on time by the law, and 7 legal dates passed unheld: 10 of 22.
        'Rettidighed = 0 % efter kommunens politik, 45 % efter loven',
        // Every move of the year so far is one child's: each direction is hidden.
        'Indsatstrappen = ned skjult (n<5), op skjult (n<5), ind skjult (n<5), ud skjult (n<5)',
        '§ 30-forløb fulgt af undersøgelse = 1 af 5 (20 %)',
        'Sagstal pr. rådgiver = 9 i gennemsnit (mål: højst 25)',
      ],
    });
  });

  it("shows a coordinator only their own team's meetings and questionnaire results", async () => {
    const [reply] = await say(coordinator, 'Status');
    const card = cardOf(reply!);
    expect(factsOf(card)).toEqual({
      'Team Solsikken': [
        // The pace is the school year's (from 1 August), as `møder` judges it: the five meetings held
        // this calendar year were in the spring, so 2017/18 has none held yet, with 2 due by now.
        'Teammøder i skoleåret 2017/18 = 0 afholdt og 1 planlagt af mindst 6 møder. Planen mangler 5 møder for at nå minimum. Teamet er bagud: 2 møder burde være afholdt nu, 0 er afholdt.',
        'Statusskemaer = 50 svar: godt 82 %, plads til forbedringer 18 %, mangelfuldt 0 %',
      ],
    });
    expect(JSON.stringify(card)).not.toContain('Hedeskolen');
    expect(JSON.stringify(card)).not.toContain('Familie Nord');
  });

  it('judges the team’s pace as `møder` does: the same counts and the same verdict', async () => {
    const [status] = await say(coordinator, 'status');
    const pace = factsOf(cardOf(status!))['Team Solsikken']![0]!.split(' = ')[1]!;
    const [year] = await say(coordinator, 'møder');
    const yearCard = JSON.stringify(cardOf(year!));
    const sentences = pace.split(/(?<=\.) /);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    for (const sentence of sentences) expect(yearCard).toContain(sentence);
  });

  it('answers in Danish although the Teams client says en-GB, and in English once the user chose English', async () => {
    const [danish] = await say(coordinator, 'status', { locale: 'en-GB' });
    expect(factsOf(cardOf(danish!))['Team Solsikken']![0]).toEqual(
      expect.stringMatching(/^Teammøder i skoleåret 2017\/18 = 0 afholdt/),
    );
    const t = store.tenant({ municipalityId: (await store.municipalities.list())[0]!.id, actor: 'test' });
    const me = await t.staff.byAadObjectId(coordinator.aadObjectId!);
    await t.staff.updateSettings(me!.id, { locale: 'en' });
    const [reply] = await say(coordinator, 'status', { locale: 'da-DK' });
    const card = cardOf(reply!);
    expect(cardProblems(card)).toEqual([]);
    expect(factsOf(card)['Team Solsikken']).toEqual([
      'Team meetings in the school year 2017/18 = 0 held and 1 planned of at least 6 meetings. The plan is 5 meetings short of the minimum. The team is behind: 2 meetings should have been held by now, 0 have.',
      'Questionnaires = 50 answers: good 82 %, room for improvement 18 %, poor 0 %',
    ]);
  });

  it('tells anyone else politely what the command is for, and shows no figures', async () => {
    const replies = await say(adviser, 'status');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.attachments).toBeUndefined();
    expect(replies[0]!.text).toMatch(/^Nøgletal er for ledere og tovholdere/);
  });

  it('keeps key figures out of channels', async () => {
    const replies = await say(leader, 'status', {
      conversation: { id: '19:channel@thread.tacv2', conversationType: 'channel', tenantId: TENANT_ID },
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]!.attachments).toBeUndefined();
    expect(JSON.stringify(replies[0])).not.toContain('87,6');
  });
});
