import { cardExecute, installation, personalMessage, TENANT_ID } from '../support/activities';
import { runSamspil } from '../support/processes';
import { chatReader, E2eBot, fileWriter, poster, submitData, teamsUser } from '../support/e2e';
import { openStore } from '../../src/store/open';
import { zonedInstant } from '../../src/domain/calendar';

/**
 * Minutes, agreements and questionnaires end to end: the real `samspil start` process, a fake Bot
 * Connector, and `samspil tick --now` run by an admin. A child meeting on Tuesday 24 Nov 2026
 * 09:00–10:00: Lars said yes, Sara was marked present, Ole said no; Tove coordinates the team.
 */
describe('after a team meeting: questionnaire, SoS minutes and agreement reminders, end to end', () => {
  // The server's own clock starts after the meeting ended (answers are refused before that) and its
  // scheduler is off: each step below is the admin's `tick --now`, never a pass of the server's own.
  const e2e = new E2eBot('samspil-after-', '2026-11-24T10:40:00+01:00');
  const { dir, dataDir, connector, env } = e2e;
  const bot = e2e.url;
  const user = (key: string, name: string) => teamsUser(key, name, 'after.example');
  const tove = user('tove', 'Tove Tovholder');
  const lars = user('lars', 'Lars Lærer');
  const sara = user('sara', 'Sara Sundhedsplejerske');
  const ole = user('ole', 'Ole Psykolog');
  let meetingId = '';

  const post = poster(bot);
  const file = fileWriter(dir);
  const { cards } = chatReader(connector);
  /** The pressed card's new face, from the invoke's answer. */
  const cardOf = (reply: { type: string; value: string }) => {
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    return reply.value;
  };
  /** Cards in a chat with an action of this verb (invitations from the meetings feature may sit beside them). */
  const withVerb = (chat: string, verb: string) => cards(chat).filter((c) => c.includes(`"verb":"${verb}"`));
  const lastText = (chat: string) => cards(chat).at(-1) ?? '';
  const tick = async (now: string) => {
    const r = await runSamspil(['tick', '--now', now], env);
    expect(r.err).toBe('');
    return r.out;
  };
  const childAnswers = {
    profession: 'teacher',
    rating: 'good',
    agreements_made: 'yes',
    sos_used: 'yes',
    parents_heard: '4',
    child_ruler_level: 'declining',
    next_step: 'general_area',
    follow_up_date: '',
    comment: '',
  };

  beforeAll(async () => {
    await connector.start();
    for (const u of [tove, lars, sara, ole]) {
      connector.members.set(u.id, {
        id: u.id,
        name: u.name,
        email: u.email,
        userPrincipalName: u.email,
        aadObjectId: u.aadObjectId,
      });
    }
    const setup = [
      [
        'municipality',
        'add',
        'after',
        '--name',
        'Efter Kommune',
        '--tenant',
        TENANT_ID,
        '--preset',
        'herning',
      ],
      [
        'import',
        file(
          'staff.csv',
          'email;name;roles;profession;unit;leader_email\n' +
            'tove@after.example;Tove Tovholder;coordinator;tværfaglig vejleder;Nord;\n' +
            'lars@after.example;Lars Lærer;participant;lærer;Nord;\n' +
            'sara@after.example;Sara Sundhedsplejerske;participant;sundhedsplejerske;Nord;\n' +
            'ole@after.example;Ole Psykolog;participant;psykolog;Nord;\n',
        ),
      ],
      [
        'import',
        file(
          'teams.csv',
          'team;district;institution;institution_type;coordinator_email;members\n' +
            'Team Nord;Nord;Nordskolen;grundskole;tove@after.example;lars@after.example|sara@after.example|ole@after.example\n',
        ),
      ],
    ];
    for (const args of setup) {
      const r = await runSamspil(args, env);
      expect(r.err).toBe('');
    }
    // The meeting was scheduled and RSVP'd earlier (the meetings feature's job); seeded directly here.
    const { store } = await openStore({ dataDir }, 'test');
    try {
      const t = store.tenant({ municipalityId: 'after', actor: 'test' });
      const team = (await t.teams.byName('Team Nord'))!;
      const ids = Object.fromEntries((await t.staff.list()).map((s) => [s.email.split('@')[0]!, s.id]));
      const m = await t.meetings.create({
        teamId: team.id,
        format: 'child',
        date: '2026-11-24',
        startTime: '09:00',
        endTime: '10:00',
        startsAt: zonedInstant('2026-11-24', '09:00'),
        endsAt: zonedInstant('2026-11-24', '10:00'),
        childReference: 'AB',
        purpose: 'Bekymring for trivsel i skolen',
        place: 'Nordskolen, mødelokale 2',
        participantIds: [ids.tove!, ids.lars!, ids.sara!, ids.ole!],
      });
      meetingId = m.id;
      await t.meetings.setRsvp(m.id, ids.lars!, 'yes', zonedInstant('2026-11-20', '10:00'));
      await t.meetings.setRsvp(m.id, ids.ole!, 'no', zonedInstant('2026-11-20', '10:00'));
      await t.meetings.setAttended(m.id, ids.sara!, true);
    } finally {
      await store.close();
    }
    await e2e.startServer();
    for (const u of [tove, lars, sara, ole]) await post(installation(connector.url, u));
  }, 180_000);

  afterAll(async () => {
    await e2e.dispose();
  });

  it('a meeting ends → tick → one questionnaire card to each attendee, the minutes request to the coordinator', async () => {
    const out = await tick('2026-11-24T10:45:00+01:00');
    expect(out).toMatch(/after: \d+ reminders planned/);
    expect(withVerb(lars.chat, 'answerQuestionnaire')).toHaveLength(1);
    expect(withVerb(sara.chat, 'answerQuestionnaire')).toHaveLength(1);
    expect(withVerb(ole.chat, 'answerQuestionnaire')).toHaveLength(0);
    expect(withVerb(tove.chat, 'answerQuestionnaire')).toHaveLength(0);
    expect(withVerb(tove.chat, 'saveMinutes')).toHaveLength(1);
    const card = withVerb(lars.chat, 'answerQuestionnaire')[0]!;
    expect(card).toContain('Statusskema efter møde om et barn');
    expect(card).toContain('Hvordan var mødet samlet set?');
    // Another tick sends nothing twice.
    await tick('2026-11-24T11:00:00+01:00');
    expect(withVerb(lars.chat, 'answerQuestionnaire')).toHaveLength(1);
  });

  it('answers a submission with a missing answer on the same card: the reason beside it, the other answers kept', async () => {
    const data = submitData(withVerb(lars.chat, 'answerQuestionnaire')[0]!, 'answerQuestionnaire');
    const sent = connector.sent(lars.chat).length;
    const refused = cardOf(
      await post(cardExecute(connector.url, lars, 'act-q-lars', { ...data, ...childAnswers, rating: '' })),
    );
    expect(refused).toMatch(/"id":"rating"(?:(?!"id":).)*"errorMessage":"[^"]+"/);
    expect(refused).toMatch(/"id":"parents_heard"(?:(?!"id":).)*"value":"4"/);
    expect(refused).toContain('"verb":"answerQuestionnaire"');
    expect(connector.sent(lars.chat).length).toBe(sent);
  });

  it('answer → the card is replaced in place by a thank-you showing the answers', async () => {
    const data = submitData(withVerb(lars.chat, 'answerQuestionnaire')[0]!, 'answerQuestionnaire');
    const body = cardOf(
      await post(cardExecute(connector.url, lars, 'act-q-lars', { ...data, ...childAnswers })),
    );
    expect(body).toContain('Tak for dit svar');
    expect(body).toContain('Børn i faldende trivsel');
    expect(body).not.toContain('"verb":"answerQuestionnaire"');
  });

  it('answer again → refused politely, nothing changed', async () => {
    const data = submitData(withVerb(lars.chat, 'answerQuestionnaire')[0]!, 'answerQuestionnaire');
    const again = cardOf(
      await post(
        cardExecute(connector.url, lars, 'act-q-lars-2', { ...data, ...childAnswers, rating: 'poor' }),
      ),
    );
    // The first answer, marked as already given.
    expect(again).toContain('Du har allerede besvaret skemaet for dette møde');
    expect(again).toContain('"value":"Godt"');
  });

  it('lists the coordinator’s child meetings that lack minutes on "referat"', async () => {
    await post(personalMessage(connector.url, tove, 'referat'));
    expect(lastText(tove.chat)).toContain('Møder der mangler referat');
    expect(submitData(lastText(tove.chat), 'openMinutes').meetingId).toBe(meetingId);
    await post(personalMessage(connector.url, lars, 'referat'));
    expect(lastText(lars.chat)).toContain('Du har ingen møder om børn, der mangler referat.');
  });

  it('refuses minutes with a CPR number and says why; the card stays usable', async () => {
    const data = submitData(withVerb(tove.chat, 'saveMinutes')[0]!, 'saveMinutes');
    const sent = connector.sent(tove.chat).length;
    const refused = cardOf(
      await post(
        cardExecute(connector.url, tove, 'act-minutes', {
          ...data,
          purpose: 'Bekymring for trivsel i skolen',
          resources: 'Barnet (cpr 150210-1234) har gode venner',
        }),
      ),
    );
    expect(refused).toMatch(/"id":"resources"(?:(?!"id":).)*"errorMessage":"Ligner et CPR-nummer/);
    expect(refused).toMatch(/"id":"purpose"(?:(?!"id":).)*"value":"Bekymring for trivsel i skolen"/);
    expect(refused).not.toContain('150210');
    expect(connector.sent(tove.chat).length).toBe(sent);
  });

  it('saves the SoS minutes, replaces the card with them and creates the next meeting', async () => {
    const card = withVerb(tove.chat, 'saveMinutes')[0]!;
    const data = submitData(card, 'saveMinutes');
    const larsId = /"title":"Lars Lærer","value":"([0-9a-f-]{36})"/.exec(card)![1]!;
    const body = cardOf(
      await post(
        cardExecute(connector.url, tove, 'act-minutes', {
          ...data,
          purpose: 'Bekymring for trivsel i skolen',
          resources: 'Gode venner i klassen',
          challenges: 'Meget fravær om mandagen',
          goals: 'Kommer i skole hver dag',
          a1Text: 'Ringer til mor om morgenrutiner',
          a1Owner: larsId,
          a1Due: '2026-11-27',
          nextMeetingDate: '2027-01-12',
          childRulerLevel: 'declining',
        }),
      ),
    );
    expect(body).toContain('Referat gemt');
    expect(body).toContain('Ringer til mor om morgenrutiner — Lars Lærer, senest 27. november 2026');
    expect(body).toContain('Næste møde er oprettet 12. januar 2027 kl. 09:00');
    await post(personalMessage(connector.url, tove, 'referat'));
    expect(lastText(tove.chat)).toContain('Du har ingen møder om børn, der mangler referat.');
  });

  it('“Udfyld sammen med forælder” opens the parents’ own form, and the answer is saved as assisted', async () => {
    const data = submitData(withVerb(tove.chat, 'saveMinutes')[0]!, 'openParentQuestionnaire');
    await post(cardExecute(connector.url, tove, 'act-minutes', data));
    const parentCard = withVerb(tove.chat, 'answerParentQuestionnaire')[0]!;
    expect(parentCard).toContain('Forældreskema – udfyldt sammen med forælderen');
    expect(parentCard).toContain('Følte du dig forstået?');
    for (const professional of [
      '"id":"profession"',
      '"id":"child_ruler_level"',
      'Følte forældrene sig hørt?',
    ])
      expect(parentCard).not.toContain(professional);
    const recorded = cardOf(
      await post(
        cardExecute(connector.url, tove, 'act-parent', {
          ...submitData(parentCard, 'answerParentQuestionnaire'),
          rating: 'good_with_room',
          heard: 'yes',
          understood: 'yes',
          next_steps: 'partly',
        }),
      ),
    );
    expect(recorded).toContain('Forælderens svar er gemt');
    expect(recorded).toContain('Udfyldt sammen med forælderen af');
  });

  it('reminds a non-respondent once, 2 working days later, and nobody who answered', async () => {
    const saraBefore = withVerb(sara.chat, 'answerQuestionnaire').length;
    await tick('2026-11-25T12:00:00+01:00');
    expect(withVerb(sara.chat, 'answerQuestionnaire').length).toBe(saraBefore);
    await tick('2026-11-26T09:00:00+01:00');
    await tick('2026-11-26T10:00:00+01:00');
    await tick('2026-11-27T09:00:00+01:00');
    const sent = withVerb(sara.chat, 'answerQuestionnaire');
    expect(sent).toHaveLength(saraBefore + 1);
    expect(sent.at(-1)).toContain('Påmindelse: statusskema efter mødet');
    expect(withVerb(lars.chat, 'answerQuestionnaire')).toHaveLength(1);
  });

  it('the SoS agreement reached its owner on its due date via tick, and "done" updates it in place once', async () => {
    const reminders = withVerb(lars.chat, 'agreementDone');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('Aftale fra teammøde forfalder');
    expect(reminders[0]).toContain('Ringer til mor om morgenrutiner');
    const data = submitData(reminders[0]!, 'agreementDone');
    expect(cardOf(await post(cardExecute(connector.url, lars, 'act-agreement', data)))).toContain(
      'Aftalen er markeret som udført',
    );
    expect(cardOf(await post(cardExecute(connector.url, lars, 'act-agreement', data)))).toContain(
      'Aftalen var allerede markeret som udført',
    );
  });

  it('has stored one answer per person with its form version, the parent’s anonymously, and no CPR anywhere', async () => {
    await e2e.stopServer();
    const { store } = await openStore({ dataDir }, 'test');
    try {
      const t = store.tenant({ municipalityId: 'after', actor: 'test' });
      const responses = await t.questionnaires.responses(meetingId);
      const lars = (await t.staff.byEmail('lars@after.example'))!;
      expect(
        responses
          .map((r) => [
            r.respondent_staff_id === lars.id ? 'lars' : r.respondent_staff_id,
            r.on_behalf_of_parent,
            r.assisted,
            r.form_id,
            r.form_version,
            r.answers.rating,
            r.answers.profession,
          ])
          .sort(),
      ).toEqual([
        [null, true, true, 'parent', 1, 'good_with_room', undefined],
        ['lars', false, false, 'child', 1, 'good', 'teacher'],
      ]);
      expect((await t.meetings.get(meetingId))?.status).toBe('held');
      const minutes = await t.minutes.get(meetingId);
      expect(minutes?.resources).toBe('Gode venner i klassen');
      const next = await t.meetings.get(minutes!.next_meeting_id!);
      expect([next?.date, next?.previous_meeting_id, next?.status]).toEqual([
        '2027-01-12',
        meetingId,
        'scheduled',
      ]);
      const dump = await store.engine.query<{ t: string }>(
        `SELECT row_to_json(x)::text AS t FROM meeting_minutes x
         UNION ALL SELECT row_to_json(a)::text FROM agreements a
         UNION ALL SELECT row_to_json(r)::text FROM questionnaire_responses r
         UNION ALL SELECT row_to_json(l)::text FROM audit_log l`,
      );
      expect(dump.map((d) => d.t).join('\n')).not.toContain('150210');
      const [agreement] = await t.minutes.agreements(meetingId);
      expect(agreement?.done_on).not.toBeNull();
    } finally {
      await store.close();
    }
  });
});
