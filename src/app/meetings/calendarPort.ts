/**
 * The municipality's own calendar, as the meeting services see it: an Outlook event per meeting in
 * the organiser's mailbox, with the participants as attendees and a Teams join link. Implemented
 * over Microsoft Graph (src/graph/outlookCalendar.ts) when a municipality turns Graph on; without
 * it nothing calls this and the meeting lives in Samspil and its .ics links only (docs/graph.md).
 */
import type { LocalDate } from '../../domain/localDate';

export interface CalendarAttendee {
  name: string;
  email: string;
}

/** What an Outlook event says about a meeting: never child data, it is copied into every mailbox. */
export interface CalendarEventContent {
  subject: string;
  /** Plain text; the calendar shows it as the invitation's body. */
  body: string;
  date: LocalDate;
  startTime: string;
  endTime: string;
  /** An IANA zone (the municipality's); the adapter names it as the calendar service wants. */
  timeZone: string;
  location: string | null;
  /** A link the organiser gave (a meeting elsewhere); without one the calendar makes a Teams meeting. */
  onlineUrl: string | null;
  attendees: CalendarAttendee[];
}

/** What may change on an existing event; only what differs is sent. */
export type CalendarEventChanges = Partial<
  Pick<CalendarEventContent, 'date' | 'startTime' | 'endTime' | 'timeZone' | 'location' | 'attendees'>
>;

export interface CalendarEventRef {
  eventId: string;
  joinUrl: string | null;
}

export type AttendeeAnswer = 'yes' | 'no' | null;

export interface CalendarPort {
  /** Creates the event; `transactionId` makes a repeated create return the first event. */
  create(organiser: string, content: CalendarEventContent, transactionId: string): Promise<CalendarEventRef>;
  update(organiser: string, eventId: string, changes: CalendarEventChanges): Promise<CalendarEventRef>;
  /** Cancels the event for every attendee, with a comment they read. */
  cancel(organiser: string, eventId: string, comment: string): Promise<void>;
  /** Each attendee's answer as the calendar has it (e-mail in lower case). */
  answers(organiser: string, eventId: string): Promise<Map<string, AttendeeAnswer>>;
  /**
   * Subscribes to changes of the organiser's events (so an answer given in Outlook reaches
   * Samspil); null when the deployment has no public URL for the notifications.
   */
  subscribe(
    organiser: string,
    clientState: string,
    expiresAt: Date,
  ): Promise<{ id: string; expiresAt: Date } | null>;
  renew(subscriptionId: string, expiresAt: Date): Promise<{ expiresAt: Date }>;
}
