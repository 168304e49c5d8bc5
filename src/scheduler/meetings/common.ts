import type { MeetingRow } from '../../store/meetingsRepo';
import type { StaffRow } from '../../store/types';
import { localeFrom, type Locale } from '../../i18n/locale';
import type { ChannelChange } from '../../views/meetingCards';
import type { PassPlanner } from '../passKit';

/**
 * Staff of the municipality by id, read once per pass and only when the pass has someone to tell:
 * a pass with nothing to do runs every minute and must not read every staff row (docs/
 * performance.md "Planning costs what is due").
 */
export function staffById(p: PassPlanner): () => Promise<Map<string, StaffRow>> {
  let read: Promise<Map<string, StaffRow>> | null = null;
  return () => (read ??= p.t.staff.list().then((rows) => new Map(rows.map((s) => [s.id, s]))));
}

export const localeOf = (s: StaffRow | undefined): Locale => localeFrom(s?.locale);

export function channelChange(meeting: MeetingRow): ChannelChange {
  if (meeting.status === 'cancelled') return 'cancelled';
  return meeting.notified_sequence === null ? 'new' : 'moved';
}
