import { meetingSubject } from '../../src/outbox/keys';
import { meetingFixture, teamNordMeeting, type MeetingFixture } from '../app/meetings/fixture';
import { readIcs } from '../app/meetings/icsReader';
import { meetingIcs, meetingOrganizer } from '../../src/app/meetings/calendar';
import {
  planFrequencyWarnings,
  planLeaderOverview,
  planMeetingInvitations,
  planMeetingReminders,
} from '../../src/scheduler/meetings';
import { PLANNING_PASSES } from '../../src/scheduler/passes';
import { CalendarLinks } from '../../src/app/meetings/calendarLinks';
import type { NewMeeting } from '../../src/store/meetingsRepo';
import type { OutboxMessage } from '../../src/store/outboxRepo';

const at = (iso: string) => new Date(iso);
const meetingOn = (f: MeetingFixture, date: string, over: Partial<NewMeeting> = {}): NewMeeting =>
  teamNordMeeting(f, date, {
    purpose: 'Fælles forståelse',
    participantIds: [f.ids.coordinator, f.ids.psychologist, f.ids.teacher],
    ...over,
  });

async function rows(f: MeetingFixture, kind?: string): Promise<OutboxMessage[]> {
  return (await f.t.outbox.list(undefined, 1000)).filter((o) => !kind || o.kind === kind).reverse();
}

/** Sends every pending row as the sender would, recording an activity id per row. */
async function sendAll(f: MeetingFixture): Promise<void> {
  const rows = await f.store.queue.claim('test', at('2030-01-01T00:00:00Z'), 1000, 60_000, {
    perDestination: 1000,
  });
  await f.store.queue.settle(
    rows.map((row) => ({
      id: row.id,
      token: row.lease_token,
      status: 'sent' as const,
      at: at('2026-11-23T09:00:00Z'),
      activityId: `act-${row.id}`,
    })),
  );
}

/**
 * The invitation card carries no file (Teams refuses to update an activity with one); the calendar
 * is what the card's signed link serves: the meeting's current .ics. This reads the payload's card
 * to check that, and builds the .ics as the link does.
 */
async function calendarOf(f: MeetingFixture, payload: unknown, meetingId: string) {
  const activity = JSON.stringify((payload as { activity: unknown }).activity);
  expect(activity).not.toContain('text/calendar');
  const meeting = (await f.t.meetings.get(meetingId))!;
  const team = (await f.t.teams.get(meeting.team_id))!;
  const participants = await f.t.meetings.participants(meetingId);
  const ics = meetingIcs(meeting, team, participants, await meetingOrganizer(f.t, meeting), now0, 'da');
  return { event: readIcs(ics) };
}
const now0 = new Date('2026-11-23T09:00:00Z');

describe('invitations, updates and cancellations', () => {
  let f: MeetingFixture;
  beforeAll(async () => {
    f = await meetingFixture();
    await f.t.conversations.save({
      conversationId: '19:nord@thread.tacv2',
      kind: 'channel',
      staffId: null,
      teamId: f.ids.north,
      reference: {},
    });
  });
  afterAll(async () => f.dispose());
  const now = at('2026-11-23T09:00:00Z');

  it('is registered to run on every tick', () => {
    expect(PLANNING_PASSES).toEqual(
      expect.arrayContaining([
        planMeetingInvitations,
        planMeetingReminders,
        planFrequencyWarnings,
        planLeaderOverview,
      ]),
    );
  });

  it('invites every participant of a meeting made by any code path, with a card (no file) whose calendar is a REQUEST .ics, once', async () => {
    const m = await f.t.meetings.create(meetingOn(f, '2026-12-08'));
    const first = await planMeetingInvitations(f.store, f.m, now);
    expect(first).toEqual({ planned: 4, alreadyPlanned: 0 });
    const invites = await rows(f, 'meeting.invitation');
    expect(invites.map((o) => o.dedupe_key).sort()).toEqual(
      [f.ids.coordinator, f.ids.psychologist, f.ids.teacher]
        .map((s) => `meeting-invite:${m.id}:${s}:0`)
        .sort(),
    );
    const { event } = await calendarOf(f, invites[0]!.payload, m.id);
    expect(event.method).toBe('REQUEST');
    expect(event.props).toMatchObject({
      UID: `meeting-${m.id}@samspil.invalid`,
      SEQUENCE: '0',
      DTSTART: '20261208T130000Z',
      DTEND: '20261208T143000Z',
      CLASS: 'PUBLIC',
      STATUS: 'CONFIRMED',
    });
    expect(event.attendees.sort()).toEqual(['lars@mf.example', 'pia@mf.example', 'tove@mf.example']);
    const card = JSON.stringify((invites[0]!.payload as { activity: unknown }).activity);
    expect(card).toContain('"verb":"meetingRsvp"');
    const [channel] = await rows(f, 'meeting.channel');
    expect(channel!.conversation_id).toBe('19:nord@thread.tacv2');
    expect(JSON.stringify(channel!.payload)).toContain(
      'Nyt møde: tirsdag 8. december 2026 kl. 14:00–15:30 – Tema: Mobning',
    );
    expect(await planMeetingInvitations(f.store, f.m, now)).toEqual({ planned: 0, alreadyPlanned: 0 });
  });

  it('on a move, replaces each sent card in place and sends an updated .ics with the same UID and a higher SEQUENCE', async () => {
    await sendAll(f);
    const [m] = await f.t.meetings.forTeam(f.ids.north, '2026-12-08', '2026-12-08');
    const sentIds = new Map(
      (await rows(f, 'meeting.invitation')).map((o) => [o.recipient_staff_id, o.activity_id]),
    );
    await f.t.meetings.move(
      m!.id,
      {
        date: '2026-12-15',
        startTime: '13:00',
        endTime: '14:00',
        startsAt: at('2026-12-15T12:00:00Z'),
        endsAt: at('2026-12-15T13:00:00Z'),
        place: 'Aulaen',
        onlineUrl: null,
      },
      0,
    );
    expect(await planMeetingInvitations(f.store, f.m, now)).toEqual({ planned: 7, alreadyPlanned: 0 });
    const replaced = await rows(f, 'meeting.replace');
    expect(replaced).toHaveLength(3);
    for (const r of replaced) {
      expect((r.payload as { replaceActivityId: string }).replaceActivityId).toBe(
        sentIds.get(r.recipient_staff_id),
      );
      expect(JSON.stringify(r.payload)).toContain('Mødet er ændret – se den nye invitation nedenfor.');
      expect(JSON.stringify(r.payload)).not.toContain('meetingRsvp');
    }
    const updates = await rows(f, 'meeting.update');
    expect(updates.map((o) => o.dedupe_key)).toContain(`meeting-invite:${m!.id}:${f.ids.teacher}:1`);
    const { event } = await calendarOf(f, updates[0]!.payload, m!.id);
    expect(event.method).toBe('REQUEST');
    expect(event.props).toMatchObject({
      UID: `meeting-${m!.id}@samspil.invalid`,
      SEQUENCE: '1',
      DTSTART: '20261215T120000Z',
      LOCATION: 'Aulaen',
    });
    expect(JSON.stringify((await rows(f, 'meeting.channel')).at(-1)!.payload)).toContain(
      'Flyttet: tirsdag 15. december 2026 kl. 13:00–14:00',
    );
  });

  it('on a cancellation, sends a CANCEL .ics with a higher SEQUENCE and marks the card', async () => {
    await sendAll(f);
    const [m] = await f.t.meetings.forTeam(f.ids.north, '2026-12-15', '2026-12-15');
    const lastSent = await f.t.outbox.lastActivity(meetingSubject(m!.id), f.ids.teacher, [
      'meeting.invitation',
      'meeting.update',
    ]);
    await f.t.meetings.cancel(m!.id, 1);
    await planMeetingInvitations(f.store, f.m, now);
    const cancellations = await rows(f, 'meeting.cancellation');
    expect(cancellations).toHaveLength(3);
    const { event } = await calendarOf(f, cancellations[0]!.payload, m!.id);
    expect(event.method).toBe('CANCEL');
    expect(event.props).toMatchObject({
      UID: `meeting-${m!.id}@samspil.invalid`,
      SEQUENCE: '2',
      STATUS: 'CANCELLED',
    });
    const teacherReplace = (await rows(f, 'meeting.replace')).find(
      (r) => r.dedupe_key === `meeting-invite:${m!.id}:${f.ids.teacher}:cancel:2:replace`,
    );
    expect((teacherReplace!.payload as { replaceActivityId: string }).replaceActivityId).toBe(lastSent);
    expect(JSON.stringify(teacherReplace!.payload)).toContain('Aflyst: tværfagligt teammøde');
  });

  it('never sends an older version that is still waiting: a move before sending supersedes it', async () => {
    const m = await f.t.meetings.create(meetingOn(f, '2027-01-12'));
    await planMeetingInvitations(f.store, f.m, now);
    await f.t.meetings.move(
      m.id,
      {
        date: '2027-01-19',
        startTime: '14:00',
        endTime: '15:30',
        startsAt: at('2027-01-19T13:00:00Z'),
        endsAt: at('2027-01-19T14:30:00Z'),
        place: 'Nordskolen',
        onlineUrl: null,
      },
      0,
    );
    await planMeetingInvitations(f.store, f.m, now);
    const mine = (await rows(f)).filter((o) => o.dedupe_key.startsWith(`meeting-invite:${m.id}:`));
    expect(mine.filter((o) => o.status === 'pending').map((o) => o.dedupe_key.split(':').at(-1))).toEqual([
      '1',
      '1',
      '1',
    ]);
    expect(mine.filter((o) => o.status === 'superseded')).toHaveLength(3);
    expect(mine.some((o) => o.kind === 'meeting.replace')).toBe(false);
  });

  it('on a move while the earlier invitations are on the wire, plans a replacement that waits for them and then covers them', async () => {
    const m = await f.t.meetings.create(meetingOn(f, '2027-01-26'));
    await planMeetingInvitations(f.store, f.m, now);
    // A sender has claimed the invitations and not yet settled them when the meeting moves.
    const onWire = (
      await f.store.queue.claim('test', at('2030-01-01T00:00:00Z'), 1000, 60_000, { perDestination: 1000 })
    ).filter((r) => r.subject === meetingSubject(m.id));
    expect(onWire).toHaveLength(3);
    await f.t.meetings.move(
      m.id,
      {
        date: '2027-02-02',
        startTime: '14:00',
        endTime: '15:30',
        startsAt: at('2027-02-02T13:00:00Z'),
        endsAt: at('2027-02-02T14:30:00Z'),
        place: 'Nordskolen',
        onlineUrl: null,
      },
      0,
    );
    await planMeetingInvitations(f.store, f.m, now);
    const replaced = (await rows(f, 'meeting.replace')).filter((r) => r.subject === meetingSubject(m.id));
    expect(replaced).toHaveLength(3);
    const first = replaced[0]!;
    expect(first.payload).toMatchObject({
      replaceActivityId: null,
      replaceEarlier: { kinds: expect.any(Array) },
    });
    expect(JSON.stringify(first.payload)).not.toContain('meetingRsvp');
    const kinds = first.payload.replaceEarlier!.kinds;
    expect(await f.store.queue.earlierCards(first, kinds)).toEqual({ activityIds: [], inFlight: true });
    const mine = onWire.find((r) => r.recipient_staff_id === first.recipient_staff_id)!;
    await f.store.queue.settle([
      { id: mine.id, token: mine.lease_token, status: 'sent', at: now, activityId: 'act-on-wire' },
    ]);
    expect(await f.store.queue.earlierCards(first, kinds)).toEqual({
      activityIds: ['act-on-wire'],
      inFlight: false,
    });
  });

  it('keeps a meeting about a child private in the calendar, without the child in the summary or channel', async () => {
    const m = await f.t.meetings.create(
      meetingOn(f, '2027-02-02', {
        format: 'child',
        theme: null,
        childReference: 'CD',
        parentsTakePart: true,
      }),
    );
    await planMeetingInvitations(f.store, f.m, now);
    const invite = (await rows(f, 'meeting.invitation')).find((o) =>
      o.dedupe_key.startsWith(`meeting-invite:${m.id}:`),
    )!;
    const { event } = await calendarOf(f, invite.payload, m.id);
    expect(event.props.CLASS).toBe('PRIVATE');
    expect(event.props.SUMMARY).toBe('Team Nord: Barn/ung/familie');
    const channel = JSON.stringify((await rows(f, 'meeting.channel')).at(-1)!.payload);
    expect(channel).toContain('Barn/ung/familie');
    expect(channel).not.toContain('CD');
  });

  it("links each invitation to the participant's own signed .ics when the deployment has a public URL", async () => {
    const links = new CalendarLinks(
      'https://samspil.kommune.example',
      'a-secret-of-at-least-thirty-two-characters',
    );
    const m = await f.t.meetings.create(meetingOn(f, '2027-03-02'));
    await planMeetingInvitations(f.store, f.m, now, { calendarLinks: links });
    const invites = (await rows(f, 'meeting.invitation')).filter((o) =>
      o.dedupe_key.startsWith(`meeting-invite:${m.id}:`),
    );
    expect(invites).toHaveLength(3);
    for (const invite of invites) {
      const card = JSON.stringify(invite.payload);
      const url = links.url(f.m.id, m.id, invite.recipient_staff_id!);
      expect(card).toContain(JSON.stringify(url));
      expect(card).toContain('Action.OpenUrl');
    }
  });
});

describe('a meeting whose invitations cannot be built', () => {
  let f: MeetingFixture;
  beforeAll(async () => {
    f = await meetingFixture();
  });
  afterAll(async () => f.dispose());

  it('is skipped and tried again next tick; the other meetings are invited', async () => {
    process.env.LOG_LEVEL = 'silent';
    const broken = (
      await f.t.staff.upsert({ email: 'not an e-mail', name: 'Brudt Adresse', roles: ['participant'] })
    ).id;
    const bad = await f.t.meetings.create(
      meetingOn(f, '2026-12-08', { participantIds: [f.ids.coordinator, broken] }),
    );
    const good = await f.t.meetings.create(meetingOn(f, '2026-12-09'));
    await expect(planMeetingInvitations(f.store, f.m, at('2026-11-23T09:00:00Z'))).resolves.toBeDefined();
    const keys = (await rows(f, 'meeting.invitation')).map((o) => o.dedupe_key);
    expect(keys.filter((k) => k.startsWith(`meeting-invite:${good.id}:`))).toHaveLength(3);
    expect(keys.filter((k) => k.startsWith(`meeting-invite:${bad.id}:`))).toHaveLength(0);
    expect((await f.t.meetings.unnotified('2026-11-23')).map((m) => m.id)).toEqual([bad.id]);
  });
});

describe('the working day before a meeting, a reminder', () => {
  let f: MeetingFixture;
  beforeAll(async () => {
    f = await meetingFixture();
    const tue = await f.t.meetings.create(meetingOn(f, '2026-12-08'));
    await f.t.meetings.setRsvp(tue.id, f.ids.teacher, 'no', at('2026-11-23T09:00:00Z'));
    await f.t.meetings.create(meetingOn(f, '2026-12-14'));
  });
  afterAll(async () => f.dispose());

  it('reminds everyone who has not declined, on the day before, inside working hours', async () => {
    expect((await planMeetingReminders(f.store, f.m, at('2026-12-04T09:00:00Z'))).planned).toBe(0);
    expect((await planMeetingReminders(f.store, f.m, at('2026-12-07T15:30:00Z'))).planned).toBe(0); // 16:30 local
    const r = await planMeetingReminders(f.store, f.m, at('2026-12-07T06:00:00Z')); // 07:00 local
    expect(r.planned).toBe(2);
    const reminders = await rows(f, 'meeting.reminder');
    expect(reminders.map((o) => o.recipient_staff_id).sort()).toEqual(
      [f.ids.coordinator, f.ids.psychologist].sort(),
    );
    expect(reminders[0]!.not_before.toISOString()).toBe('2026-12-07T07:00:00.000Z');
    expect(JSON.stringify(reminders[0]!.payload)).toContain('Påmindelse: teammøde 8. december 2026');
    expect(await planMeetingReminders(f.store, f.m, at('2026-12-07T10:00:00Z'))).toEqual({
      planned: 0,
      alreadyPlanned: 2,
    });
  });

  it('reminds on Friday for a Monday meeting, and never at a weekend', async () => {
    expect((await planMeetingReminders(f.store, f.m, at('2026-12-13T09:00:00Z'))).planned).toBe(0);
    expect((await planMeetingReminders(f.store, f.m, at('2026-12-11T09:00:00Z'))).planned).toBe(3);
  });
});

describe('frequency warnings and the leader’s overview', () => {
  let f: MeetingFixture;
  beforeAll(async () => {
    f = await meetingFixture();
    for (const d of ['2026-09-08', '2026-11-03', '2027-01-12', '2027-03-02']) {
      await f.t.meetings.create(
        meetingOn(f, d, { teamId: f.ids.south, participantIds: [f.ids.southCoordinator] }),
      );
    }
  });
  afterAll(async () => f.dispose());

  const warningsTo = async (staffId: string) =>
    (await rows(f, 'meeting.frequency')).filter((o) => o.recipient_staff_id === staffId);

  it('warns the coordinator of a team with 4 of 6 meetings planned, once a week', async () => {
    await planFrequencyWarnings(f.store, f.m, at('2026-08-17T08:00:00Z'));
    await planFrequencyWarnings(f.store, f.m, at('2026-08-19T08:00:00Z'));
    const warnings = await warningsTo(f.ids.southCoordinator);
    expect(warnings.map((o) => o.dedupe_key)).toEqual([
      `meeting-frequency:${f.ids.south}:${f.ids.southCoordinator}:2026-W34`,
    ]);
    const card = JSON.stringify(warnings[0]!.payload);
    expect(card).toContain('Team Syd (Grundskole) skal holde mindst 6 møder i skoleåret 2026/27.');
    expect(card).toContain('0 afholdt og 4 planlagt af mindst 6 møder.');
    expect(card).toContain('Planen mangler 2 møder for at nå minimum.');
    expect(card).toContain('"verb":"meetingYearPlan"');
    await planFrequencyWarnings(f.store, f.m, at('2026-08-24T08:00:00Z'));
    expect(await warningsTo(f.ids.southCoordinator)).toHaveLength(2);
    expect(await warningsTo(f.ids.psychologist)).toEqual([]);
  });

  it('does not warn a team that plans the minimum and keeps pace', async () => {
    for (const d of ['2027-04-06', '2027-05-04']) {
      await f.t.meetings.create(
        meetingOn(f, d, { teamId: f.ids.south, participantIds: [f.ids.southCoordinator] }),
      );
    }
    await planFrequencyWarnings(f.store, f.m, at('2026-09-01T08:00:00Z'));
    expect(await warningsTo(f.ids.southCoordinator)).toHaveLength(2);
    // Nothing held by mid-October while 1 meeting (6 × 76/365) was due: behind pace.
    await f.t.meetings.cancel(
      (await f.t.meetings.forTeam(f.ids.south, '2026-09-08', '2026-09-08'))[0]!.id,
      0,
    );
    await f.t.meetings.create(
      meetingOn(f, '2027-06-01', { teamId: f.ids.south, participantIds: [f.ids.southCoordinator] }),
    );
    await planFrequencyWarnings(f.store, f.m, at('2026-10-20T08:00:00Z'));
    const behind = (await warningsTo(f.ids.southCoordinator)).at(-1)!;
    expect(JSON.stringify(behind.payload)).toContain(
      'Teamet er bagud: 1 møder burde være holdt nu, 0 er holdt.',
    );
  });

  it('sends each leader an overview of all teams on the first working day of the month only', async () => {
    expect((await planLeaderOverview(f.store, f.m, at('2027-01-01T09:00:00Z'))).planned).toBe(0); // New Year's Day
    expect((await planLeaderOverview(f.store, f.m, at('2027-01-04T09:00:00Z'))).planned).toBe(1);
    expect((await planLeaderOverview(f.store, f.m, at('2027-01-05T09:00:00Z'))).planned).toBe(0);
    const [overview] = await rows(f, 'meeting.overview');
    expect(overview!.recipient_staff_id).toBe(f.ids.leader);
    expect(overview!.dedupe_key).toBe(`meetings-overview:${f.ids.leader}:2027-01`);
    const card = JSON.stringify(overview!.payload);
    expect(card).toContain('Team Nord');
    expect(card).toContain('Team Syd');
    expect(card).toMatch(/0 afholdt, 0 planlagt \/ min. 10 – bagud/);
  });
});
