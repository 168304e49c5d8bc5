import { requiredReasons } from '../i18n/problems';
/** Cards of the team-meeting feature, built from templates in cards/meeting-*.json. */
import { CardJson, renderCard } from '../cards/render';
import { addDays, type LocalDate } from '../domain/localDate';
import { MEETING_TEXTS } from '../i18n/meetingTexts';
import { fill } from '../i18n/texts';
import { professionLabel } from '../i18n/labels';
import { formatDate, type Locale } from '../i18n/locale';
import type { MeetingFormatId, MeetingRow, ParticipantRow } from '../store/meetingsRepo';
import type { MeetingTeamRow, TeamMemberRow } from '../store/teamsRepo';
import { whatText, whenText } from './meetingText';

type Fact = { title: string; value: string };

export type InvitationVariant = 'invitation' | 'updated' | 'cancelled' | 'reminder' | 'replaced' | 'held';

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
  held: { title: 'invitationTitle', color: 'Default' },
};

/** What a move changed, old → new: the time when it moved, the place when that moved. */
export function changeLines(m: MeetingRow, locale: Locale): string[] {
  const t = MEETING_TEXTS[locale];
  const before = m.moved_from;
  if (!before) return [];
  const lines: string[] = [];
  const was = whenText(before, locale);
  const is = whenText(m, locale);
  if (was !== is) lines.push(fill(t.changedWhen, { from: was, to: is }));
  const where = (p: { place: string | null; online_url: string | null }) =>
    p.place ?? p.online_url ?? t.noPlace;
  if (where(before) !== where(m)) lines.push(fill(t.changedPlace, { from: where(before), to: where(m) }));
  return lines;
}

function variantLines(i: InvitationInput): string[] {
  const t = MEETING_TEXTS[i.locale];
  switch (i.variant) {
    case 'replaced':
      return [t.replacedNote];
    case 'cancelled':
      return [t.cancelledNote];
    case 'reminder':
      return [];
    case 'held':
      return [t.heldNote];
    case 'updated':
      return [...changeLines(i.meeting, i.locale), t.icsNote];
    case 'invitation':
      return [t.icsNote];
  }
}

/** The participant's card: facts, the .ics note, and RSVP buttons while the meeting can be answered. */
export function invitationCard(i: InvitationInput): CardJson {
  const t = MEETING_TEXTS[i.locale];
  const v = VARIANT[i.variant];
  const live = i.variant === 'invitation' || i.variant === 'updated' || i.variant === 'reminder';
  const lines = variantLines(i);
  const facts = meetingFacts(i.meeting, i.team.name, i.locale, {
    participants: i.variant === 'replaced' ? [] : i.participants,
    organizerName: i.organizerName,
  });
  if (i.variant === 'cancelled' && i.meeting.cancel_reason) {
    facts.push({ title: t.cancelReasonFact, value: i.meeting.cancel_reason });
  }
  return renderCard('meeting-invitation', {
    t,
    title: fill(t[v.title] as string, { date: formatDate(i.meeting.date, i.locale) }),
    color: v.color,
    facts,
    lines: lines.map((text) => ({ text })),
    answer:
      (live || i.variant === 'held') && i.answer ? (i.answer === 'yes' ? t.answeredYes : t.answeredNo) : '',
    onlineUrl: live && i.meeting.online_url ? i.meeting.online_url : '',
    calendarUrl: i.variant === 'replaced' || i.variant === 'held' ? '' : (i.calendarUrl ?? ''),
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
  format: MeetingFormatId;
  today: LocalDate;
  locale: Locale;
  /** Where the team met last: most meet in the same room, so the form starts there. */
  usualPlace: string | null;
  /** Set after initials matched an open case: the form asks the caller to confirm the check. */
  askInitialsCheck?: boolean;
}

const DEFAULT_START = '14:00';
const DEFAULT_MINUTES = 90;

/** The team's usual slot: its start time and length (set with its year plan), else 14:00 for 90 minutes. */
export function usualSlot(team: Pick<MeetingTeamRow, 'meeting_start' | 'meeting_minutes'>): {
  start: string;
  end: string;
} {
  const start = team.meeting_start ?? DEFAULT_START;
  const [h, m] = start.split(':').map(Number) as [number, number];
  const end = Math.min(h * 60 + m + (team.meeting_minutes ?? DEFAULT_MINUTES), 23 * 60 + 59);
  const hhmm = (n: number) =>
    `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`;
  return { start, end: hhmm(end) };
}

/**
 * The form of one format: only that format's fields, starting at the team's usual time and place.
 * The team's members (its fixed representatives) are pre-selected; parents take part in a meeting
 * about a child (docs/domain-rules.md), not in a theme meeting.
 */
export function scheduleFormCard(i: ScheduleFormInput): CardJson {
  const t = MEETING_TEXTS[i.locale];
  const label = (name: string, profession: string | null) =>
    profession ? `${name} (${professionLabel(profession, i.locale)})` : name;
  const active = i.members.filter((m) => m.active);
  const slot = usualSlot(i.team);
  return renderCard('meeting-schedule', {
    t,
    req: requiredReasons(i.locale),
    title: fill(t.scheduleFormTitle, { format: t.formatNoun[i.format], team: i.team.name }),
    intro: t.formatIntro[i.format],
    teamId: i.team.id,
    format: i.format,
    today: i.today,
    startDefault: slot.start,
    endDefault: slot.end,
    placeDefault: i.usualPlace ?? '',
    parentsDefault: i.format === 'child' ? 'true' : 'false',
    askInitialsCheck: i.askInitialsCheck === true,
    participantsDefault: active.map((m) => m.staff_id).join(','),
    participantChoices: [
      ...active.map((m) => ({ title: label(m.name, m.profession), value: m.staff_id })),
      ...i.others.map((o) => ({ title: label(o.name, o.profession), value: o.id })),
    ],
  });
}

/** A coordinator's first step: which kind of meeting, so the form shows only that kind's fields. */
export function formatChoiceCard(team: Pick<MeetingTeamRow, 'id' | 'name'>, locale: Locale): CardJson {
  const t = MEETING_TEXTS[locale];
  return renderCard('meeting-format-choice', {
    title: fill(t.scheduleTitleTeam, { team: team.name }),
    intro: t.scheduleIntro,
    teamId: team.id,
    formats: (['child', 'theme'] as const).map((f) => ({ title: t.formatChoice[f], value: f })),
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

/**
 * The question before a cancellation: which meeting, who will be told, and room for a reason the
 * participants see. Nothing is sent until it is confirmed.
 */
export function cancelConfirmCard(
  m: MeetingRow,
  teamName: string,
  invited: number,
  locale: Locale,
): CardJson {
  const t = MEETING_TEXTS[locale];
  return renderCard('meeting-cancel', {
    t,
    facts: meetingFacts(m, teamName, locale).slice(0, 4),
    consequence: invited > 0 ? fill(t.cancelAskInvited, { n: invited }) : t.cancelAskNobody,
    meetingId: m.id,
    sequence: String(m.sequence),
  });
}

/** The coordinator's card once the meeting is cancelled: which one, and what the participants get. */
export function cancelledCard(m: MeetingRow, locale: Locale): CardJson {
  const t = MEETING_TEXTS[locale];
  return statusCard(t.cancelledDone, {
    color: 'Attention',
    lines: [whenText(m, locale), t.cancelledLine],
    facts: m.cancel_reason ? [{ title: t.cancelReasonFact, value: m.cancel_reason }] : [],
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
