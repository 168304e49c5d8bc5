import { requiredReasons } from '../i18n/problems';
/** Cards of the team-meeting feature, built from templates in cards/meeting-*.json. */
import { CardJson, renderCard } from '../cards/render';
import { addDays, type LocalDate } from '../domain/localDate';
import { MEETING_TEXTS } from '../i18n/meetingTexts';
import { fill } from '../i18n/texts';
import { professionLabel } from '../i18n/labels';
import { formatDate, type Locale } from '../i18n/locale';
import type { MeetingRow, ParticipantRow } from '../store/meetingsRepo';
import type { MeetingTeamRow, TeamMemberRow } from '../store/teamsRepo';
import { whatText, whenText } from './meetingText';

type Fact = { title: string; value: string };

export type InvitationVariant = 'invitation' | 'updated' | 'cancelled' | 'reminder' | 'replaced';

export interface InvitationInput {
  meeting: MeetingRow;
  team: Pick<MeetingTeamRow, 'name'>;
  participants: readonly Pick<ParticipantRow, 'name' | 'rsvp' | 'staff_id'>[];
  organizerName: string | null;
  locale: Locale;
  variant: InvitationVariant;
  /** The recipient's own answer, shown under the facts. */
  answer?: 'yes' | 'no' | null;
  /** A signed link to the recipient's current .ics (set when the deployment has a public URL). */
  calendarUrl?: string;
}

export function meetingFacts(
  m: MeetingRow,
  teamName: string,
  locale: Locale,
  opts: { participants?: readonly Pick<ParticipantRow, 'name'>[]; organizerName?: string | null } = {},
): Fact[] {
  const t = MEETING_TEXTS[locale];
  const facts: Fact[] = [
    { title: t.team, value: teamName },
    { title: t.formatLabel, value: t.format[m.format] },
    { title: t.time, value: whenText(m, locale) },
  ];
  if (m.place) facts.push({ title: t.place, value: m.place });
  if (m.online_url) facts.push({ title: t.online, value: m.online_url });
  if (m.format === 'theme' && m.theme) facts.push({ title: t.theme, value: m.theme });
  if (m.format === 'child' && m.child_reference) facts.push({ title: t.child, value: m.child_reference });
  if (m.purpose) facts.push({ title: t.purpose, value: m.purpose });
  if (opts.participants?.length) {
    facts.push({ title: t.participants, value: opts.participants.map((p) => p.name).join(', ') });
  }
  facts.push({ title: t.parents, value: m.parents_take_part ? t.yes : t.no });
  if (m.format === 'child') facts.push({ title: t.childTakesPart, value: m.child_takes_part ? t.yes : t.no });
  if (opts.organizerName) facts.push({ title: t.organizer, value: opts.organizerName });
  return facts;
}

const VARIANT: Record<InvitationVariant, { title: keyof typeof MEETING_TEXTS.da; color: string }> = {
  invitation: { title: 'invitationTitle', color: 'Accent' },
  updated: { title: 'updatedTitle', color: 'Accent' },
  cancelled: { title: 'cancelledTitle', color: 'Attention' },
  reminder: { title: 'reminderTitle', color: 'Accent' },
  replaced: { title: 'updatedTitle', color: 'Default' },
};

/** The participant's card: facts, the .ics note, and RSVP buttons while the meeting can be answered. */
export function invitationCard(i: InvitationInput): CardJson {
  const t = MEETING_TEXTS[i.locale];
  const v = VARIANT[i.variant];
  const live = i.variant === 'invitation' || i.variant === 'updated' || i.variant === 'reminder';
  const lines =
    i.variant === 'replaced'
      ? [t.replacedNote]
      : i.variant === 'cancelled'
        ? [t.cancelledNote]
        : i.variant === 'reminder'
          ? []
          : [t.icsNote];
  return renderCard('meeting-invitation', {
    t,
    title: fill(t[v.title] as string, { date: formatDate(i.meeting.date, i.locale) }),
    color: v.color,
    facts: meetingFacts(i.meeting, i.team.name, i.locale, {
      participants: i.variant === 'replaced' ? [] : i.participants,
      organizerName: i.organizerName,
    }),
    lines: lines.map((text) => ({ text })),
    answer: live && i.answer ? (i.answer === 'yes' ? t.answeredYes : t.answeredNo) : '',
    onlineUrl: live && i.meeting.online_url ? i.meeting.online_url : '',
    calendarUrl: i.variant === 'replaced' ? '' : (i.calendarUrl ?? ''),
    actionable: live,
    meetingId: i.meeting.id,
    sequence: String(i.meeting.sequence),
  });
}

export function statusCard(
  title: string,
  opts: {
    color?: string;
    lines?: string[];
    facts?: Fact[];
    action?: { title: string; teamId: string; startYear: number };
  } = {},
): CardJson {
  return renderCard('meeting-status', {
    title,
    color: opts.color ?? 'Default',
    lines: (opts.lines ?? []).map((text) => ({ text })),
    facts: opts.facts ?? [],
    teamId: opts.action?.teamId ?? '',
    startYear: String(opts.action?.startYear ?? ''),
    actionTitle: opts.action?.title ?? '',
  });
}

export function teamChoiceCard(
  teams: readonly Pick<MeetingTeamRow, 'id' | 'name'>[],
  verb: string,
  locale: Locale,
): CardJson {
  return renderCard('meeting-team-choice', {
    title: MEETING_TEXTS[locale].chooseTeam,
    verb,
    teams: teams.map((x) => ({ id: x.id, name: x.name })),
  });
}

export interface ScheduleFormInput {
  team: MeetingTeamRow;
  members: readonly TeamMemberRow[];
  /** Others who may be invited (optional representatives), not pre-selected. */
  others: readonly { id: string; name: string; profession: string | null }[];
  coordinator: boolean;
  today: LocalDate;
  locale: Locale;
  start?: string;
  end?: string;
}

/** The team's members (its fixed representatives) are pre-selected; a theme meeting is the coordinator's. */
export function scheduleFormCard(i: ScheduleFormInput): CardJson {
  const t = MEETING_TEXTS[i.locale];
  const label = (name: string, profession: string | null) =>
    profession ? `${name} (${professionLabel(profession, i.locale)})` : name;
  const active = i.members.filter((m) => m.active);
  return renderCard('meeting-schedule', {
    t,
    req: requiredReasons(i.locale),
    teamId: i.team.id,
    teamName: i.team.name,
    today: i.today,
    formatDefault: 'child',
    formatChoices: (i.coordinator ? (['child', 'theme'] as const) : (['child'] as const)).map((f) => ({
      title: t.format[f],
      value: f,
    })),
    startDefault: i.start ?? i.team.meeting_start ?? '14:00',
    endDefault: i.end ?? '15:30',
    participantsDefault: active.map((m) => m.staff_id).join(','),
    participantChoices: [
      ...active.map((m) => ({ title: label(m.name, m.profession), value: m.staff_id })),
      ...i.others.map((o) => ({ title: label(o.name, o.profession), value: o.id })),
    ],
  });
}

export function editCard(m: MeetingRow, teamName: string, locale: Locale, today: LocalDate): CardJson {
  return renderCard('meeting-edit', {
    t: MEETING_TEXTS[locale],
    req: requiredReasons(locale),
    facts: meetingFacts(m, teamName, locale).slice(0, 3),
    meetingId: m.id,
    sequence: String(m.sequence),
    date: m.date,
    today: addDays(today, 0),
    startTime: m.start_time,
    endTime: m.end_time,
    place: m.place ?? '',
    onlineUrl: m.online_url ?? '',
  });
}

export type ChannelChange = 'new' | 'moved' | 'cancelled';

/** One post to the team's channel for everything that changed since the last one (no child references). */
export function channelSummaryCard(
  teamName: string,
  changes: readonly { meeting: MeetingRow; change: ChannelChange }[],
  locale: Locale,
): CardJson {
  const t = MEETING_TEXTS[locale];
  const key = { new: 'channelNew', moved: 'channelMoved', cancelled: 'channelCancelled' } as const;
  return statusCard(fill(t.channelTitle, { team: teamName }), {
    color: 'Accent',
    lines: changes.map((c) =>
      fill(t[key[c.change]], { when: whenText(c.meeting, locale), what: whatText(c.meeting, locale, false) }),
    ),
  });
}
