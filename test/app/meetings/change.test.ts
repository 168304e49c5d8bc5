import { meetingFixture, teamNordMeeting, type MeetingFixture } from './fixture';
import { cancelMeeting, moveMeeting } from '../../../src/app/meetings/change';
import { answerInvitation } from '../../../src/app/meetings/rsvp';
import { linkChannel } from '../../../src/app/meetings/linkChannel';
import type { MeetingRow } from '../../../src/store/meetingsRepo';
import { refusalText } from '../../../src/i18n/problems';

/** Moving, cancelling, answering, and linking a channel — with roles checked here. */
describe('changing and answering a meeting', () => {
  let f: MeetingFixture;
  let meeting: MeetingRow;
  const now = new Date('2026-11-23T09:00:00Z');
  beforeAll(async () => {
    f = await meetingFixture();
    meeting = await f.t.meetings.create(teamNordMeeting(f));
  });
  afterAll(async () => f.dispose());

  const moveTo = (by: string, date: string, sequence: number) =>
    f.staff(by).then((s) =>
      moveMeeting(
        f.store,
        f.m,
        s,
        {
          meetingId: meeting.id,
          sequence,
          date,
          startTime: '13:00',
          endTime: '14:00',
          place: 'Aulaen',
          onlineUrl: undefined,
        },
        now,
      ),
    );

  const answer = async (by: string, sequence: number, a: 'yes' | 'no') =>
    answerInvitation(f.store, f.m, await f.staff(by), { meetingId: meeting.id, sequence, answer: a }, now);

  it('lets a participant answer, and refuses someone not invited', async () => {
    const yes = await answer(f.ids.psychologist, 0, 'yes');
    expect(yes.ok).toBe(true);
    expect(
      (await f.t.meetings.participants(meeting.id)).find((p) => p.staff_id === f.ids.psychologist)?.rsvp,
    ).toBe('yes');
    const stranger = await answer(f.ids.teacher, 0, 'yes');
    expect(stranger.ok ? '' : refusalText(stranger, 'en')).toBe('You are not invited to this meeting.');
  });

  it('refuses a move by a member who is neither coordinator nor organiser, and to a holiday', async () => {
    const member = await moveTo(f.ids.psychologist, '2026-12-15', 0);
    expect(member.ok ? '' : refusalText(member, 'da')).toContain('Kun teamets tovholder');
    const holiday = await moveTo(f.ids.coordinator, '2026-12-24', 0);
    expect(holiday.ok ? '' : refusalText(holiday, 'da')).toContain('ikke en arbejdsdag');
    expect((await f.t.meetings.get(meeting.id))?.sequence).toBe(0);
  });

  it('moves the meeting with a higher sequence; the old card’s answer and a second move are refused as stale', async () => {
    const moved = await moveTo(f.ids.coordinator, '2026-12-15', 0);
    if (!moved.ok) throw new Error(refusalText(moved, 'en'));
    expect(moved.value.after).toMatchObject({ date: '2026-12-15', sequence: 1, place: 'Aulaen' });
    expect(moved.value.after.starts_at.toISOString()).toBe('2026-12-15T12:00:00.000Z');
    expect(await moveTo(f.ids.coordinator, '2026-12-16', 0)).toMatchObject({ ok: false, stale: true });
    const old = await answer(f.ids.psychologist, 0, 'no');
    expect(old).toMatchObject({ ok: false, stale: true });
  });

  it('cancels once; after that no answer, move or second cancel', async () => {
    const coordinator = await f.staff(f.ids.coordinator);
    const cancelled = await cancelMeeting(f.store, f.m, coordinator, { meetingId: meeting.id, sequence: 1 });
    expect(cancelled.ok && cancelled.value).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect(
      await cancelMeeting(f.store, f.m, coordinator, { meetingId: meeting.id, sequence: 2 }),
    ).toMatchObject({ ok: false, stale: true });
    const rsvp = await answer(f.ids.psychologist, 2, 'yes');
    expect(rsvp.ok ? '' : refusalText(rsvp, 'en')).toBe('The meeting is cancelled.');
  });

  it('links a channel only for the coordinator of that team', async () => {
    const channel = {
      conversationId: '19:c@thread.tacv2',
      reference: { conversation: { id: '19:c@thread.tacv2' } },
    };
    const member = await linkChannel(f.t, await f.staff(f.ids.psychologist), 'team nord', channel);
    expect(member.ok ? '' : refusalText(member, 'da')).toBe(
      'Kun tovholderen for Team Nord kan tilknytte teamet en kanal.',
    );
    const other = await linkChannel(f.t, await f.staff(f.ids.southCoordinator), 'Team Nord', channel);
    expect(other.ok).toBe(false);
    const unknown = await linkChannel(f.t, await f.staff(f.ids.coordinator), 'Team Vest', channel);
    expect(unknown.ok ? '' : refusalText(unknown, 'da')).toBe(
      'Jeg kender ikke teamet "Team Vest". Dine teams: Team Nord.',
    );
    expect(await f.t.teams.channel(f.ids.north)).toBeNull();
    const ok = await linkChannel(f.t, await f.staff(f.ids.coordinator), 'team nord', channel);
    expect(ok.ok).toBe(true);
    expect(await f.t.teams.channel(f.ids.north)).toBe('19:c@thread.tacv2');
  });
});
