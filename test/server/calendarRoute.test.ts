import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { CalendarLinks } from '../../src/app/meetings/calendarLinks';
import { fixedClock } from '../../src/domain/clock';
import { createLogger } from '../../src/log';
import { mountCalendarRoute } from '../../src/server/calendarRoute';
import { meetingFixture, teamNordMeeting, type MeetingFixture } from '../app/meetings/fixture';
import { readIcs } from '../app/meetings/icsReader';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

/** GET /calendar/…: the participant's current .ics behind the "open in Outlook" link. */
describe('the calendar link endpoint', () => {
  let f: MeetingFixture;
  let server: http.Server;
  let base: string;
  let links: CalendarLinks;
  let meetingId = '';

  beforeAll(async () => {
    f = await meetingFixture();
    const meeting = await f.t.meetings.create(
      teamNordMeeting(f, '2026-12-08', { participantIds: [f.ids.coordinator, f.ids.teacher] }),
    );
    meetingId = meeting.id;
    const app = express();
    server = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    links = new CalendarLinks(base, SECRET);
    mountCalendarRoute(app, {
      store: f.store,
      links,
      clock: fixedClock('2026-11-23T09:00:00Z'),
      log: createLogger('silent'),
    });
  }, 60_000);
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await f.dispose();
  });

  it("answers a participant's signed link with the meeting's current REQUEST .ics", async () => {
    const res = await fetch(links.url(f.m.id, meetingId, f.ids.teacher));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    const ics = readIcs(await res.text());
    expect(ics.method).toBe('REQUEST');
    expect(ics.props.UID).toBe(`meeting-${meetingId}@samspil.invalid`);
    expect(ics.props.SEQUENCE).toBe('0');
  });

  it('serves the cancellation once the meeting is cancelled (same UID, higher SEQUENCE)', async () => {
    await f.t.meetings.cancel(meetingId, 0);
    const res = await fetch(links.url(f.m.id, meetingId, f.ids.teacher));
    const ics = readIcs(await res.text());
    expect(ics.method).toBe('CANCEL');
    expect(ics.props.UID).toBe(`meeting-${meetingId}@samspil.invalid`);
    expect(Number(ics.props.SEQUENCE)).toBeGreaterThan(0);
  });

  it('refuses a tampered or unsigned link, and a valid link for someone not invited', async () => {
    const good = new URL(links.url(f.m.id, meetingId, f.ids.teacher));
    const forged = `${base}/calendar/${f.m.id}/${meetingId}/${f.ids.psychologist}.ics${good.search}`;
    expect((await fetch(forged)).status).toBe(403);
    expect((await fetch(`${base}/calendar/${f.m.id}/${meetingId}/${f.ids.teacher}.ics`)).status).toBe(400);
    expect((await fetch(`${base}/calendar/${f.m.id}/not-a-meeting/${f.ids.teacher}.ics?sig=x`)).status).toBe(
      400,
    );
    expect((await fetch(links.url(f.m.id, meetingId, f.ids.psychologist))).status).toBe(404);
    expect((await fetch(links.url('elsewhere', meetingId, f.ids.teacher))).status).toBe(404);
  });
});
