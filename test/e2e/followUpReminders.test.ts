import { cardExecute, installation, personalMessage, TENANT_ID } from '../support/activities';
import { runSamspil } from '../support/processes';
import { E2eBot, fileWriter, poster, submitData as actionData } from '../support/e2e';
import { openStore } from '../../src/store/open';

/**
 * Follow-up reminders end to end: the real `samspil start` process, a fake Bot Connector speaking the Bot
 * Framework REST protocol, and `samspil tick` run by an admin while the server holds the store.
 */
describe('follow-up reminders through Teams, end to end', () => {
  // The server's own minute-by-minute scheduler is off: every pass here is the admin's `tick --now`,
  // which a pass of the server's own at a minute boundary would otherwise race.
  const e2e = new E2eBot('samspil-e2e-', '2026-11-25T09:00:00+01:00');
  const { dir, dataDir, connector, env } = e2e;
  const bot = e2e.url;
  const anna = { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna Rådgiver' };
  const bob = { id: '29:bob', aadObjectId: 'aad-bob', name: 'Bob Ukendt' };
  const annaChat = `a:personal-${anna.id}`;

  const post = poster(bot);
  const file = fileWriter(dir);
  /** A card action's data without its `kind`, which the card adds for Teams and a submission does not carry. */
  const submitData = (card: string, verb: string): Record<string, string> => {
    const { kind: _kind, ...data } = actionData(card, verb);
    return data;
  };
  const lastCard = (conversationId: string) => {
    const sent = connector.sent(conversationId);
    const a = sent[sent.length - 1] as { attachments?: { content: unknown }[]; id?: string };
    return JSON.stringify(a?.attachments?.[0]?.content ?? a);
  };

  beforeAll(async () => {
    await connector.start();
    connector.members.set(anna.id, {
      ...anna,
      email: 'anna@e2e.example',
      userPrincipalName: 'anna@e2e.example',
    });
    const setup = [
      ['municipality', 'add', 'e2e', '--name', 'E2E Kommune', '--tenant', TENANT_ID, '--preset', 'herning'],
      [
        'import',
        file(
          'staff.csv',
          'email;name;roles;profession;unit;leader_email\nlise@e2e.example;Lise Leder;leader;familierådgiver;Nord;\nanna@e2e.example;Anna Rådgiver;adviser;familierådgiver;Nord;lise@e2e.example\n',
        ),
      ],
      [
        'import',
        file(
          'cases.csv',
          'case_ref;adviser_email;opened;ladder_step;child_initials\nE-001;anna@e2e.example;2026-10-01;2;AB\n',
        ),
      ],
      // Herning § 32 home-based: first follow-up 4 weeks after 2026-11-02 = Monday 2026-11-30; legal limit 2027-02-02.
      ['import', file('measures.csv', 'case_ref;measure_type;start;end\nE-001;preventive;2026-11-02;\n')],
    ];
    for (const args of setup) {
      const r = await runSamspil(args, env);
      expect(r.err).toBe('');
    }
    await e2e.startServer();
  }, 120_000);

  afterAll(async () => {
    await e2e.dispose();
  });

  it('greets an adviser who installs the app, and remembers the personal chat', async () => {
    await post(installation(connector.url, anna));
    expect(lastCard(annaChat)).toContain('Hvad kan Samspil?');
  });

  it('tells a Teams user who is not set up whom to ask', async () => {
    await post(personalMessage(connector.url, bob, 'hjælp'));
    expect(lastCard(`a:personal-${bob.id}`)).toContain('Du er ikke sat op i Samspil endnu');
  });

  it('answers "mine opfølgninger" with the adviser\'s cases and next due date', async () => {
    await post(personalMessage(connector.url, anna, 'mine opfølgninger'));
    const card = lastCard(annaChat);
    expect(card).toContain('Mine opfølgninger');
    expect(card).toContain('E-001 (AB)');
    expect(card).toContain('30.11.2026');
    expect(card).toContain('3 arbejdsdage til');
  });

  it('never shows case data in a team channel', async () => {
    const channel = '19:team-channel@thread.tacv2';
    await post(
      personalMessage(connector.url, anna, 'mine opfølgninger', {
        conversation: { id: channel, conversationType: 'channel', tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID }, team: { id: '19:team' }, channel: { id: channel } },
      }),
    );
    const reply = JSON.stringify(connector.sent(channel));
    expect(reply).toContain('kun i vores personlige chat');
    expect(reply).not.toContain('E-001');
  });

  it('plans and posts exactly one reminder 3 working days before the due date, and never twice', async () => {
    const before = connector.sent(annaChat).length;
    const tick = await runSamspil(['tick', '--now', '2026-11-25T09:00:00+01:00'], env);
    expect(tick.err).toBe('');
    expect(tick.out).toContain('e2e: 1 reminders planned');
    expect(tick.out).toContain('sent 1');
    expect(connector.sent(annaChat).length).toBe(before + 1);
    expect(lastCard(annaChat)).toContain('Opfølgning nærmer sig');
    const again = await runSamspil(['tick', '--now', '2026-11-25T10:00:00+01:00'], env);
    // The pass reads only deadlines whose next reminder day has come: today's is already planned.
    expect(again.out).toContain('e2e: 0 reminders planned');
    expect(connector.sent(annaChat).length).toBe(before + 1);
  });

  it('refuses a postponement past the legal date on the card itself: the reason beside the date, the values kept', async () => {
    const card = lastCard(annaChat);
    const sentBefore = connector.sent(annaChat).length;
    const updatesBefore = connector.updates(annaChat).length;
    const reply = await post(
      cardExecute(connector.url, anna, 'act-reminder', {
        ...submitData(card, 'postponeFollowUp'),
        postponeTo: '2027-03-01',
        reason: 'Ferie',
      }),
    );
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(reply.value).toContain('Ikke gemt – ret det markerede nedenfor.');
    expect(reply.value).toContain('Opfølgningen kan ikke udsættes til efter lovens frist 02.02.2027');
    // The typed values are back in their inputs, and the buttons are still there.
    expect(reply.value).toMatch(/"id":"postponeTo"(?:(?!"id":).)*"value":"2027-03-01"/);
    expect(reply.value).toMatch(/"id":"reason"(?:(?!"id":).)*"value":"Ferie"/);
    expect(reply.value).toContain('"verb":"registerFollowUp"');
    // Nothing arrives as a separate message, and nothing goes round the connector.
    expect(connector.sent(annaChat).length).toBe(sentBefore);
    expect(connector.updates(annaChat).length).toBe(updatesBefore);
  });

  it('answers a submission without the child-conversation answer with the reason beside it, the form open', async () => {
    const card = connector
      .sent(annaChat)
      .map((a) => JSON.stringify(a))
      .reverse()
      .find((c) => c.includes('registerFollowUp'))!;
    const reply = await post(
      cardExecute(connector.url, anna, 'act-reminder', {
        ...submitData(card, 'registerFollowUp'),
        cadence: 'm3',
        cadenceReason: 'Stabil',
      }),
    );
    expect(reply.value).toMatch(
      /"id":"childConversation"(?:(?!"id":).)*"errorMessage":"Vælg en af mulighederne."/,
    );
    expect(reply.value).toMatch(/"id":"cadenceReason"(?:(?!"id":).)*"value":"Stabil"/);
  });

  it('refuses a follow-up date in the future beside the date, and a CPR number in the reason without echoing it', async () => {
    const card = connector
      .sent(annaChat)
      .map((a) => JSON.stringify(a))
      .reverse()
      .find((c) => c.includes('registerFollowUp'))!;
    const data = { ...submitData(card, 'registerFollowUp'), childConversation: 'no', cadence: 'm3' };
    const future = await post(
      cardExecute(connector.url, anna, 'act-reminder', {
        ...data,
        heldOn: '2026-12-01',
        cadenceReason: 'Stabil',
      }),
    );
    expect(future.value).toMatch(/"id":"heldOn"(?:(?!"id":).)*"errorMessage":"Datoen ligger i fremtiden."/);
    expect(future.value).toMatch(/"id":"cadenceReason"(?:(?!"id":).)*"value":"Stabil"/);
    const cpr = await post(
      cardExecute(connector.url, anna, 'act-reminder', {
        ...data,
        heldOn: '2026-11-25',
        cadenceReason: 'Se 010203-1234',
      }),
    );
    expect(cpr.value).toContain('Ligner et CPR-nummer – brug initialer eller sagsnummer.');
    expect(cpr.value).not.toContain('010203-1234');
  });

  it('registers the follow-up from the card, updates the card in place and stores the next due date', async () => {
    const card = connector
      .sent(annaChat)
      .map((a) => JSON.stringify(a))
      .reverse()
      .find((c) => c.includes('registerFollowUp'))!;
    const data = submitData(card, 'registerFollowUp');
    const reply = await post(
      cardExecute(connector.url, anna, 'act-reminder', {
        ...data,
        heldOn: '2026-11-25',
        childConversation: 'yes',
        ladderStep: '',
        cadence: 'm3',
        cadenceReason: 'Stabil udvikling',
      }),
    );
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(reply.value).toContain('Opfølgning registreret 25. november 2026');
    // From the registration date, by the cadence chosen (§ 95 stk. 3): 25 Nov + 3 months.
    expect(reply.value).toContain('Næste opfølgning senest 25. februar 2027');
    expect(reply.value).not.toContain('"verb":"registerFollowUp"'); // no stale buttons
    const again = await post(
      cardExecute(connector.url, anna, 'act-reminder', {
        ...data,
        heldOn: '2026-11-25',
        childConversation: 'yes',
        cadence: 'm3',
        cadenceReason: 'x',
      }),
    );
    // A second press of the spent button changes nothing and shows the first result, marked as done.
    expect(again.value).toContain('Allerede udført – kortet viser det første svar.');
    expect(again.value).toContain('Opfølgning registreret 25. november 2026');
  });

  it('lets the adviser choose a daily digest, working hours and English, and refuses bad hours with the reason', async () => {
    await post(personalMessage(connector.url, anna, 'indstillinger'));
    expect(lastCard(annaChat)).toContain('Enkelte påmindelser');
    const bad = {
      verb: 'saveSettings',
      reminderMode: 'digest',
      workingStart: '15:00',
      workingEnd: '09:00',
      language: 'en',
    };
    const refused = await post(cardExecute(connector.url, anna, 'act-settings', bad));
    // The same card, the user's choices kept, the reason beside the end time.
    expect(refused.value).toMatch(
      /"id":"workingEnd"(?:(?!"id":).)*"errorMessage":"Slutningen skal ligge efter starten."/,
    );
    expect(refused.value).toMatch(/"id":"reminderMode"(?:(?!"id":).)*"value":"digest"/);
    expect(refused.value).toMatch(/"id":"language"(?:(?!"id":).)*"value":"en"/);
    const saved = await post(
      cardExecute(connector.url, anna, 'act-settings', {
        ...bad,
        workingStart: '09:00',
        workingEnd: '15:00',
      }),
    );
    expect(saved.value).toContain('Your settings are saved.');
    await post(personalMessage(connector.url, anna, 'my follow-ups', { locale: 'en-GB' }));
    expect(lastCard(annaChat)).toContain('My follow-ups');
  });

  it('runs report, import and municipality settings through the running server, and refuses other commands on its data folder', async () => {
    const report = await runSamspil(['report', 'caseload', '--format', 'csv'], env);
    expect(report.err).toBe('');
    expect(report.out).toContain('Anna Rådgiver,Nord,1,false');
    const dry = await runSamspil(
      [
        'import',
        file(
          'more.csv',
          'case_ref;adviser_email;opened;ladder_step;child_initials\nE-002;anna@e2e.example;2026-11-01;1;CD\n',
        ),
        '--dry-run',
      ],
      env,
    );
    expect(dry.out).toContain('Dry run: 1 cases rows (1 new, 0 updated) would be imported.');
    const set = await runSamspil(
      [
        'municipality',
        'settings',
        'e2e',
        '--set',
        file('settings.json', '{"questionnaireClosesAfterDays": 21}'),
      ],
      env,
    );
    expect(set.err).toBe('');
    expect(set.out).toContain('Settings of e2e updated: questionnaireClosesAfterDays.');
    const shown = await runSamspil(['municipality', 'settings', 'e2e'], env);
    expect(JSON.parse(shown.out).questionnaireClosesAfterDays).toBe(21);
    const locked = await runSamspil(['demo'], env);
    expect(locked.err).toMatch(/is in use by another Samspil process \(pid \d+, "samspil start"/);
  }, 120_000);

  it('has stored the follow-up, its cadence and reason (read from the database after the server stops)', async () => {
    await e2e.stopServer();
    const { store } = await openStore({ dataDir }, 'test');
    try {
      const t = store.tenant({ municipalityId: 'e2e', actor: 'test' });
      const c = await t.cases.byRef('E-001');
      const [m] = await t.measures.forCase(c!.id);
      const held = await t.measures.followUps(m!.id);
      expect(held.map((f) => [f.held_on, f.due_on, f.child_conversation, f.registered_by])).toEqual([
        ['2026-11-25', '2026-11-30', true, 'staff:anna@e2e.example'],
      ]);
      expect(m!.cadence).toEqual({
        every: { months: 3 },
        reason: 'Stabil udvikling',
        decidedOn: '2026-11-25',
      });
      expect((await t.outbox.list('sent')).map((o) => o.kind)).toEqual(['followup.upcoming']);
    } finally {
      await store.close();
    }
  });
});
