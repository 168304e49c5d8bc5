import { meetingSubject, outboxKeys } from '../../src/outbox/keys';
import { ENGINES } from '../support/db';
import { meetingFixture, teamNordMeeting, type MeetingFixture } from '../app/meetings/fixture';
import type { NewMeeting } from '../../src/store/meetingsRepo';

/** The meeting repository's own rules, on both engines. */
describe.each(ENGINES)('meetings repository on $name', (engine) => {
  let f: MeetingFixture;
  beforeAll(async () => {
    f = await meetingFixture(engine, 'mr');
    await f.store.municipalities.create({
      id: 'other',
      name: 'Anden Kommune',
      tenant_id: null,
      settings: {},
    });
  });
  afterAll(async () => f.dispose());

  const newMeeting = (over: Partial<NewMeeting> = {}): NewMeeting => teamNordMeeting(f, '2026-12-08', over);
  const move = {
    date: '2026-12-15',
    startTime: '13:00',
    endTime: '14:00',
    startsAt: new Date('2026-12-15T12:00:00Z'),
    endsAt: new Date('2026-12-15T13:00:00Z'),
    place: 'Aulaen',
    onlineUrl: null,
  };

  it('finds teams by name ignoring case, with institution type, and the teams a person is in', async () => {
    const team = await f.t.teams.byName('  team nord ');
    expect(team).toMatchObject({
      id: f.ids.north,
      institution_type: 'lower_secondary_school',
      meeting_weekday: null,
    });
    expect(await f.t.teams.byName('Team Vest')).toBeNull();
    expect((await f.t.teams.of(f.ids.coordinator)).map((x) => [x.name, x.is_coordinator])).toEqual([
      ['Team Nord', true],
    ]);
    expect((await f.t.teams.of(f.ids.psychologist)).map((x) => [x.name, x.is_coordinator])).toEqual([
      ['Team Nord', false],
    ]);
    expect(await f.t.teams.of(f.ids.outsider)).toEqual([]);
    expect((await f.t.teams.members(f.ids.north)).map((x) => x.name)).toEqual([
      'Tove Tovholder',
      'Lars Lærer',
      'Pia Psykolog',
    ]);
  });

  it('saves the team slot the year plan proposes on', async () => {
    await f.t.teams.setSlot(f.ids.north, 3, '13:30', 120);
    expect(await f.t.teams.get(f.ids.north)).toMatchObject({
      meeting_weekday: 3,
      meeting_start: '13:30',
      meeting_minutes: 120,
    });
  });

  it('moves a meeting with SEQUENCE + 1, clears the answers, and refuses an out-of-date sequence', async () => {
    const m = await f.t.meetings.create(newMeeting());
    expect(await f.t.meetings.setRsvp(m.id, f.ids.psychologist, 'yes', new Date())).toBe(true);
    expect(await f.t.meetings.setRsvp(m.id, f.ids.outsider, 'yes', new Date())).toBe(false);
    const moved = await f.t.meetings.move(m.id, move, 0);
    expect(moved).toMatchObject({
      sequence: 1,
      date: '2026-12-15',
      start_time: '13:00',
      place: 'Aulaen',
      status: 'scheduled',
    });
    expect((await f.t.meetings.participants(m.id)).map((p) => p.rsvp)).toEqual([null, null]);
    expect(await f.t.meetings.move(m.id, move, 0)).toBeNull();
    const cancelled = await f.t.meetings.cancel(m.id, 1);
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 2 });
    expect(await f.t.meetings.cancel(m.id, 2)).toBeNull();
    expect(await f.t.meetings.move(m.id, move, 2)).toBeNull();
    const audit = (await f.t.audit.list()).filter((a) => a.entity_id === m.id).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['create', 'rsvp', 'move', 'cancel']));
  });

  it('lists meetings not yet announced at their current version, and forgets them once marked', async () => {
    const m = await f.t.meetings.create(
      newMeeting({
        date: '2027-01-12',
        startsAt: new Date('2027-01-12T13:00:00Z'),
        endsAt: new Date('2027-01-12T14:30:00Z'),
      }),
    );
    expect((await f.t.meetings.unnotified('2027-01-01')).map((x) => x.id)).toEqual([m.id]);
    await f.t.meetings.markNotified(m.id, 0);
    expect(await f.t.meetings.unnotified('2027-01-01')).toEqual([]);
    await f.t.meetings.addParticipants(m.id, [f.ids.teacher]);
    expect((await f.t.meetings.unnotified('2027-01-01')).map((x) => x.id)).toEqual([m.id]);
    await f.t.meetings.markNotified(m.id, 0);
    await f.t.meetings.move(m.id, { ...move, date: '2027-01-19' }, 0);
    expect((await f.t.meetings.unnotified('2027-01-01')).map((x) => x.sequence)).toEqual([1]);
  });

  it('finds the last invitation card sent to a participant, to update it in place', async () => {
    const m = await f.t.meetings.create(
      newMeeting({
        date: '2027-02-02',
        startsAt: new Date('2027-02-02T13:00:00Z'),
        endsAt: new Date('2027-02-02T14:30:00Z'),
      }),
    );
    const last = (staffId: string) =>
      f.t.outbox.lastActivity(meetingSubject(m.id), staffId, ['meeting.invitation']);
    expect(await last(f.ids.psychologist)).toBeNull();
    await f.t.outbox.enqueue({
      key: outboxKeys.meetingInvitation(m.id, f.ids.psychologist, 0, { cancelled: false }),
      kind: 'meeting.invitation',
      recipientStaffId: f.ids.psychologist,
      payload: { activity: {} },
      notBefore: new Date(0),
    });
    const [claimed] = await f.store.queue.claim('o', new Date(), 10, 60_000);
    await f.store.queue.settle([
      { id: claimed!.id, token: claimed!.lease_token, status: 'sent', at: new Date(), activityId: 'act-1' },
    ]);
    expect(await last(f.ids.psychologist)).toBe('act-1');
    expect(await last(f.ids.coordinator)).toBeNull();
  });

  it('links a channel to a team and finds it both ways', async () => {
    expect(await f.t.teams.channel(f.ids.north)).toBeNull();
    await f.t.conversations.save({
      conversationId: '19:nord@thread.tacv2',
      kind: 'channel',
      staffId: null,
      teamId: f.ids.north,
      reference: {},
    });
    expect(await f.t.teams.channel(f.ids.north)).toBe('19:nord@thread.tacv2');
    expect((await f.t.teams.byChannel('19:nord@thread.tacv2'))?.name).toBe('Team Nord');
    await f.t.conversations.markDead('19:nord@thread.tacv2');
    expect(await f.t.teams.channel(f.ids.north)).toBeNull();
  });

  it('shows nothing of one municipality to another', async () => {
    const other = f.store.tenant({ municipalityId: 'other', actor: 'test' });
    const m = await f.t.meetings.create(
      newMeeting({
        date: '2027-03-02',
        startsAt: new Date('2027-03-02T13:00:00Z'),
        endsAt: new Date('2027-03-02T14:30:00Z'),
      }),
    );
    expect(await other.meetings.get(m.id)).toBeNull();
    expect(await other.teams.byName('Team Nord')).toBeNull();
    expect(await other.meetings.move(m.id, move, 0)).toBeNull();
    expect(await other.meetings.cancel(m.id, 0)).toBeNull();
    expect(await other.meetings.setRsvp(m.id, f.ids.psychologist, 'no', new Date())).toBe(false);
    expect(await other.teams.members(f.ids.north)).toEqual([]);
    expect(await other.meetings.unnotified('2000-01-01')).toEqual([]);
    expect((await f.t.meetings.get(m.id))?.sequence).toBe(0);
  });
});
