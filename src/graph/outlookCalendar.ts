/**
 * The CalendarPort over Microsoft Graph: meetings as Outlook events in the organiser's mailbox
 * (Create event, https://learn.microsoft.com/en-us/graph/api/user-post-events), with a Teams link
 * (`isOnlineMeeting`, `onlineMeetingProvider: "teamsForBusiness"`).
 */
import { z } from 'zod';
import type {
  AttendeeAnswer,
  CalendarEventChanges,
  CalendarEventContent,
  CalendarEventRef,
  CalendarPort,
} from '../app/meetings/calendarPort';
import type { GraphClient } from './client';

/**
 * Graph names time zones the Windows way; "Europe/Copenhagen" is refused
 * (dateTimeTimeZone, https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone).
 * Romance Standard Time is Copenhagen, Brussels, Madrid, Paris: the same rules as Europe/Copenhagen.
 */
const WINDOWS_ZONE: Record<string, string> = {
  'Europe/Copenhagen': 'Romance Standard Time',
  UTC: 'UTC',
};

export function windowsZone(iana: string): string {
  const zone = WINDOWS_ZONE[iana];
  if (!zone) throw new Error(`No Windows time zone known for ${iana}`);
  return zone;
}

const eventAnswer = z.object({
  id: z.string(),
  onlineMeeting: z.object({ joinUrl: z.string().nullish() }).nullish(),
  attendees: z
    .array(
      z.object({
        emailAddress: z.object({ address: z.string() }),
        status: z.object({ response: z.string() }).nullish(),
      }),
    )
    .default([]),
});

const ANSWERS: Record<string, AttendeeAnswer> = { accepted: 'yes', declined: 'no' };

const path = (organiser: string, eventId?: string) =>
  `/users/${encodeURIComponent(organiser)}/events${eventId ? `/${encodeURIComponent(eventId)}` : ''}`;

const when = (date: string, time: string, timeZone: string) => ({
  dateTime: `${date}T${time}:00`,
  timeZone: windowsZone(timeZone),
});

const attendeesOf = (list: CalendarEventContent['attendees']) =>
  list.map((a) => ({ emailAddress: { address: a.email, name: a.name }, type: 'required' }));

const locationOf = (place: string | null) => ({ displayName: place ?? '' });

const subscriptionAnswer = z.object({
  id: z.string(),
  expirationDateTime: z.string().datetime({ offset: true }),
});

export class OutlookCalendar implements CalendarPort {
  /**
   * `notifications` is where Graph posts change and lifecycle notifications (Samspil's
   * /graph/notifications and /graph/lifecycle under its public https URL).
   */
  constructor(
    private readonly graph: GraphClient,
    private readonly notifications: { changes: string; lifecycle: string } | null = null,
  ) {}

  /**
   * A subscription on the organiser's events (Create subscription,
   * https://learn.microsoft.com/en-us/graph/api/subscription-post-subscriptions); Graph first
   * checks the notification URL answers its validation token.
   */
  async subscribe(organiser: string, clientState: string, expiresAt: Date) {
    if (!this.notifications) return null;
    const s = await this.graph.call({
      method: 'POST',
      path: '/subscriptions',
      schema: subscriptionAnswer,
      body: {
        changeType: 'updated,deleted',
        notificationUrl: this.notifications.changes,
        lifecycleNotificationUrl: this.notifications.lifecycle,
        resource: `/users/${organiser}/events`,
        expirationDateTime: expiresAt.toISOString(),
        clientState,
      },
    });
    return { id: s.id, expiresAt: new Date(s.expirationDateTime) };
  }

  async renew(subscriptionId: string, expiresAt: Date) {
    const s = await this.graph.call({
      method: 'PATCH',
      path: `/subscriptions/${encodeURIComponent(subscriptionId)}`,
      schema: subscriptionAnswer,
      body: { expirationDateTime: expiresAt.toISOString() },
    });
    return { expiresAt: new Date(s.expirationDateTime) };
  }

  async create(organiser: string, c: CalendarEventContent, transactionId: string): Promise<CalendarEventRef> {
    const online = c.onlineUrl === null;
    const event = await this.graph.call({
      method: 'POST',
      path: path(organiser),
      outlook: true,
      headers: { prefer: `outlook.timezone="${windowsZone(c.timeZone)}"` },
      schema: eventAnswer,
      body: {
        subject: c.subject,
        body: { contentType: 'text', content: c.onlineUrl ? `${c.body}\n\n${c.onlineUrl}` : c.body },
        start: when(c.date, c.startTime, c.timeZone),
        end: when(c.date, c.endTime, c.timeZone),
        location: locationOf(c.location),
        attendees: attendeesOf(c.attendees),
        allowNewTimeProposals: false,
        isOnlineMeeting: online,
        ...(online ? { onlineMeetingProvider: 'teamsForBusiness' } : {}),
        transactionId,
      },
    });
    return { eventId: event.id, joinUrl: event.onlineMeeting?.joinUrl ?? null };
  }

  /**
   * PATCH with only what changed. The body is never sent: replacing an online meeting's body
   * without its meeting blob mints a new join link (Update event,
   * https://learn.microsoft.com/en-us/graph/api/event-update).
   */
  async update(organiser: string, eventId: string, ch: CalendarEventChanges): Promise<CalendarEventRef> {
    const zone = ch.timeZone ?? 'Europe/Copenhagen';
    const body: Record<string, unknown> = {};
    if (ch.date !== undefined && ch.startTime !== undefined) body.start = when(ch.date, ch.startTime, zone);
    if (ch.date !== undefined && ch.endTime !== undefined) body.end = when(ch.date, ch.endTime, zone);
    if (ch.location !== undefined) body.location = locationOf(ch.location);
    if (ch.attendees !== undefined) body.attendees = attendeesOf(ch.attendees);
    const event = await this.graph.call({
      method: 'PATCH',
      path: path(organiser, eventId),
      outlook: true,
      schema: eventAnswer,
      body,
    });
    return { eventId: event.id, joinUrl: event.onlineMeeting?.joinUrl ?? null };
  }

  /** Event: cancel (https://learn.microsoft.com/en-us/graph/api/event-cancel): organiser only, 202. */
  async cancel(organiser: string, eventId: string, comment: string): Promise<void> {
    await this.graph.call({
      method: 'POST',
      path: `${path(organiser, eventId)}/cancel`,
      outlook: true,
      body: { Comment: comment },
    });
  }

  async answers(organiser: string, eventId: string): Promise<Map<string, AttendeeAnswer>> {
    const event = await this.graph.call({
      method: 'GET',
      path: path(organiser, eventId),
      outlook: true,
      headers: { prefer: 'outlook.timezone="Romance Standard Time"' },
      schema: eventAnswer,
    });
    return new Map(
      event.attendees.map((a) => [
        a.emailAddress.address.toLowerCase(),
        ANSWERS[a.status?.response ?? ''] ?? null,
      ]),
    );
  }
}
