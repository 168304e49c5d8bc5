/** The .ics of a meeting version, as each participant gets it. */
import { buildMeetingIcs, meetingUid } from '../../domain/meetings/ics';
import type { MeetingRow, ParticipantRow } from '../../store/meetingsRepo';
import type { MeetingTeamRow } from '../../store/teamsRepo';
import type { TenantStore } from '../../store/store';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import type { Locale } from '../../i18n/locale';

export interface Person {
  name: string;
  email: string;
}

/**
 * Times go in UTC (see ics.ts). A meeting about a child is CLASS:PRIVATE and keeps the child's
 * reference out of the summary, which shared calendars and phone lock screens show.
 */
export function meetingIcs(
  meeting: MeetingRow,
  team: Pick<MeetingTeamRow, 'name'>,
  participants: readonly (Pick<ParticipantRow, 'name' | 'email'> & Partial<Pick<ParticipantRow, 'rsvp'>>)[],
  organizer: Person,
  stamp: Date,
  locale: Locale,
): string {
  const t = MEETING_TEXTS[locale];
  const child = meeting.format === 'child';
  const summary = `${team.name}: ${child ? t.format.child : (meeting.theme ?? t.defaultTheme)}`;
  const description = [
    meeting.purpose ? `${t.purpose}: ${meeting.purpose}` : '',
    child && meeting.child_reference ? `${t.child}: ${meeting.child_reference}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return buildMeetingIcs({
    method: meeting.status === 'cancelled' ? 'cancel' : 'request',
    uid: meetingUid(meeting.id),
    sequence: meeting.sequence,
    start: meeting.starts_at,
    end: meeting.ends_at,
    stamp,
    summary,
    description: description || undefined,
    location: meeting.place ?? undefined,
    onlineUrl: meeting.online_url ?? undefined,
    organizer,
    attendees: participants.length
      ? participants.map((p) => ({ name: p.name, email: p.email, answer: p.rsvp ?? null }))
      : [organizer],
    private: child,
  });
}

/** The ORGANIZER of a meeting's .ics: who called it, else the team's first coordinator, else Samspil. */
export async function meetingOrganizer(t: TenantStore, meeting: MeetingRow): Promise<Person> {
  const id =
    meeting.organizer_staff_id ??
    (await t.teams.members(meeting.team_id)).find((m) => m.is_coordinator)?.staff_id;
  const s = id ? await t.staff.get(id) : null;
  return s
    ? { name: s.name, email: s.email }
    : { name: 'Samspil', email: `samspil@${t.ctx.municipalityId}.invalid` };
}
