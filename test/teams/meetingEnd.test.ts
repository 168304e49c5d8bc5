import { randomUUID } from 'node:crypto';
import { ENGINES, openTestStore } from '../support/db';
import type { Store } from '../../src/store/store';
import { ManualClock } from '../../src/domain/clock';
import { zonedInstant } from '../../src/domain/calendar';
import { questionnairePass } from '../../src/scheduler/afterMeetingPasses';
import { seedAfterMeeting } from '../app/afterMeetingFixture';
import { startApiServer } from '../support/apiServer';
import { BOT, TENANT_ID } from '../support/activities';

const at = (date: string, time: string) => zonedInstant(date, time, 'Europe/Copenhagen');

/** The meeting's Teams link as Graph gave it, and as Teams writes it in meetingEnd (other case of the escapes). */
const GRAPH_JOIN_URL =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2ZmQ2%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d';
const TEAMS_JOIN_URL =
  'https://teams.microsoft.com/l/meetup-join/19%3Ameeting_NjQ2ZmQ2%40thread.v2/0?context=%7B%22Tid%22%3A%22t%22%7D';

/**
 * A `meetingEnd` event as Teams sends it to a bot with the RSC permission
 * OnlineMeeting.ReadBasic.Chat: PascalCase `value`, the meeting's id in channelData.
 */
function meetingEnd(value: Record<string, unknown>) {
  return {
    type: 'event',
    name: 'application/vnd.microsoft.meetingEnd',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: 'http://127.0.0.1:9/',
    channelId: 'msteams',
    from: { id: '29:organiser', aadObjectId: randomUUID() },
    conversation: { id: '19:meeting_NjQ2ZmQ2@thread.v2', conversationType: 'groupChat', tenantId: TENANT_ID },
    recipient: BOT,
    value,
    channelData: { tenant: { id: TENANT_ID }, source: null, meeting: { id: 'MCMxOTptZWV0aW5nX05qUTJabVEy' } },
  };
}

describe('the questionnaire when the Teams meeting really ends', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let seed: Awaited<ReturnType<typeof seedAfterMeeting>>;
  let server: Awaited<ReturnType<typeof startApiServer>>;
  const clock = new ManualClock(at('2026-11-24', '09:50'));
  const questionnaires = async (meetingId: string) =>
    (await seed.t.outbox.list()).filter((o) => o.dedupe_key.startsWith(`questionnaire:${meetingId}`)).length;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(ENGINES[0]!));
    seed = await seedAfterMeeting(store);
    server = await startApiServer(store, clock);
  });
  afterAll(async () => {
    await server.close();
    await dispose();
  });

  /** A meeting of Tuesday 24 Nov 09:00–10:00 whose Outlook event has the Teams link. */
  const withTeamsLink = async (date: string) => {
    const meeting = await seed.meeting('theme', date);
    await seed.t.calendarEvents.save({
      meeting_id: meeting.id,
      organizer: 'tove@am.example',
      event_id: `AAMk-${meeting.id}`,
      join_url: GRAPH_JOIN_URL,
      synced_sequence: 0,
      attendee_key: '',
    });
    return meeting;
  };
  const ended = (endTime: string) =>
    meetingEnd({
      Id: 'MCMxOTptZWV0aW5nX05qUTJabVEy',
      JoinUrl: TEAMS_JOIN_URL,
      Title: 'Tværfagligt temamøde – Team Nord',
      MeetingType: 'Scheduled',
      EndTime: endTime,
    });

  it('starts the questionnaire at once, and a repeated event or the fallback pass adds nothing', async () => {
    const meeting = await withTeamsLink('2026-11-24');
    clock.set(at('2026-11-24', '09:52'));
    expect((await server.activity(ended('2026-11-24T08:51:47.4388966Z'))).status).toBe(200);
    // Lars said yes and Sara was marked present: one questionnaire each, before the scheduled end.
    expect(await questionnaires(meeting.id)).toBe(2);
    expect((await seed.t.meetings.get(meeting.id))?.status).toBe('held');
    expect((await server.activity(ended('2026-11-24T08:51:47.4388966Z'))).status).toBe(200);
    expect(await questionnaires(meeting.id)).toBe(2);
    // The fallback at the scheduled end plus the delay finds them planned.
    const fallback = await questionnairePass(store, await seed.municipality(), at('2026-11-24', '10:30'));
    expect(fallback.planned).toBe(0);
    expect(await questionnaires(meeting.id)).toBe(2);
  });

  it('without an event the fallback pass sends it once, and a late event then adds nothing', async () => {
    const meeting = await withTeamsLink('2026-11-25');
    expect(await questionnaires(meeting.id)).toBe(0);
    const m = await seed.municipality();
    expect((await questionnairePass(store, m, at('2026-11-25', '10:29'))).planned).toBe(0);
    expect((await questionnairePass(store, m, at('2026-11-25', '10:30'))).planned).toBe(2);
    clock.set(at('2026-11-25', '10:31'));
    expect((await server.activity(ended('2026-11-25T09:00:12Z'))).status).toBe(200);
    expect(await questionnaires(meeting.id)).toBe(2);
  });

  it('the event and the fallback pass at the same moment still send it once', async () => {
    const meeting = await withTeamsLink('2026-11-27');
    clock.set(at('2026-11-27', '10:30'));
    const [answer] = await Promise.all([
      server.activity(ended('2026-11-27T09:00:05Z')),
      questionnairePass(store, await seed.municipality(), at('2026-11-27', '10:30')),
    ]);
    expect(answer.status).toBe(200);
    expect(await questionnaires(meeting.id)).toBe(2);
  });

  it('a payload in the camelCase teams-ai types, or a link that is no Samspil meeting, plans nothing and is no error', async () => {
    const meeting = await withTeamsLink('2026-11-26');
    clock.set(at('2026-11-26', '09:58'));
    const camel = meetingEnd({ id: 'x', joinUrl: TEAMS_JOIN_URL, endTime: '2026-11-26T08:58:00Z' });
    expect((await server.activity(camel)).status).toBe(200);
    const other = ended('2026-11-26T08:58:00Z');
    (other.value as Record<string, unknown>).JoinUrl =
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_other%40thread.v2/0';
    expect((await server.activity(other)).status).toBe(200);
    expect(await questionnaires(meeting.id)).toBe(0);
    expect((await seed.t.meetings.get(meeting.id))?.status).toBe('scheduled');
  });
});
