import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { meetingFixture, teamNordMeeting, type MeetingFixture } from './fixture';
import { syncMeetingCalendars } from '../../../src/scheduler/meetings/calendar';
import { OutlookCalendar } from '../../../src/graph/outlookCalendar';
import { createHttpApp } from '../../../src/server/httpServer';
import { mountGraphNotifications, type Pending } from '../../../src/server/graphNotifications';
import { createAdapter } from '../../../src/teams/adapter';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/log';
import { invitationCard } from '../../../src/views/meetingCards';
import type { PassOptions } from '../../../src/scheduler/passes';
import type { DirectoryUser } from '../../support/graph/double';
import { startGraph, type GraphHarness } from '../../support/graph/harness';

const DAY_MS = 24 * 60 * 60_000;

/**
 * RSVPs given in Outlook (docs/graph.md), against the Graph double: the subscription's validation
 * handshake with Samspil's real HTTP app over https, notifications answered at once and applied
 * after reading the event again, renewal before expiry, and lifecycle notifications.
 */
describe('answers given in Outlook reach Samspil', () => {
  let f: MeetingFixture;
  let h: GraphHarness;
  let server: https.Server;
  let base = '';
  let pending: Pending;
  let opts: PassOptions;
  let calendar: OutlookCalendar;
  let eventId = '';
  let meetingId = '';
  const now = new Date('2026-11-23T09:00:00Z');
  const settle = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };
  const rsvp = async (staffId: string) =>
    (await f.t.meetings.participants(meetingId)).find((p) => p.staff_id === staffId)?.rsvp ?? null;

  beforeAll(async () => {
    f = await meetingFixture();
    const users: DirectoryUser[] = (await f.t.staff.list()).map((s, i) => ({
      id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      displayName: s.name,
      mail: s.email,
      userPrincipalName: s.email,
    }));
    h = await startGraph(users);
    const config = loadConfig({ PORT: '0' });
    const app = createHttpApp({
      adapter: createAdapter(config),
      runTurn: async () => false,
      health: async () => ({}),
      log: createLogger('silent'),
      mount: (http) => {
        pending = mountGraphNotifications(http, {
          store: f.store,
          clock: { now: () => now },
          log: createLogger('silent'),
          calendarFor: async () => ({ m: f.m, calendar }),
        });
      },
    });
    // Graph posts to https endpoints only: Samspil's app behind the test's certificate.
    server = https.createServer({ key: h.tokens.key, cert: h.tokens.ca }, app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    calendar = new OutlookCalendar(h.client(), {
      changes: `${base}/graph/notifications`,
      lifecycle: `${base}/graph/lifecycle`,
    });
    opts = { calendarFor: () => calendar };
  });
  afterAll(async () => {
    expect(h.graph.unexpected).toEqual([]);
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
    await h.stop();
    await f.dispose();
  });

  it("the calendar pass subscribes to the organiser's events after the handshake", async () => {
    meetingId = (await f.t.meetings.create(teamNordMeeting(f))).id;
    await syncMeetingCalendars(f.store, f.m, now, opts);
    eventId = (await f.t.calendarEvents.get(meetingId))!.event_id;
    expect([...h.graph.subscriptions.values()]).toEqual([
      expect.objectContaining({ notificationUrl: `${base}/graph/notifications` }),
    ]);
    const [saved] = await f.store.graphSubscriptions.forMunicipality(f.m.id);
    expect(saved?.mailbox).toBe('tove@mf.example');
    expect(saved!.expires_at.getTime() - now.getTime()).toBe(3 * DAY_MS);
  });

  it("an acceptance in Outlook is the participant's answer after one notification, answered within 3 s", async () => {
    expect(await rsvp(f.ids.psychologist)).toBeNull();
    const [delivery] = await h.graph.respond('pia@mf.example', eventId, 'accepted');
    expect(delivery).toMatchObject({ status: 202 });
    expect(delivery!.ms).toBeLessThan(3000);
    await settle();
    expect(await rsvp(f.ids.psychologist)).toBe('yes');
    // The participant's card shows the answer.
    const meeting = (await f.t.meetings.get(meetingId))!;
    const card = invitationCard({
      meeting,
      team: { name: 'Team Nord' },
      participants: await f.t.meetings.participants(meetingId),
      organizerName: 'Tove Tovholder',
      locale: 'da',
      variant: 'reminder',
      answer: await rsvp(f.ids.psychologist),
    });
    expect(JSON.stringify(card)).toContain('Du har svaret: deltager.');
    await h.graph.respond('pia@mf.example', eventId, 'declined');
    await settle();
    expect(await rsvp(f.ids.psychologist)).toBe('no');
  });

  it("a notification without the subscription's clientState changes nothing", async () => {
    const sub = [...h.graph.subscriptions.values()][0]!;
    const real = sub.clientState;
    sub.clientState = 'forged';
    await h.graph.respond('pia@mf.example', eventId, 'accepted');
    await settle();
    sub.clientState = real;
    expect(await rsvp(f.ids.psychologist)).toBe('no');
  });

  it('renews the subscription a day before it expires, and not before', async () => {
    const patches = () =>
      h.graph.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/subscriptions/'));
    await syncMeetingCalendars(f.store, f.m, new Date(now.getTime() + DAY_MS), opts);
    expect(patches()).toHaveLength(0);
    const later = new Date(now.getTime() + 2 * DAY_MS + 60_000);
    await syncMeetingCalendars(f.store, f.m, later, opts);
    expect(patches()).toHaveLength(1);
    const [saved] = await f.store.graphSubscriptions.forMunicipality(f.m.id);
    expect(saved!.expires_at.getTime()).toBe(later.getTime() + 3 * DAY_MS);
  });

  it('lifecycle: reauthorizationRequired renews; subscriptionRemoved makes the next pass subscribe again', async () => {
    const id = [...h.graph.subscriptions.keys()][0]!;
    const before = h.graph.requests.length;
    expect((await h.graph.lifecycle(id, 'reauthorizationRequired')).status).toBe(202);
    await settle();
    expect(h.graph.requests.slice(before).map((r) => r.method)).toEqual(['PATCH']);
    expect((await h.graph.lifecycle(id, 'subscriptionRemoved')).status).toBe(202);
    await settle();
    expect(await f.store.graphSubscriptions.forMunicipality(f.m.id)).toEqual([]);
    await syncMeetingCalendars(f.store, f.m, now, opts);
    expect(await f.store.graphSubscriptions.forMunicipality(f.m.id)).toHaveLength(1);
  });

  it('Graph refuses a subscription whose endpoint fails the handshake, or is not https', async () => {
    const broken = new OutlookCalendar(h.client({ maxAttempts: 1 }), {
      changes: `${base}/nowhere`,
      lifecycle: `${base}/graph/lifecycle`,
    });
    await expect(
      broken.subscribe('tove@mf.example', 'x', new Date(Date.now() + DAY_MS)),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(
        'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
      ),
    });
    const plain = new OutlookCalendar(h.client({ maxAttempts: 1 }), {
      changes: base.replace('https:', 'http:'),
      lifecycle: `${base}/graph/lifecycle`,
    });
    await expect(
      plain.subscribe('tove@mf.example', 'x', new Date(Date.now() + DAY_MS)),
    ).rejects.toMatchObject({
      status: 400,
    });
  });
});
