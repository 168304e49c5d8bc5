import { OutlookCalendar } from '../../src/graph/outlookCalendar';
import { GraphError } from '../../src/graph/client';
import type { CalendarEventContent } from '../../src/app/meetings/calendarPort';
import { fictionalUser, startGraph, TENANT, type GraphHarness } from '../support/graph/harness';

const organiser = fictionalUser(1, 'Anne Tovholder');
const lene = fictionalUser(2, 'Lene Deltager');
const ole = fictionalUser(3, 'Ole Deltager');

const content: CalendarEventContent = {
  subject: 'Tværfagligt møde',
  body: 'Mødet er planlagt i Samspil.',
  date: '2026-12-08',
  startTime: '09:00',
  endTime: '10:30',
  timeZone: 'Europe/Copenhagen',
  location: 'Mødelokale 2',
  onlineUrl: null,
  attendees: [
    { name: lene.displayName, email: lene.mail },
    { name: ole.displayName, email: ole.mail },
  ],
};

let h: GraphHarness;
beforeEach(async () => {
  h = await startGraph([organiser, lene, ole], { latencyMs: 60 });
});
afterEach(async () => {
  expect(h.graph.unexpected).toEqual([]);
  await h.stop();
});

describe('Outlook events through Graph (against the double generated from Graph metadata)', () => {
  it('creates an online meeting in Romance Standard Time with a Teams join link, using a token for the tenant', async () => {
    const cal = new OutlookCalendar(h.client());
    const ref = await cal.create(organiser.userPrincipalName, content, 'samspil-meeting-1');
    expect(ref.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    const [sent] = h.graph.requests;
    expect(sent?.body).toMatchObject({
      start: { dateTime: '2026-12-08T09:00:00', timeZone: 'Romance Standard Time' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: 'samspil-meeting-1',
    });
    expect(h.tokens.grants).toEqual([
      { tenant: TENANT, clientId: expect.any(String), scope: 'https://graph.microsoft.com/.default' },
    ]);
    expect(h.graph.organizerEvents(organiser.id)).toHaveLength(1);
  });

  it('moves with a PATCH of only the times, keeping the join link', async () => {
    const cal = new OutlookCalendar(h.client());
    const ref = await cal.create(organiser.userPrincipalName, content, 't-move');
    const moved = await cal.update(organiser.userPrincipalName, ref.eventId, {
      date: '2026-12-09',
      startTime: '13:00',
      endTime: '14:00',
    });
    const patch = h.graph.requests.find((r) => r.method === 'PATCH');
    expect(Object.keys(patch?.body as object).sort()).toEqual(['end', 'start']);
    expect(moved.joinUrl).toBe(ref.joinUrl);
    // Read back in Copenhagen time through Prefer: outlook.timezone.
    const stored = h.graph.organizerEvents(organiser.id)[0] as { start: { dateTime: string } };
    expect(stored.start.dateTime).toBe('2026-12-09T13:00:00');
  });

  it('cancels with a Danish comment; an attendee may not cancel', async () => {
    const cal = new OutlookCalendar(h.client());
    const ref = await cal.create(organiser.userPrincipalName, content, 't-cancel');
    const copy = [...h.graph.events.entries()].find(([, e]) => e.mailbox === lene.id)?.[0] as string;
    await expect(cal.cancel(lene.userPrincipalName, copy, 'Mødet er aflyst.')).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('You need to be an organizer to cancel a meeting'),
    });
    await cal.cancel(organiser.userPrincipalName, ref.eventId, 'Mødet er aflyst.');
    expect(h.graph.lastCancelComment).toBe('Mødet er aflyst.');
    expect(h.graph.organizerEvents(organiser.id)[0]).toMatchObject({ isCancelled: true });
  });

  it('a create retried after a timeout makes one event (transactionId)', async () => {
    const cal = new OutlookCalendar(h.client({ timeoutMs: 300, sleep: async () => {} }));
    h.graph.stallCreates(1);
    const ref = await cal.create(organiser.userPrincipalName, content, 'samspil-retried');
    expect(h.graph.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(h.graph.organizerEvents(organiser.id)).toHaveLength(1);
    expect(h.graph.organizerEvents(organiser.id)[0]).toMatchObject({ id: ref.eventId });
  });

  it('reads attendee answers given in Outlook', async () => {
    const cal = new OutlookCalendar(h.client());
    const ref = await cal.create(organiser.userPrincipalName, content, 't-answers');
    await h.graph.respond(lene.mail, ref.eventId, 'accepted');
    await h.graph.respond(ole.mail, ref.eventId, 'declined');
    const answers = await cal.answers(organiser.userPrincipalName, ref.eventId);
    expect(answers).toEqual(
      new Map([
        [lene.mail, 'yes'],
        [ole.mail, 'no'],
      ]),
    );
  });

  it('a storm of creates beyond 4 per mailbox at once: 429s honoured, 0 lost and 0 duplicated', async () => {
    // Three clients (three instances), so the app-wide limit of 4 is exceeded at the mailbox and the
    // double answers 429 with Retry-After.
    const sleeps: number[] = [];
    const fast = async (ms: number) => {
      sleeps.push(ms);
      await new Promise((r) => setTimeout(r, Math.min(ms, 50)));
    };
    const instances = [1, 2, 3].map(() => new OutlookCalendar(h.client({ sleep: fast, maxAttempts: 20 })));
    await h.credential.getToken('https://graph.microsoft.com/.default');
    const ids = Array.from({ length: 30 }, (_, i) => `storm-${i}`);
    await Promise.all(
      ids.map((id, i) =>
        instances[i % 3]?.create(organiser.userPrincipalName, { ...content, subject: id }, id),
      ),
    );
    expect(h.graph.throttled).toBeGreaterThan(0);
    expect(sleeps).toContain(1000);
    const subjects = h.graph.organizerEvents(organiser.id).map((e) => e.subject);
    expect(subjects.sort()).toEqual([...ids].sort());
  });
});

describe('the double refuses what Graph refuses', () => {
  it('an undeclared property, a bad enum value, a null for a non-nullable and "Europe/Copenhagen"', async () => {
    const client = h.client({ maxAttempts: 1 });
    const post = (body: object) =>
      client.call({ method: 'POST', path: `/users/${organiser.id}/events`, outlook: true, body });
    const start = { dateTime: '2026-12-08T09:00:00', timeZone: 'Romance Standard Time' };
    await expect(post({ subject: 'x', childInitials: 'AB' })).rejects.toMatchObject({
      status: 400,
      code: 'RequestBodyRead',
      message: expect.stringContaining(
        "The property 'childInitials' does not exist on type 'microsoft.graph.event'",
      ),
    });
    await expect(post({ start, end: start, onlineMeetingProvider: 'zoom' })).rejects.toMatchObject({
      code: 'RequestBodyRead',
      message: expect.stringContaining("Cannot convert the literal 'zoom'"),
    });
    await expect(post({ start, end: start, cancelledOccurrences: null })).rejects.toMatchObject({
      code: 'RequestBodyRead',
      message: expect.stringContaining('does not allow null values'),
    });
    await expect(
      post({ start: { ...start, timeZone: 'Europe/Copenhagen' }, end: start }),
    ).rejects.toMatchObject({ status: 400, code: 'TimeZoneNotSupportedException' });
    await expect(
      post({ attendees: [{ emailAddress: { address: 'a@b.example' }, type: 'chair' }] }),
    ).rejects.toMatchObject({ code: 'RequestBodyRead' });
    expect(h.graph.organizerEvents(organiser.id)).toEqual([]);
  });

  it('a request without a token from the tenant is refused', async () => {
    const res = await fetch(`${h.graph.url}/users/${organiser.id}/events/x`);
    expect(res.status).toBe(401);
  });

  it('records a request outside its route table', async () => {
    const client = h.client({ maxAttempts: 1 });
    await expect(client.call({ method: 'GET', path: '/me/messages' })).rejects.toBeInstanceOf(GraphError);
    expect(h.graph.unexpected).toEqual(['GET /v1.0/me/messages']);
    h.graph.unexpected.length = 0;
  });
});
