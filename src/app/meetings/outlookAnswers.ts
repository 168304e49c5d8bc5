/**
 * Answers given in Outlook become answers in Samspil (docs/graph.md). Each organiser's mailbox
 * with live meeting events has a change-notification subscription, renewed a day before it
 * expires; a notification names an event, the event is read again and each attendee's
 * `status.response` (accepted → yes, declined → no) is written as that participant's answer.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../store/store';
import type { MunicipalityContext } from '../municipalityContext';
import type { CalendarPort } from './calendarPort';

const HOUR_MS = 60 * 60_000;
/** Outlook event subscriptions last at most 10,080 minutes (7 days); 3 days, renewed after 2. */
export const SUBSCRIPTION_LIFETIME_MS = 72 * HOUR_MS;
export const RENEW_BEFORE_MS = 24 * HOUR_MS;

/** Makes or renews the subscription of every mailbox holding a live meeting event. */
export async function keepSubscriptions(
  store: Store,
  m: MunicipalityContext,
  calendar: CalendarPort,
  now: Date,
): Promise<{ created: number; renewed: number }> {
  const t = store.tenant({ municipalityId: m.id, actor: 'calendar' });
  const have = new Map(
    (await store.graphSubscriptions.forMunicipality(m.id)).map((s) => [s.mailbox.toLowerCase(), s]),
  );
  const out = { created: 0, renewed: 0 };
  const until = new Date(now.getTime() + SUBSCRIPTION_LIFETIME_MS);
  for (const mailbox of await t.calendarEvents.liveOrganizers(now)) {
    const existing = have.get(mailbox.toLowerCase());
    if (existing && existing.expires_at.getTime() - now.getTime() > RENEW_BEFORE_MS) continue;
    if (existing && existing.expires_at > now) {
      const r = await calendar.renew(existing.subscription_id, until);
      await store.graphSubscriptions.renewed(existing.subscription_id, r.expiresAt);
      out.renewed++;
      continue;
    }
    const clientState = randomBytes(24).toString('base64url');
    const s = await calendar.subscribe(mailbox, clientState, until);
    if (!s) return out;
    await store.graphSubscriptions.save({
      municipality_id: m.id,
      mailbox,
      subscription_id: s.id,
      client_state: clientState,
      expires_at: s.expiresAt,
    });
    out.created++;
  }
  return out;
}

/** One change notification, as Graph posts it (the transport parses the JSON). */
export interface EventChange {
  subscriptionId: string;
  clientState: string | null;
  /** The event's id (resourceData.id). */
  eventId: string;
}

export type ChangeOutcome = 'applied' | 'unknownSubscription' | 'wrongClientState' | 'notAMeeting';

/**
 * Reads the event again and writes each attendee's answer. A notification whose clientState is
 * not the subscription's is not from Graph and changes nothing.
 */
export async function applyEventChange(
  store: Store,
  calendarFor: (municipalityId: string) => Promise<{ m: MunicipalityContext; calendar: CalendarPort } | null>,
  change: EventChange,
  now: Date,
): Promise<ChangeOutcome> {
  const sub = await store.graphSubscriptions.byId(change.subscriptionId);
  if (!sub) return 'unknownSubscription';
  const given = Buffer.from(change.clientState ?? '');
  const expected = Buffer.from(sub.client_state);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'wrongClientState';
  const found = await calendarFor(sub.municipality_id);
  if (!found) return 'notAMeeting';
  const t = store.tenant({ municipalityId: sub.municipality_id, actor: 'outlook' });
  const event = await t.calendarEvents.byEvent(sub.mailbox, change.eventId);
  if (!event || event.cancelled) return 'notAMeeting';
  const answers = await found.calendar.answers(event.organizer, event.event_id);
  for (const p of await t.meetings.participants(event.meeting_id)) {
    const answer = answers.get(p.email.toLowerCase());
    if (answer && answer !== p.rsvp) await t.meetings.setRsvp(event.meeting_id, p.staff_id, answer, now);
  }
  return 'applied';
}
