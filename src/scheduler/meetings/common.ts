import type { MeetingRow } from '../../store/meetingsRepo';
import type { StaffRow } from '../../store/types';
import { localeFrom, type Locale } from '../../i18n/locale';
import type { ChannelChange } from '../../views/meetingCards';
import type { PassPlanner } from '../passKit';

/** Staff of the municipality by id, looked up once per pass. */
export async function staffById(p: PassPlanner): Promise<Map<string, StaffRow>> {
  return new Map((await p.t.staff.list()).map((s) => [s.id, s]));
}

export const localeOf = (s: StaffRow | undefined): Locale => localeFrom(s?.locale);

export function channelChange(meeting: MeetingRow): ChannelChange {
  if (meeting.status === 'cancelled') return 'cancelled';
  return meeting.notified_sequence === null ? 'new' : 'moved';
}
