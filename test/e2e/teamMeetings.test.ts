import { cardExecute, installation, personalMessage, TENANT_ID, type TeamsUser } from '../support/activities';
import { runSamspil } from '../support/processes';
import { chatReader, E2eBot, fileWriter, poster, submitData, teamsUser } from '../support/e2e';
import { openStore } from '../../src/store/open';
import { isPublicHoliday, isWorkingDay } from '../../src/domain/calendar';
import { addDays, isoWeekday } from '../../src/domain/localDate';
import { defaultSchoolHolidays, isSchoolHoliday, schoolYear } from '../../src/domain/meetings/schoolYear';
import { readIcs } from '../app/meetings/icsReader';

/**
 * Team meetings end to end: the real `samspil start` process, a fake Bot Connector and
 * `samspil tick --now` run by an admin. The server's clock starts on Saturday 8 August 2026 and its
 * own scheduler is off, so each send is the admin's tick on Monday 10 August.
 */
describe('team meetings through Teams, end to end', () => {
  const e2e = new E2eBot('samspil-meetings-', '2026-08-08T10:00:00+02:00');
  const { dir, dataDir, connector, env } = e2e;
  const bot = e2e.url;
  const user = (key: string, name: string) => teamsUser(key, name, 'meet.example');
  const tove = user('tove', 'Tove Tovholder');
  const pia = user('pia', 'Pia Psykolog');
  const lars = user('lars', 'Lars Lærer');
  const sara = user('sara', 'Sara Syd');
  const channel = '19:nord@thread.tacv2';
  const CPR = '010190-1234';

  const post = poster(bot);
  const file = fileWriter(dir);
  const { cards, lastCard } = chatReader(connector);
  /** The pressed card's new face, from the invoke's answer. */
  const cardOf = (reply: { type: string; value: string }) => {
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    return reply.value;
  };
  /** Every input of a card with its value, as Teams would submit them unchanged. */
  const inputs = (card: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === 'object') {
        const n = node as { type?: string; id?: string; value?: unknown };
        if (n.type?.startsWith('Input.') && n.id) out[n.id] = n.value === undefined ? '' : String(n.value);
        Object.values(node).forEach(walk);
      }
    };
    walk(JSON.parse(card));
    return out;
  };
  /**
   * The calendar of every invitation card in a chat, fetched through the card's own signed link
   * (the demo default: http://localhost:PORT), as Outlook would open it. No card carries a file.
   */
  const invitations = async (chat: string) => {
    const links = connector
      .sent(chat)
      .flatMap((a) => [...JSON.stringify(a).matchAll(/"url":"(http:\/\/localhost:\d+\/calendar\/[^"]+)"/g)])
      .map((m) => m[1]!);
    return Promise.all(
      links.map(async (url) => {
        const res = await fetch(url);
        expect(res.status).toBe(200);
        return readIcs(await res.text());
      }),
    );
  };
  const tick = async (iso: string) => {
    const r = await runSamspil(['tick', '--now', iso], env);
    expect(r.err).toBe('');
    return r.out;
  };

  beforeAll(async () => {
    await connector.start();
    for (const u of [tove, pia, lars, sara]) {
      connector.members.set(u.id, { ...u, userPrincipalName: u.email });
    }
    const setup = [
      [
        'municipality',
        'add',
        'meet',
        '--name',
        'Mødeby Kommune',
        '--tenant',
        TENANT_ID,
        '--preset',
        'hjorring',
      ],
      [
        'import',
        file(
          'staff.csv',
          [
            'email;name;roles;profession;unit;leader_email',
            'lise@meet.example;Lise Leder;leader|adviser;familierådgiver;Nord;',
            'tove@meet.example;Tove Tovholder;coordinator;lærer;Nord;lise@meet.example',
            'pia@meet.example;Pia Psykolog;participant;psykolog;Nord;lise@meet.example',
            'lars@meet.example;Lars Lærer;participant;lærer;Nord;lise@meet.example',
            'sara@meet.example;Sara Syd;coordinator;pædagog;Syd;lise@meet.example',
          ].join('\n') + '\n',
        ),
      ],
      [
        'import',
        file(
          'teams.csv',
          [
            'team;district;institution;institution_type;coordinator_email;members',
            'Team Nord;Nord;Nordskolen;overbygningsskole;tove@meet.example;pia@meet.example|lars@meet.example',
            'Team Syd;Syd;Sydskolen;grundskole;sara@meet.example;',
          ].join('\n') + '\n',
        ),
      ],
      [
        'import',
        file(
          'cases.csv',
          'case_ref;adviser_email;opened;ladder_step;child_initials\nS-100;lise@meet.example;2026-06-01;2;EF\n',
        ),
      ],
    ];
    for (const args of setup) {
      const r = await runSamspil(args, env);
      expect(r.err).toBe('');
    }
    await e2e.startServer();
    for (const u of [tove, pia, lars, sara]) await post(installation(connector.url, u));
  }, 120_000);

  afterAll(async () => {
    await e2e.dispose();
  });

  it('links Team Nord to its channel when its coordinator types "tilknyt", and refuses anyone else', async () => {
    const inChannel = (u: TeamsUser, text: string) =>
      personalMessage(connector.url, u, text, {
        conversation: {
          id: `${channel};messageid=1700000000000`,
          conversationType: 'channel',
          tenantId: TENANT_ID,
        },
        channelData: { tenant: { id: TENANT_ID }, team: { id: '19:team' }, channel: { id: channel } },
      });
    await post(inChannel(pia, 'tilknyt Team Nord'));
    expect(JSON.stringify(connector.sent(`${channel};messageid=1700000000000`))).toContain(
      'Kun tovholderen for Team Nord kan tilknytte teamet en kanal.',
    );
    await post(inChannel(tove, 'tilknyt team nord'));
    expect(JSON.stringify(connector.sent(`${channel};messageid=1700000000000`))).toContain(
      'Kanalen er nu tilknyttet Team Nord.',
    );
  });

  it('shows the coordinator the team’s school year with "møder"', async () => {
    await post(personalMessage(connector.url, tove, 'møder'));
    const card = lastCard(tove.chat);
    expect(card).toContain('Teammøder 2026/27');
    expect(card).toContain('Team Nord – Overbygningsskole');
    expect(card).toContain('0 afholdt og 0 planlagt af mindst 10 møder.');
    expect(card).toContain('Planlæg skoleåret 2026/27');
  });

  it('proposes at least 10 dates for the overbygningsskole team, none on a weekend, holiday or school holiday', async () => {
    await post(
      cardExecute(connector.url, tove, 'act-year', submitData(lastCard(tove.chat), 'meetingYearPlan')),
    );
    const card = lastCard(tove.chat);
    expect(card).toContain('Forslag til mødeplan 2026/27');
    const dates = Object.entries(inputs(card))
      .filter(([k]) => /^date\d+$/.test(k))
      .map(([, v]) => v);
    expect(dates.length).toBeGreaterThanOrEqual(10);
    const holidays = defaultSchoolHolidays(schoolYear(2026));
    for (const d of dates) {
      expect([d, isoWeekday(d) <= 5, isPublicHoliday(d), isSchoolHoliday(d, holidays)]).toEqual([
        d,
        true,
        false,
        false,
      ]);
    }
  });

  it('refuses a CPR number in the year plan and stores nothing', async () => {
    const card = lastCard(tove.chat);
    const data = {
      ...inputs(card),
      ...submitData(card, 'meetingYearConfirm'),
      place: 'Nordskolen',
      purpose: `Om ${CPR}`,
    };
    const refused = cardOf(await post(cardExecute(connector.url, tove, 'act-year', data)));
    // The same proposal, the reason beside the purpose, the other values kept, the CPR number gone.
    expect(refused).toMatch(/"id":"purpose"(?:(?!"id":).)*"errorMessage":"Ligner et CPR-nummer/);
    expect(refused).toMatch(/"id":"place"(?:(?!"id":).)*"value":"Nordskolen"/);
    expect(refused).toContain('"verb":"meetingYearConfirm"');
    expect(refused).not.toContain(CPR);
  });

  it('confirms the year plan: the card is replaced by the result', async () => {
    const card = cards(tove.chat)
      .reverse()
      .find((c) => c.includes('meetingYearConfirm'))!;
    const done = cardOf(
      await post(
        cardExecute(connector.url, tove, 'act-year', {
          ...inputs(card),
          ...submitData(card, 'meetingYearConfirm'),
          place: 'Nordskolen, lokale 2',
        }),
      ),
    );
    expect(done).toContain('Mødeplanen er bekræftet');
    expect(done).toContain('10 møder er oprettet for Team Nord. Invitationer sendes til 3 deltagere.');
    expect(done).not.toMatch(/\d{4}-\d{2}-\d{2}/); // the dates in Danish, never ISO
  });

  it('plans 4 of the 6 meetings Team Syd needs (the coordinator deletes two proposed dates)', async () => {
    await post(personalMessage(connector.url, sara, 'møder'));
    await post(
      cardExecute(connector.url, sara, 'act-syd', submitData(lastCard(sara.chat), 'meetingYearPlan')),
    );
    const card = lastCard(sara.chat);
    const data = {
      ...inputs(card),
      ...submitData(card, 'meetingYearConfirm'),
      place: 'Sydskolen',
      date4: '',
      date5: '',
    };
    const done = cardOf(await post(cardExecute(connector.url, sara, 'act-syd', data)));
    expect(done).toContain('4 møder er oprettet for Team Syd');
  });

  it('sends every participant an invitation whose calendar link serves a parseable .ics, the channel a summary, and warns Team Syd’s coordinator', async () => {
    await tick('2026-08-10T09:05:00+02:00');
    expect(connector.refusals()).toEqual([]);
    for (const u of [tove, pia, lars]) {
      expect(JSON.stringify(connector.sent(u.chat))).not.toContain('text/calendar');
      const events = await invitations(u.chat);
      expect(events).toHaveLength(10);
      for (const e of events) {
        expect(e.method).toBe('REQUEST');
        expect(e.props.SEQUENCE).toBe('0');
        expect(e.props.UID).toMatch(/^meeting-[0-9a-f-]{36}@samspil\.invalid$/);
        expect(e.props.LOCATION).toBe('Nordskolen\\, lokale 2');
        expect(e.attendees.sort()).toEqual(['lars@meet.example', 'pia@meet.example', 'tove@meet.example']);
      }
      expect(new Set(events.map((e) => e.props.UID)).size).toBe(10);
      expect(lastCard(u.chat)).toContain('"verb":"meetingRsvp"');
    }
    const summary = JSON.stringify(connector.sent(channel));
    expect(summary).toContain('Teammøder i Team Nord');
    expect(summary.match(/Nyt møde:/g)).toHaveLength(10);
    const warning = cards(sara.chat).find((c) => c.includes('Teamet når ikke mødefrekvensen'));
    expect(warning).toContain('0 afholdt og 4 planlagt af mindst 6 møder.');
    expect(warning).toContain('Planen mangler 2 møder for at nå minimum.');
    expect(cards(tove.chat).some((c) => c.includes('Teamet når ikke mødefrekvensen'))).toBe(false);
  });

  it('lets a participant answer "deltager" on the invitation, updating the card in place', async () => {
    const invitation = cards(pia.chat).find((c) => c.includes('meetingRsvp'))!;
    const sentBefore = connector.sent(pia.chat).length;
    const yes = cardOf(
      await post(cardExecute(connector.url, pia, 'act-invite-pia', submitData(invitation, 'meetingRsvp', 0))),
    );
    expect(yes).toContain('Du har svaret: deltager.');
    expect(yes).toContain('/calendar/'); // the calendar link stays on the card
    expect(yes).toContain('"verb":"meetingRsvp"'); // the answer can still change
    const no = cardOf(
      await post(cardExecute(connector.url, pia, 'act-invite-pia', submitData(invitation, 'meetingRsvp', 1))),
    );
    expect(no).toContain('Du har svaret: deltager ikke.');
    expect(connector.sent(pia.chat).length).toBe(sentBefore);
  });

  it('moves one meeting: the old cards are replaced in place and an updated .ics has the same UID and a higher SEQUENCE', async () => {
    await post(personalMessage(connector.url, tove, 'møder'));
    await post(
      cardExecute(connector.url, tove, 'act-list', {
        ...inputs(lastCard(tove.chat)),
        ...submitData(lastCard(tove.chat), 'meetingEditForm'),
      }),
    );
    const edit = lastCard(tove.chat);
    const old = inputs(edit);
    let date = addDays(old.date!, 7);
    while (!isWorkingDay(date) || isSchoolHoliday(date, defaultSchoolHolidays(schoolYear(2026))))
      date = addDays(date, 7);
    const first = (await invitations(pia.chat)).find((e) =>
      e.props.DTSTART!.startsWith(old.date!.replace(/-/g, '')),
    )!;
    // A CPR number in the place is refused and the meeting stays where it was.
    const refused = cardOf(
      await post(
        cardExecute(connector.url, tove, 'act-edit', {
          ...old,
          ...submitData(edit, 'meetingMove'),
          date,
          place: `Hos ${CPR}`,
        }),
      ),
    );
    expect(refused).toMatch(/"id":"place"(?:(?!"id":).)*"errorMessage":"Ligner et CPR-nummer/);
    expect(refused).toMatch(new RegExp(`"id":"date"(?:(?!"id":).)*"value":"${date}"`));
    expect(refused).not.toContain(CPR);
    const moved = cardOf(
      await post(
        cardExecute(connector.url, tove, 'act-edit', {
          ...old,
          ...submitData(edit, 'meetingMove'),
          date,
          startTime: '13:00',
          endTime: '14:30',
        }),
      ),
    );
    expect(moved).toContain('Mødet er flyttet');
    const updatesBefore = connector.updates(pia.chat).length;
    await tick('2026-08-10T10:00:00+02:00');
    const now = (await invitations(pia.chat)).at(-1)!;
    expect(now.props.UID).toBe(first.props.UID);
    expect(Number(now.props.SEQUENCE)).toBeGreaterThan(Number(first.props.SEQUENCE));
    expect(now.props.DTSTART).toBe(`${date.replace(/-/g, '')}T110000Z`);
    expect(connector.refusals()).toEqual([]);
    const replaced = connector.updates(pia.chat).slice(updatesBefore);
    expect(replaced).toHaveLength(1);
    expect(JSON.stringify(replaced[0]!.body)).toContain('Mødet er ændret – se den nye invitation nedenfor.');
    expect(JSON.stringify(connector.sent(channel).at(-1))).toContain('Flyttet:');
  });

  it('lets a member call a child meeting, but not about a child with an active case or by CPR number', async () => {
    await post(personalMessage(connector.url, lars, 'planlæg møde'));
    const form = lastCard(lars.chat);
    // A member only calls meetings about a child: the form has that format's fields and no theme.
    expect(form).toContain('Planlæg møde om barn/ung/familie: Team Nord');
    expect(form).toContain('"id":"childReference"');
    expect(form).not.toContain('"id":"theme"');
    const base = {
      ...inputs(form),
      ...submitData(form, 'meetingSchedule'),
      date: '2026-09-02',
      startTime: '08:30',
      endTime: '09:30',
      place: 'Nordskolen',
      purpose: 'Bekymring for trivsel',
    };
    const sentBefore = connector.sent(lars.chat).length;
    const cpr = cardOf(
      await post(cardExecute(connector.url, lars, 'act-form', { ...base, childReference: CPR })),
    );
    // The same form: the reason beside the child field, every other typed value kept, the CPR number gone.
    expect(cpr).toMatch(
      /"id":"childReference"(?:(?!"id":).)*"errorMessage":"Ligner et CPR-nummer – brug initialer eller sagsnummer/,
    );
    expect(cpr).toContain('Ligner et CPR-nummer – brug initialer eller sagsnummer');
    expect(cpr).toMatch(/"id":"date"(?:(?!"id":).)*"value":"2026-09-02"/);
    expect(cpr).toMatch(/"id":"purpose"(?:(?!"id":).)*"value":"Bekymring for trivsel"/);
    expect(cpr).toMatch(/"id":"place"(?:(?!"id":).)*"value":"Nordskolen"/);
    expect(cpr).not.toContain(CPR);
    const open = cardOf(
      await post(cardExecute(connector.url, lars, 'act-form', { ...base, childReference: 'S-100' })),
    );
    expect(open).toMatch(
      /"id":"childReference"(?:(?!"id":).)*"errorMessage":"Barnet har en aktiv sag \(S-100\)/,
    );
    expect(open).toMatch(/"id":"childReference"(?:(?!"id":).)*"value":"S-100"/);
    expect(connector.sent(lars.chat).length).toBe(sentBefore); // no refusal as a separate message
    const done = cardOf(
      await post(
        cardExecute(connector.url, lars, 'act-form', {
          ...base,
          childReference: 'GH',
          parentsTakePart: 'true',
        }),
      ),
    );
    expect(done).toContain('Mødet er planlagt');
  });

  it('cancels a meeting after asking, with the reason on the participants’ cards; the cancelling .ics has the same UID and a higher SEQUENCE', async () => {
    await post(personalMessage(connector.url, tove, 'møder'));
    const list = lastCard(tove.chat);
    const choices = (JSON.parse(list) as { attachments: { content: unknown }[] }).attachments[0]!.content;
    const ids = [...JSON.stringify(choices).matchAll(/"value":"([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const meetingIds = [...new Set(ids)];
    await post(
      cardExecute(connector.url, tove, 'act-list', {
        ...submitData(list, 'meetingEditForm'),
        meetingId: meetingIds.at(-1)!,
      }),
    );
    const edit = lastCard(tove.chat);
    const date = inputs(edit).date!;
    const original = (await invitations(pia.chat)).find((e) =>
      e.props.DTSTART!.startsWith(date.replace(/-/g, '')),
    )!;
    const question = cardOf(
      await post(cardExecute(connector.url, tove, 'act-cancel', submitData(edit, 'meetingCancelAsk'))),
    );
    expect(question).toContain('Aflys mødet?');
    expect(question).toMatch(/\d+ deltagere får besked om aflysningen/);
    // Asking changes nothing: the meeting still stands until the question is answered.
    await tick('2026-08-10T10:30:00+02:00');
    expect((await invitations(pia.chat)).some((e) => e.method === 'CANCEL')).toBe(false);
    const reason = 'Tovholderen er syg; vi finder en ny dato.';
    const cancelledCard = cardOf(
      await post(
        cardExecute(connector.url, tove, 'act-cancel', { ...submitData(question, 'meetingCancel'), reason }),
      ),
    );
    expect(cancelledCard).toContain('Mødet er aflyst');
    expect(cancelledCard).toContain(reason);
    const again = cardOf(
      await post(cardExecute(connector.url, tove, 'act-cancel', submitData(question, 'meetingCancel'))),
    );
    expect(again).toContain('Allerede udført');
    await tick('2026-08-10T11:00:00+02:00');
    const cancelled = (await invitations(pia.chat)).find((e) => e.method === 'CANCEL')!;
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.props).toMatchObject({ UID: original.props.UID, SEQUENCE: '1', STATUS: 'CANCELLED' });
    const piaCard = JSON.stringify(connector.updates(pia.chat).at(-1)!.body);
    expect(piaCard).toContain('Aflyst: tværfagligt teammøde');
    expect(piaCard).toContain(reason);
  });

  it('shows the team’s year in its channel without naming any child, and speaks English to an English user', async () => {
    await post(
      personalMessage(connector.url, tove, 'møder', {
        conversation: { id: channel, conversationType: 'channel', tenantId: TENANT_ID },
        channelData: { tenant: { id: TENANT_ID }, team: { id: '19:team' }, channel: { id: channel } },
      }),
    );
    const inChannel = JSON.stringify(connector.sent(channel).at(-1));
    expect(inChannel).toContain('Team Nord – Overbygningsskole');
    expect(inChannel).toContain('Barn/ung/familie');
    expect(inChannel).not.toContain('GH');
    expect(inChannel).not.toContain('meetingEditForm');
    // An English Teams client still gets Danish: the language is the user's choice in settings.
    await post(personalMessage(connector.url, lars, 'meetings', { locale: 'en-GB' }));
    expect(lastCard(lars.chat)).toContain('Teammøder 2026/27');
    expect(lastCard(lars.chat)).toContain('Barn/ung/familie (GH)');
  });

  it('has stored no CPR number anywhere, and the meetings as confirmed (read from the database)', async () => {
    await e2e.stopServer();
    const { store } = await openStore({ dataDir }, 'test');
    try {
      const dump = JSON.stringify([
        await store.engine.query('SELECT * FROM meetings'),
        await store.engine.query('SELECT * FROM audit_log'),
        await store.engine.query('SELECT * FROM outbox'),
      ]);
      expect(dump).not.toContain('010190');
      const rows = await store.engine.query<{ team: string; n: number; child: number; moved: number }>(
        `SELECT t.name AS team, count(*)::int AS n, count(m.child_reference)::int AS child,
           count(*) FILTER (WHERE m.sequence > 0)::int AS moved
         FROM meetings m JOIN teams t ON t.id = m.team_id GROUP BY t.name ORDER BY t.name`,
      );
      expect(rows).toEqual([
        { team: 'Team Nord', n: 11, child: 1, moved: 2 },
        { team: 'Team Syd', n: 4, child: 0, moved: 0 },
      ]);
    } finally {
      await store.close();
    }
  });
});
