/**
 * Keeps each meeting's Outlook event in step with the meeting (docs/graph.md): created in the
 * organiser's calendar with the participants as attendees and a Teams link, moved by sending only
 * the new time and place, given the new attendee list when participants change, and cancelled
 * with a comment the attendees read. Runs for municipalities with Graph turned on; a failure
 * leaves the meeting as it is in Samspil (its cards and .ics links work as without Graph) and is
 * tried again on the next pass.
 */
import { CALENDAR_TEXTS } from '../../i18n/calendarTexts';
import { localeFrom } from '../../i18n/locale';
import type { MeetingToSync } from '../../store/calendarEventsRepo';
import type { Store, TenantStore } from '../../store/store';
import type { StaffRow } from '../../store/types';
import type { MunicipalityContext } from '../municipalityContext';
import type { CalendarEventContent, CalendarPort } from './calendarPort';

export interface CalendarSyncResult {
  created: number;
  updated: number;
  cancelled: number;
  failed: { meetingId: string; error: string }[];
}

/**
 * The event's transactionId: the same for every attempt at creating one meeting's event, so a
 * create repeated after a timeout returns the first event instead of making a second.
 */
export const eventTransactionId = (meetingId: string): string => `samspil-meeting-${meetingId}`;

export async function syncCalendar(
  store: Store,
  m: MunicipalityContext,
  calendar: CalendarPort,
  now: Date,
): Promise<CalendarSyncResult> {
  const t = store.tenant({ municipalityId: m.id, actor: 'calendar' });
  const result: CalendarSyncResult = { created: 0, updated: 0, cancelled: 0, failed: [] };
  const due = await t.calendarEvents.toSync(now);
  if (due.length === 0) return result;
  const staff = new Map((await t.staff.list()).map((s) => [s.id, s]));
  for (const item of due) {
    try {
      const done = await syncOne(t, m, calendar, item, staff);
      if (done) result[done]++;
    } catch (e) {
      result.failed.push({ meetingId: item.meeting.id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}

async function syncOne(
  t: TenantStore,
  m: MunicipalityContext,
  calendar: CalendarPort,
  { meeting, event, attendeeKey }: MeetingToSync,
  staff: Map<string, StaffRow>,
): Promise<'created' | 'updated' | 'cancelled' | null> {
  if (event && meeting.status === 'cancelled') {
    const organiser = [...staff.values()].find(
      (s) => s.email.toLowerCase() === event.organizer.toLowerCase(),
    );
    await calendar.cancel(
      event.organizer,
      event.event_id,
      CALENDAR_TEXTS[localeFrom(organiser?.locale)].cancelComment,
    );
    await t.calendarEvents.save({ ...event, cancelled: true });
    return 'cancelled';
  }
  const organiser = await organiserOf(t, meeting.organizer_staff_id, meeting.team_id, staff);
  if (!organiser)
    throw new Error('the meeting has no organiser or team coordinator whose calendar could hold it');
  const attendees = (await t.meetings.participants(meeting.id))
    .filter((p) => p.staff_id !== organiser.id)
    .map((p) => ({ name: p.name, email: p.email }));
  const save = (eventId: string, joinUrl: string | null) =>
    t.calendarEvents.save({
      meeting_id: meeting.id,
      organizer: event?.organizer ?? organiser.email,
      event_id: eventId,
      join_url: joinUrl,
      synced_sequence: meeting.sequence,
      attendee_key: attendeeKey,
    });
  if (!event) {
    const team = await t.teams.get(meeting.team_id);
    const texts = CALENDAR_TEXTS[localeFrom(organiser.locale)];
    const content: CalendarEventContent = {
      subject: texts.subject[meeting.format](team?.name ?? ''),
      body: texts.body(organiser.name),
      date: meeting.date,
      startTime: meeting.start_time,
      endTime: meeting.end_time,
      timeZone: m.settings.timeZone,
      location: meeting.place,
      onlineUrl: meeting.online_url,
      attendees,
    };
    const ref = await calendar.create(organiser.email, content, eventTransactionId(meeting.id));
    await save(ref.eventId, ref.joinUrl);
    return 'created';
  }
  // Only what changed: a move (a higher sequence) sends time and place, new participants the list.
  const moved = event.synced_sequence !== meeting.sequence;
  const ref = await calendar.update(event.organizer, event.event_id, {
    ...(moved
      ? {
          date: meeting.date,
          startTime: meeting.start_time,
          endTime: meeting.end_time,
          timeZone: m.settings.timeZone,
          location: meeting.place,
        }
      : {}),
    ...(event.attendee_key !== attendeeKey ? { attendees } : {}),
  });
  await save(ref.eventId, ref.joinUrl ?? event.join_url);
  return 'updated';
}

/** The organiser's calendar holds the event; without one, the team's first coordinator's. */
async function organiserOf(
  t: TenantStore,
  organiserId: string | null,
  teamId: string,
  staff: Map<string, StaffRow>,
): Promise<StaffRow | null> {
  const organiser = organiserId ? staff.get(organiserId) : undefined;
  if (organiser?.active) return organiser;
  const coordinator = (await t.teams.members(teamId)).find((x) => x.is_coordinator && x.active);
  return coordinator ? (staff.get(coordinator.staff_id) ?? null) : null;
}
