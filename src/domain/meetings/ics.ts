/**
 * iCalendar (.ics) invitations for team meetings (RFC 5545 with iTIP methods, RFC 5546), attached
 * to the invitation cards so a participant can put the meeting in Outlook.
 */
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventClass,
  ICalEventStatus,
} from 'ical-generator';
import { z } from 'zod';
import { httpsUrlField, noCprText } from './fields';

const person = z.object({ name: z.string().trim().min(1).max(200), email: z.string().trim().email() });

export const meetingIcsSchema = z
  .object({
    /** 'request' for the first invitation and every update; 'cancel' when the meeting is called off. */
    method: z.enum(['request', 'cancel']),
    /** Stable per meeting (meetingUid): Outlook matches updates and cancellations by it. */
    uid: z.string().trim().min(1).max(255),
    /**
     * 0 on the first invitation, one more on every change or cancellation; Outlook ignores an
     * update whose SEQUENCE is not above the one it has.
     */
    sequence: z.number().int().min(0),
    start: z.date(),
    end: z.date(),
    /** DTSTAMP: when this version was made (the clock's now). */
    stamp: z.date(),
    summary: noCprText('summary', { max: 255, required: true }),
    description: noCprText('description').optional(),
    location: noCprText('location', { max: 500 }).optional(),
    onlineUrl: httpsUrlField.optional(),
    organizer: person,
    /** Each attendee with the answer they gave in Samspil (PARTSTAT), needs-action until they answer. */
    attendees: z
      .array(
        person.extend({
          name: person.shape.name.optional(),
          answer: z.enum(['yes', 'no']).nullable().optional(),
        }),
      )
      .min(1),
    /** CLASS:PRIVATE, so shared and delegated calendars hide the details (meetings about a child). */
    private: z.boolean().default(false),
  })
  // Zod runs refinements even when a field failed; then only that field's error is wanted.
  .refine((m) => !(m.start instanceof Date && m.end instanceof Date) || m.end > m.start, {
    message: 'end must be after start',
    path: ['end'],
  })
  .refine((m) => m.location || m.onlineUrl, {
    message: 'needs a location or an online link',
    path: ['location'],
  });

export type MeetingIcsInput = z.input<typeof meetingIcsSchema>;

/** The UID of a meeting's calendar event: the same for every version of the meeting. */
export function meetingUid(meetingId: string, domain = 'samspil.invalid'): string {
  if (!/^[A-Za-z0-9._-]+$/.test(meetingId)) throw new Error(`Meeting id not usable in a UID: '${meetingId}'`);
  return `meeting-${meetingId}@${domain}`;
}

/** The MIME type for the attachment; mail clients use the method parameter to show Accept/Decline. */
export function icsContentType(method: 'request' | 'cancel'): string {
  return `text/calendar; charset=utf-8; method=${method.toUpperCase()}`;
}

/**
 * Times are written in UTC (DTSTART:…Z), computed from Europe/Copenhagen by the caller
 * (calendar.ts zonedInstant). A TZID needs a VTIMEZONE block beside it (RFC 5545 §3.2.19), which
 * this library only writes with an extra time-zone database package; UTC is valid without one,
 * and Outlook shows it in each reader's own zone.
 */
export function buildMeetingIcs(input: MeetingIcsInput): string {
  const m = meetingIcsSchema.parse(input);
  const cancel = m.method === 'cancel';
  const calendar = ical({
    prodId: { company: 'Samspil', product: 'Samspil', language: 'DA' },
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // Outlook shows LOCATION but not URL, so an online-only meeting puts its link in LOCATION too.
  const location = m.location || m.onlineUrl;
  const description = [m.description, m.onlineUrl].filter(Boolean).join('\n\n');
  calendar.createEvent({
    id: m.uid,
    sequence: m.sequence,
    stamp: m.stamp,
    start: m.start,
    end: m.end,
    summary: m.summary,
    description: description || null,
    location: location ?? null,
    url: m.onlineUrl ?? null,
    organizer: m.organizer,
    status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    class: m.private ? ICalEventClass.PRIVATE : ICalEventClass.PUBLIC,
    attendees: m.attendees.map((a) => ({
      email: a.email,
      name: a.name ?? null,
      role: ICalAttendeeRole.REQ,
      status:
        a.answer === 'yes'
          ? ICalAttendeeStatus.ACCEPTED
          : a.answer === 'no'
            ? ICalAttendeeStatus.DECLINED
            : ICalAttendeeStatus.NEEDSACTION,
      // Never RSVP=TRUE: the answer is given on the invitation card in Samspil. Outlook's
      // Accept/Decline would e-mail the organiser outside Samspil, where nobody reads it.
      rsvp: false,
    })),
  });
  // RFC 5545 ends every content line, the last one too, with CRLF.
  return calendar.toString().replace(/(\r\n)?$/, '\r\n');
}
