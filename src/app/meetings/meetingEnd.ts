/**
 * Teams tells the bot when an online meeting ends (the `meetingEnd` event, which reaches the bot
 * through the RSC permission OnlineMeeting.ReadBasic.Chat): the meeting it is about is found by its
 * join link, and its questionnaire goes out now rather than at the scheduled end plus the delay
 * (docs/graph.md). The scheduler's pass remains the fallback when no event comes; both plan under
 * the same outbox keys, so a participant gets the questionnaire once whichever comes first.
 */
import { planAtMeetingEnd } from '../../scheduler/afterMeetingPasses';
import type { PassOptions } from '../../scheduler/passes';
import type { Store } from '../../store/store';
import type { MunicipalityContext } from '../municipalityContext';

/** What Teams says about an ended meeting, in our words (the transport parses its own shape). */
export interface MeetingEnded {
  joinUrl: string;
  endedAt: Date;
}

const DAY_MS = 24 * 60 * 60_000;

/** A Teams join link as one meeting: its path decoded and in lower case (Teams and Graph encode `:` and `@` differently). */
export function joinLinkKey(url: string): string | null {
  try {
    const u = new URL(url);
    return `${u.host}${decodeURIComponent(u.pathname)}`.toLowerCase().replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/** The meeting's id when one was found and its after-meeting messages planned; null when the link is not a Samspil meeting's. */
export async function meetingEnded(
  store: Store,
  m: MunicipalityContext,
  ended: MeetingEnded,
  now: Date,
  opts?: PassOptions,
): Promise<string | null> {
  const key = joinLinkKey(ended.joinUrl);
  if (!key) return null;
  const t = store.tenant({ municipalityId: m.id, actor: 'teams:meetingEnd' });
  // The meeting started before it ended, and a link reused for a series matches the latest start.
  const candidates = await t.calendarEvents.withJoinLinks(
    new Date(ended.endedAt.getTime() - DAY_MS),
    ended.endedAt,
  );
  const hit = candidates.find((c) => c.links.some((l) => joinLinkKey(l) === key));
  if (!hit) return null;
  const meeting = await t.meetings.get(hit.meeting_id);
  if (!meeting) return null;
  await planAtMeetingEnd(store, m, meeting, now, opts);
  return meeting.id;
}
