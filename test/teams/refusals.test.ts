import { ENGINES, openTestStore } from '../support/db';
import type { Store } from '../../src/store/store';
import { fixedClock } from '../../src/domain/clock';
import { seedAfterMeeting } from '../app/afterMeetingFixture';
import { startApiServer } from '../support/apiServer';
import { cardExecute } from '../support/activities';
import { FakeConnector } from '../support/fakeConnector';
import { teamsUser } from '../support/e2e';
import type { CardVerb } from '../../src/teams/routes/cardVerbs';

/**
 * A refusal shows nothing of a meeting the caller may not see. Una belongs to no team and was not
 * invited. She presses every card verb that names a meeting or a team with Team Nord's ids (a copied
 * card, a forged press), with good values, a CPR-looking value and a malformed one. The answer and
 * anything sent to her chat must hold no trace of the meeting: its team, institution, time, place or
 * purpose.
 */
describe('refused card presses on a meeting the caller may not see', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  let meetingId: string;
  const connector = new FakeConnector();
  const una = teamsUser('una', 'Una Udenfor', 'am.example');
  const TRACES = [
    'Team Nord',
    'Nordskolen',
    'Mødelokale 2',
    'Bekymring for trivsel',
    '09:00',
    '10:00',
    '24.',
    '2026-11-24',
    '24-11-2026',
  ];

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    seed = await seedAfterMeeting(store);
    const unaId = (
      await seed.t.staff.upsert({
        email: una.email,
        name: una.name,
        roles: ['participant'],
        profession: 'teacher',
      })
    ).id;
    await seed.t.staff.linkAadObjectId(unaId, una.aadObjectId!);
    // Scheduled and in the future, so a move or cancel would otherwise be possible.
    meetingId = (await seed.meeting('child', '2026-12-08')).id;
    await connector.start();
    server = await startApiServer(store, fixedClock('2026-11-23T09:00:00+01:00'));
  });
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await dispose();
  });

  const CPR = '010190-1234';
  const move = {
    sequence: '0',
    date: '2026-12-15',
    startTime: '13:00',
    endTime: '14:00',
    place: 'Andet sted',
  };
  const presses: [CardVerb, Record<string, unknown>][] = [
    ['meetingEditForm', {}],
    ['meetingMove', move],
    ['meetingMove', { ...move, place: `Hos ${CPR}` }],
    ['meetingMove', { ...move, date: 'i morgen' }],
    ['meetingCancel', { sequence: '0', reason: 'Syg' }],
    ['meetingCancel', { sequence: '0', reason: `Syg ${CPR}` }],
    ['meetingCancel', { sequence: 'x' }],
    ['meetingRsvp', { sequence: '0', answer: 'yes' }],
    ['openMinutes', {}],
    ['saveMinutes', { resources: 'x'.repeat(5_000) }],
    ['answerQuestionnaire', { formId: 'child', overall: '9' }],
    ['openParentQuestionnaire', {}],
    ['answerParentQuestionnaire', { formId: 'child', overall: '9' }],
    ['meetingScheduleForm', { teamId: '' }],
    ['meetingSchedule', { teamId: '', format: 'child', date: '2026-12-15', childReference: CPR }],
    ['meetingYearPlan', { teamId: '' }],
    ['meetingYearConfirm', { teamId: '', d1: '2026-12-15' }],
  ];

  it.each(presses.map(([verb, values], i) => [i, verb, values] as const))(
    'press %i, %s: reveals nothing of the meeting',
    async (_i, verb, values) => {
      const who = una;
      const data = { ...values, meetingId, ...(values.teamId === '' ? { teamId: seed.ids.team } : {}) };
      const res = await server.activity(cardExecute(connector.url, who, 'act-1', { verb, ...data }));
      expect(res.status).toBeLessThan(500);
      const shown = `${await res.text()}\n${JSON.stringify(connector.sent(who.chat))}`;
      // The press was answered (a note or a card), not dropped.
      expect(shown.length).toBeGreaterThan(20);
      for (const trace of TRACES) expect([verb, trace, shown.includes(trace)]).toEqual([verb, trace, false]);
    },
  );
});
