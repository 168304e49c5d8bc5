import { ENGINES, openTestStore } from '../support/db';
import type { Store } from '../../src/store/store';
import type { StaffRow } from '../../src/store/types';
import { meetingsLackingMinutes, saveMinutes } from '../../src/app/minutes';
import { refusalText } from '../../src/i18n/problems';
import { seedAfterMeeting } from './afterMeetingFixture';

/** SoS minutes, stored with their agreements in one go, and the next meeting. */
describe('saving the Signs of Safety minutes of a child meeting', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;
  let meetingId: string;
  const staff: Record<string, StaffRow> = {};
  const now = new Date('2026-11-24T10:00:00Z');
  const card = (over: Record<string, unknown> = {}) => ({
    verb: 'saveMinutes',
    meetingId,
    purpose: 'Bekymring for trivsel',
    resources: 'Gode venner i klassen',
    challenges: 'Meget fravær',
    goals: 'Kommer i skole hver dag',
    a1Text: 'Ringer til mor om morgenrutiner',
    a1Owner: staff.lars!.id,
    a1Due: '2026-12-01',
    a2Text: '',
    a2Owner: '',
    a2Due: '',
    nextMeetingDate: '2027-01-12',
    childRulerLevel: 'declining',
    ...over,
  });
  const save = async (who: string, data: Record<string, unknown>) =>
    saveMinutes(store, await seed.municipality(), staff[who]!, data, now);
  const everything = async () =>
    (
      await store.engine.query<{ t: string }>(
        `SELECT row_to_json(x)::text AS t FROM (SELECT * FROM meeting_minutes) x
         UNION ALL SELECT row_to_json(a)::text FROM agreements a
         UNION ALL SELECT row_to_json(l)::text FROM audit_log l`,
      )
    )
      .map((r) => r.t)
      .join('\n');

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    seed = await seedAfterMeeting(store);
    meetingId = (await seed.meeting('child', '2026-11-24')).id;
    for (const s of await seed.t.staff.list()) staff[s.email.split('@')[0]!] = s;
  });
  afterAll(async () => dispose());

  it('refuses a CPR number in any field and stores nothing (read from the database)', async () => {
    for (const field of ['resources', 'challenges', 'goals', 'purpose', 'a1Text']) {
      const r = await save('tove', card({ [field]: 'Barnet, 010203-1234, er glad' }));
      expect(r.ok === false && r.problems).toEqual([{ code: 'cpr', field }]);
    }
    expect(await seed.t.minutes.get(meetingId)).toBeNull();
    expect(await everything()).not.toMatch(/010203/);
  });

  it('refuses a half-filled agreement row and names it', async () => {
    const r = await save('tove', card({ a2Text: 'Skal tale med lærer' }));
    expect(r.ok === false && r.problems.map((p) => p.field)).toEqual(['a2Owner', 'a2Due']);
  });

  it('refuses an agreement owned by someone not at the meeting', async () => {
    const other = await seedAfterMeeting(store, 'other');
    const stranger = (await other.t.staff.byEmail('lars@am.example'))!;
    const r = await save('tove', card({ a1Owner: stranger.id }));
    expect(r.ok === false && refusalText(r, 'da')).toBe(
      'Aftale 1: ansvarlig skal være en af mødets deltagere.',
    );
  });

  it('lets only the team’s coordinator or the organiser write the minutes', async () => {
    const r = await save('lars', card());
    expect(r.ok === false && r.problems).toEqual([{ code: 'minutesNeedCoordinator' }]);
    expect(await seed.t.minutes.get(meetingId)).toBeNull();
  });

  it('stores the minutes and agreements and creates the next meeting at the same time with the same people', async () => {
    const r = await save('tove', card());
    if (!r.ok) throw new Error(JSON.stringify(r));
    const saved = r.value;
    expect(saved.minutes).toMatchObject({
      resources: 'Gode venner i klassen',
      challenges: 'Meget fravær',
      goals: 'Kommer i skole hver dag',
      child_ruler_level: 'declining',
      next_meeting_date: '2027-01-12',
    });
    expect(saved.agreements.map((a) => [a.text, a.owner_name, a.due])).toEqual([
      ['Ringer til mor om morgenrutiner', 'Lars Lærer', '2026-12-01'],
    ]);
    const next = (await seed.t.meetings.get(saved.nextMeeting!.id))!;
    expect(next).toMatchObject({
      team_id: seed.ids.team,
      format: 'child',
      status: 'scheduled',
      date: '2027-01-12',
      start_time: '09:00',
      end_time: '10:00',
      child_reference: 'AB',
      previous_meeting_id: meetingId,
    });
    expect(next.starts_at.toISOString()).toBe('2027-01-12T08:00:00.000Z');
    const people = (await seed.t.meetings.participants(next.id)).map((p) => [p.name, p.rsvp]);
    expect(people).toEqual([
      ['Lars Lærer', null],
      ['Ole Psykolog', null],
      ['Sara Sundhedsplejerske', null],
      ['Tove Tovholder', null],
    ]);
    expect((await seed.t.minutes.get(meetingId))?.next_meeting_id).toBe(next.id);
  });

  it('changes nothing on a second save', async () => {
    const r = await save('tove', card({ resources: 'Noget andet', nextMeetingDate: '2027-02-01' }));
    expect(r.ok === false && r.stale).toBe(true);
    expect((await seed.t.minutes.get(meetingId))?.resources).toBe('Gode venner i klassen');
    const next = await seed.t.meetings.forTeam(seed.ids.team, '2027-01-01', '2027-12-31');
    expect(next.map((m) => m.date)).toEqual(['2027-01-12']);
  });

  it('keeps no minutes for a theme meeting', async () => {
    const theme = await seed.meeting('theme', '2026-11-26');
    const r = await save('tove', card({ meetingId: theme.id }));
    expect(r.ok === false && r.problems).toEqual([{ code: 'minutesOnlyForChildMeetings' }]);
  });

  it('lists the coordinator’s child meetings of today and the last weeks that still lack minutes', async () => {
    const m = await seed.municipality();
    const today = await seed.meeting('child', '2026-12-03', '14:00', '15:00');
    await seed.meeting('child', '2026-12-10');
    const at = new Date('2026-12-03T08:00:00Z'); // 09:00, before today's meeting
    const listed = (await meetingsLackingMinutes(store, m, staff.tove!, at)).map((x) => x.id);
    expect(listed).toEqual([today.id]); // the minuted meeting, the theme meeting and next week's are left out
    expect(await meetingsLackingMinutes(store, m, staff.lars!, at)).toEqual([]);
  });

  it('records who the coordinator ticked as present, which decides who gets the questionnaire', async () => {
    const other = await seed.meeting('child', '2026-11-25');
    const r = await save(
      'tove',
      card({ meetingId: other.id, nextMeetingDate: '', present: `${staff.sara!.id},${staff.ole!.id}` }),
    );
    expect(r.ok).toBe(true);
    const attendance = (await seed.t.meetings.participants(other.id)).map((p) => [
      p.name.split(' ')[0],
      p.attended,
    ]);
    expect(attendance).toEqual([
      ['Lars', false],
      ['Ole', true],
      ['Sara', true],
      ['Tove', false],
    ]);
  });
});
