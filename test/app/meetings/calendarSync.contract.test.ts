import { meetingFixture, teamNordMeeting, type MeetingFixture } from './fixture';
import { cancelMeeting, moveMeeting } from '../../../src/app/meetings/change';
import { syncMeetingCalendars } from '../../../src/scheduler/meetings/calendar';
import { planMeetingInvitations } from '../../../src/scheduler/meetings';
import { OutlookCalendar } from '../../../src/graph/outlookCalendar';
import { graphMunicipalities } from '../../../src/graph/municipalities';
import type { PassOptions } from '../../../src/scheduler/passes';
import type { DirectoryUser } from '../../support/graph/double';
import { startGraph, TENANT, type GraphHarness } from '../../support/graph/harness';

type Json = Record<string, unknown>;

/**
 * Meetings as Outlook events (docs/graph.md), against the Graph double: created once with a Teams
 * link, moved and re-attended with only what changed, cancelled by the organiser, and nothing at
 * all for a municipality without Graph.
 */
describe("a Graph municipality's meetings in Outlook", () => {
  let f: MeetingFixture;
  let h: GraphHarness;
  let opts: PassOptions;
  const now = new Date('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    f = await meetingFixture();
    const users: DirectoryUser[] = (await f.t.staff.list()).map((s, i) => ({
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      displayName: s.name,
      mail: s.email,
      userPrincipalName: s.email,
    }));
    toveId = users.find((u) => u.mail === 'tove@mf.example')!.id;
    h = await startGraph(users, { latencyMs: 5 });
    const calendar = new OutlookCalendar(h.client({ timeoutMs: 500, sleep: async () => {} }));
    opts = { calendarFor: () => calendar };
  });
  afterAll(async () => {
    expect(h.graph.unexpected).toEqual([]);
    await h.stop();
    await f.dispose();
  });

  const tove = () => f.staff(f.ids.coordinator);
  const sent = (method: string) => h.graph.requests.filter((r) => r.method === method);
  let toveId = '';
  const organiserEvents = async () => h.graph.organizerEvents(toveId);

  it("creates the event once, in the organiser's calendar, and the invitation card carries its Teams link", async () => {
    const meeting = await f.t.meetings.create(teamNordMeeting(f));
    await syncMeetingCalendars(f.store, f.m, now, opts);
    await syncMeetingCalendars(f.store, f.m, now, opts);
    expect(sent('POST')).toHaveLength(1);
    const events = await organiserEvents();
    expect(events).toHaveLength(1);
    const event = events[0] as Json;
    expect(event).toMatchObject({
      subject: 'Tværfagligt temamøde – Team Nord',
      start: { dateTime: '2026-12-08T14:00:00', timeZone: 'Romance Standard Time' },
      isOnlineMeeting: true,
      attendees: [
        expect.objectContaining({ emailAddress: expect.objectContaining({ address: 'pia@mf.example' }) }),
      ],
    });
    const joinUrl = (event.onlineMeeting as Json).joinUrl as string;
    expect((await f.t.meetings.get(meeting.id))?.online_url).toBe(joinUrl);
    await planMeetingInvitations(f.store, f.m, now, opts);
    const invitation = (await f.t.outbox.list()).find((r) => r.kind.startsWith('meeting.invit'));
    expect(JSON.stringify(invitation?.payload)).toContain(joinUrl.slice(0, 60));
  });

  it('a move sends only the new time and place, and keeps the join link', async () => {
    const [meeting] = await f.t.meetings.forTeam(f.ids.north, '2026-12-08', '2026-12-08');
    const before = h.graph.requests.length;
    const moved = await moveMeeting(
      f.store,
      f.m,
      await tove(),
      {
        meetingId: meeting!.id,
        sequence: meeting!.sequence,
        date: '2026-12-09',
        startTime: '13:00',
        endTime: '14:00',
        place: 'Aulaen',
        onlineUrl: meeting!.online_url ?? undefined,
      },
      now,
    );
    expect(moved.ok).toBe(true);
    await syncMeetingCalendars(f.store, f.m, now, opts);
    const patches = h.graph.requests.slice(before);
    expect(patches.map((r) => r.method)).toEqual(['PATCH']);
    expect(Object.keys(patches[0]!.body as Json).sort()).toEqual(['end', 'location', 'start']);
    expect((await organiserEvents())[0]).toMatchObject({
      start: { dateTime: '2026-12-09T13:00:00' },
      location: { displayName: 'Aulaen' },
      onlineMeeting: { joinUrl: meeting!.online_url },
    });
  });

  it('a new participant becomes an attendee with one PATCH of the attendees', async () => {
    const [meeting] = await f.t.meetings.forTeam(f.ids.north, '2026-12-09', '2026-12-09');
    const before = h.graph.requests.length;
    await f.t.meetings.addParticipants(meeting!.id, [f.ids.teacher]);
    await syncMeetingCalendars(f.store, f.m, now, opts);
    const calls = h.graph.requests.slice(before);
    expect(calls.map((r) => `${r.method} ${Object.keys(r.body as Json)}`)).toEqual(['PATCH attendees']);
  });

  it('a cancellation cancels the event with a Danish comment, once', async () => {
    const [meeting] = await f.t.meetings.forTeam(f.ids.north, '2026-12-09', '2026-12-09');
    const done = await cancelMeeting(f.store, f.m, await tove(), {
      meetingId: meeting!.id,
      sequence: meeting!.sequence,
    });
    expect(done.ok).toBe(true);
    await syncMeetingCalendars(f.store, f.m, now, opts);
    await syncMeetingCalendars(f.store, f.m, now, opts);
    expect(sent('POST').filter((r) => r.path.endsWith('/cancel'))).toHaveLength(1);
    expect(h.graph.lastCancelComment).toBe('Mødet er aflyst i Samspil.');
    expect((await organiserEvents())[0]).toMatchObject({ isCancelled: true });
  });

  it('a create whose answer is lost is retried and still makes one event', async () => {
    await f.t.meetings.create(teamNordMeeting(f, '2026-12-15'));
    h.graph.stallCreates(1);
    const posts = sent('POST').length;
    await syncMeetingCalendars(f.store, f.m, now, opts);
    expect(sent('POST').length - posts).toBe(2);
    const dec15 = (await organiserEvents()).filter(
      (e) => (e.start as Json).dateTime === '2026-12-15T14:00:00',
    );
    expect(dec15).toHaveLength(1);
  });

  it("a meeting about a child puts neither the child reference nor the purpose in anyone's mailbox", async () => {
    await f.t.meetings.create(
      teamNordMeeting(f, '2026-12-16', {
        format: 'child',
        theme: null,
        childReference: 'XY',
        purpose: 'Bekymring for XY',
      }),
    );
    await syncMeetingCalendars(f.store, f.m, now, opts);
    const event = (await organiserEvents()).find((e) => (e.start as Json).dateTime === '2026-12-16T14:00:00');
    expect(event?.subject).toBe('Tværfagligt møde – Team Nord');
    expect(JSON.stringify(event)).not.toMatch(/XY|Bekymring/);
  });
});

describe('without Graph', () => {
  it('a municipality that has not turned Graph on, or has no tenant, gets no calendar', () => {
    const graph = graphMunicipalities('http://127.0.0.1:1/v1.0', () => {
      throw new Error('no credential may be made');
    });
    const base = { id: 'x', name: 'X', ladder: [] as never, policy: {} as never };
    const settings = (graph?: { enabled: boolean }) => ({ graph }) as never;
    expect(graph.calendarFor({ ...base, tenantId: TENANT, settings: settings() })).toBeNull();
    expect(
      graph.calendarFor({ ...base, tenantId: TENANT, settings: settings({ enabled: false }) }),
    ).toBeNull();
    expect(graph.calendarFor({ ...base, tenantId: null, settings: settings({ enabled: true }) })).toBeNull();
  });

  it('the calendar pass does nothing and creates no event rows', async () => {
    const f = await meetingFixture();
    try {
      await f.t.meetings.create(teamNordMeeting(f));
      expect(await syncMeetingCalendars(f.store, f.m, new Date('2026-11-23T09:00:00Z'), {})).toEqual({
        planned: 0,
        alreadyPlanned: 0,
      });
      expect(await f.t.calendarEvents.toSync(new Date('2026-11-23T09:00:00Z'))).toHaveLength(1);
    } finally {
      await f.dispose();
    }
  });
});
