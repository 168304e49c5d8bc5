import { meetingFixture, teamNordMeeting, type MeetingFixture } from './fixture';
import {
  cancellationPreview,
  cancelInput,
  cancelMeeting,
  moveMeeting,
} from '../../../src/app/meetings/change';
import { answerInvitation, invitationView } from '../../../src/app/meetings/rsvp';
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
    // Where it was before, so the participants' card can say old → new.
    expect(moved.value.after.moved_from).toEqual({
      date: meeting.date,
      start_time: meeting.start_time,
      end_time: meeting.end_time,
      place: meeting.place,
      online_url: meeting.online_url,
    });
    expect(await moveTo(f.ids.coordinator, '2026-12-16', 0)).toMatchObject({ ok: false, stale: true });
    const old = await answer(f.ids.psychologist, 0, 'no');
    expect(old).toMatchObject({ ok: false, stale: true });
  });

  it('asks before cancelling: the question changes nothing and says who will be told', async () => {
    const coordinator = await f.staff(f.ids.coordinator);
    const asked = await cancellationPreview(f.store, f.m, coordinator, {
      meetingId: meeting.id,
      sequence: 1,
    });
    if (!asked.ok) throw new Error(refusalText(asked, 'en'));
    expect(asked.value.meeting.status).toBe('scheduled');
    expect(asked.value.teamName).toBe('Team Nord');
    // Not yet announced to anyone: a cancellation now tells nobody.
    expect(asked.value.invited).toBe(0);
    expect((await f.t.meetings.get(meeting.id))?.status).toBe('scheduled');
    const member = await cancellationPreview(f.store, f.m, await f.staff(f.ids.psychologist), {
      meetingId: meeting.id,
      sequence: 1,
    });
    expect(member.ok ? '' : refusalText(member, 'da')).toContain('Kun teamets tovholder');
  });

  it('refuses a CPR number in the cancellation reason and takes an empty one as none', () => {
    const ref = { meetingId: meeting.id, sequence: '1' };
    expect(cancelInput.safeParse({ ...ref, reason: 'Syg 010190-1234' }).success).toBe(false);
    expect(cancelInput.parse({ ...ref, reason: '  ' }).reason).toBeUndefined();
  });

  it('cancels once, keeping the reason for the participants and out of the audit; after that no answer, move or second cancel', async () => {
    const coordinator = await f.staff(f.ids.coordinator);
    const reason = 'Tovholderen er syg; vi finder en ny dato.';
    const cancelled = await cancelMeeting(f.store, f.m, coordinator, {
      meetingId: meeting.id,
      sequence: 1,
      reason,
    });
    expect(cancelled.ok && cancelled.value).toMatchObject({
      status: 'cancelled',
      sequence: 2,
      cancel_reason: reason,
    });
    const audit = await f.store.engine.query<{ details: unknown }>(
      `SELECT details FROM audit_log WHERE entity_id = $1 AND action = 'cancel'`,
      [meeting.id],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('syg');
    expect(
      await cancelMeeting(f.store, f.m, coordinator, { meetingId: meeting.id, sequence: 2 }),
    ).toMatchObject({ ok: false, stale: true });
    const rsvp = await answer(f.ids.psychologist, 2, 'yes');
    expect(rsvp.ok ? '' : refusalText(rsvp, 'en')).toBe('The meeting is cancelled.');
    const view = await invitationView(
      f.store,
      f.m,
      await f.staff(f.ids.psychologist),
      { meetingId: meeting.id, sequence: 0 },
      now,
    );
    expect(view?.state).toBe('cancelled');
  });

  it('shows a press after the meeting the meeting as it stands, with the answer given, and changes nothing', async () => {
    const held = await f.t.meetings.create(teamNordMeeting(f, '2026-11-17'));
    const pia = await f.staff(f.ids.psychologist);
    await f.t.meetings.setRsvp(held.id, pia.id, 'yes', new Date('2026-11-16T09:00:00Z'));
    const after = new Date(held.ends_at.getTime() + 60_000);
    const late = await answerInvitation(
      f.store,
      f.m,
      pia,
      { meetingId: held.id, sequence: 0, answer: 'no' },
      after,
    );
    expect(late).toMatchObject({ ok: false, stale: true });
    const view = await invitationView(f.store, f.m, pia, { meetingId: held.id, sequence: 0 }, after);
    expect(view).toMatchObject({ state: 'held', answer: 'yes', team: { name: 'Team Nord' } });
    expect(view?.meeting.id).toBe(held.id);
    const before = new Date(held.starts_at.getTime() - 60_000);
    expect(
      (await invitationView(f.store, f.m, pia, { meetingId: held.id, sequence: 0 }, before))?.state,
    ).toBe('open');
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
