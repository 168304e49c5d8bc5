import { ENGINES, openTestStore } from '../support/db';
import type { Store } from '../../src/store/store';
import { zonedInstant } from '../../src/domain/calendar';
import { agreementPass, questionnairePass } from '../../src/scheduler/afterMeetingPasses';
import { planAll } from '../../src/scheduler/planner';
import { seedAfterMeeting } from '../app/afterMeetingFixture';

const at = (date: string, time: string) => zonedInstant(date, time, 'Europe/Copenhagen');

describe('after-meeting planning passes', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;
  let meetingId: string;
  const names = new Map<string, string>();
  const run = async (when: Date) => questionnairePass(store, await seed.municipality(), when);
  const queued = async (prefix: string) =>
    (await seed.t.outbox.list())
      .filter((o) => o.dedupe_key.startsWith(prefix))
      .map((o) => `${o.kind}→${names.get(o.recipient_staff_id!)}`)
      .sort();

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    seed = await seedAfterMeeting(store);
    meetingId = (await seed.meeting('child', '2026-11-24')).id; // Tuesday 09:00–10:00
    for (const s of await seed.t.staff.list()) names.set(s.id, s.name.split(' ')[0]!);
  });
  afterAll(async () => dispose());

  it('sends nothing before the meeting has ended plus the delay (30 min)', async () => {
    expect(await run(at('2026-11-24', '10:29'))).toEqual({ planned: 0, alreadyPlanned: 0 });
    expect((await seed.t.meetings.get(meetingId))?.status).toBe('scheduled');
  });

  it('marks the meeting held and sends the questionnaire to each attendee, the minutes request to the coordinator', async () => {
    expect(await run(at('2026-11-24', '10:30'))).toEqual({ planned: 3, alreadyPlanned: 0 });
    expect((await seed.t.meetings.get(meetingId))?.status).toBe('held');
    // Lars said yes, Sara was marked present; Ole said no and Tove never answered.
    expect(await queued('questionnaire:')).toEqual(['questionnaire.first→Lars', 'questionnaire.first→Sara']);
    expect(await queued('minutes-request:')).toEqual(['minutes.request→Tove']);
    const [row] = (await seed.t.outbox.list()).filter(
      (o) => o.dedupe_key === `questionnaire:${meetingId}:${seed.ids.lars}`,
    );
    const card = JSON.stringify(row!.payload);
    expect(card).toContain('"verb":"answerQuestionnaire"');
    expect(card).toContain('"formId":"child"');
    expect(card).toContain('"formVersion":"1"');
    expect(card).toContain('Statusskema efter møde om et barn');
  });

  it('plans nothing twice when run again', async () => {
    expect(await run(at('2026-11-24', '11:00'))).toEqual({ planned: 0, alreadyPlanned: 3 });
  });

  it('reminds only the attendee who has not answered, once, 2 working days later', async () => {
    await seed.t.questionnaires.record({
      meetingId,
      respondentStaffId: seed.ids.lars,
      recordedByStaffId: seed.ids.lars,
      formId: 'child',
      formVersion: 1,
      answers: { rating: 'good' },
      answeredAt: at('2026-11-24', '12:00'),
    });
    await run(at('2026-11-25', '15:00'));
    expect(await queued('questionnaire-reminder:')).toEqual([]);
    await run(at('2026-11-26', '08:00'));
    await run(at('2026-11-27', '08:00'));
    expect(await queued('questionnaire-reminder:')).toEqual(['questionnaire.reminder→Sara']);
  });

  it('sends nothing for a meeting whose questionnaire has closed, nor for a cancelled meeting', async () => {
    const late = await seed.meeting('theme', '2026-11-02');
    const cancelled = await seed.meeting('theme', '2026-12-01');
    await seed.t.meetings.cancel(cancelled.id, cancelled.sequence);
    await run(at('2026-12-01', '12:00'));
    const keys = (await seed.t.outbox.list()).map((o) => o.dedupe_key);
    expect(keys.filter((k) => k.includes(late.id) || k.includes(cancelled.id))).toEqual([]);
    expect((await seed.t.meetings.get(late.id))?.status).toBe('scheduled');
  });

  it('asks no minutes of a theme meeting', async () => {
    const theme = await seed.meeting('theme', '2026-11-30');
    await run(at('2026-11-30', '11:00'));
    const keys = (await seed.t.outbox.list()).map((o) => o.dedupe_key).filter((k) => k.includes(theme.id));
    expect(keys.map((k) => k.split(':')[0]).sort()).toEqual(['questionnaire', 'questionnaire']);
  });

  it('is run on every tick with the other planning passes', async () => {
    const another = await seed.meeting('child', '2026-12-02');
    await planAll(store, at('2026-12-02', '11:00'));
    expect(
      (await seed.t.outbox.list()).some(
        (o) => o.dedupe_key === `minutes-request:${another.id}:${seed.ids.tove}`,
      ),
    ).toBe(true);
  });

  it('sends the questionnaire on the next tick to someone the coordinator marks present afterwards', async () => {
    const late = await seed.meeting('theme', '2026-12-07');
    await run(at('2026-12-07', '11:00'));
    const to = async () => (await queued(`questionnaire:${late.id}`)).filter((k) => k.endsWith('Tove'));
    expect(await to()).toEqual([]);
    await seed.t.meetings.setAttended(late.id, seed.ids.tove, true);
    await run(at('2026-12-07', '11:01'));
    expect(await to()).toEqual(['questionnaire.first→Tove']);
  });
});

describe('agreement reminders', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;
  const ids: Record<string, string> = {};
  const run = async (when: Date) => agreementPass(store, await seed.municipality(), when);
  const reminded = async () =>
    (await seed.t.outbox.list())
      .filter((o) => o.kind === 'agreement.reminder')
      .map((o) => `${o.dedupe_key.split(':')[2]}→${o.recipient_staff_id === seed.ids.lars ? 'Lars' : 'Sara'}`)
      .sort();

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    seed = await seedAfterMeeting(store);
    const meeting = await seed.meeting('child', '2026-11-24');
    await seed.t.minutes.save({
      meetingId: meeting.id,
      resources: '',
      challenges: '',
      goals: '',
      nextMeetingDate: null,
      childRulerLevel: null,
      recordedAt: at('2026-11-24', '11:00'),
      agreements: [
        { text: 'Ringer til mor', ownerId: seed.ids.lars, due: '2026-12-01' },
        { text: 'Taler med sundhedsplejen', ownerId: seed.ids.sara, due: '2026-12-05' }, // a Saturday
        { text: 'Allerede klaret', ownerId: seed.ids.sara, due: '2026-12-01' },
      ],
    });
    for (const a of await seed.t.minutes.agreements(meeting.id)) ids[a.text] = a.id;
    await seed.t.minutes.markDone(ids['Allerede klaret']!, '2026-11-25');
  });
  afterAll(async () => dispose());

  it('reminds nothing before the due date', async () => {
    expect(await run(at('2026-11-30', '09:00'))).toEqual({ planned: 0, alreadyPlanned: 0 });
  });

  it('reminds the owner on the due date, once, and not for a done agreement', async () => {
    expect(await run(at('2026-12-01', '09:00'))).toEqual({ planned: 1, alreadyPlanned: 0 });
    expect(await run(at('2026-12-01', '13:00'))).toEqual({ planned: 0, alreadyPlanned: 1 });
    expect(await reminded()).toEqual(['2026-12-01→Lars']);
    const [row] = (await seed.t.outbox.list()).filter((o) => o.kind === 'agreement.reminder');
    expect(row!.dedupe_key).toBe(`agreement:${ids['Ringer til mor']}:2026-12-01`);
    expect(JSON.stringify(row!.payload)).toContain('"verb":"agreementDone"');
  });

  it('reminds a Saturday due date on the Friday before', async () => {
    await run(at('2026-12-04', '09:00'));
    expect(await reminded()).toEqual(['2026-12-01→Lars', '2026-12-05→Sara']);
  });
});
