/** Cards of the team-meeting feature (issue 4), built from templates in cards/meeting-*.json. */
import { CardJson, renderCard } from '../../cards/render';
import { INSTITUTION_TYPES } from '../../domain/institutions';
import { addDays, daysBetween, type LocalDate } from '../../domain/localDate';
import { localDateOf } from '../../domain/calendar';
import { schoolYear } from '../../domain/meetings/schoolYear';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { fill } from '../../i18n/texts';
import { formatDate, type Locale } from '../../i18n/locale';
import type { MeetingRow, ParticipantRow } from '../../store/meetingsRepo';
import type { MeetingTeamRow, TeamMemberRow } from '../../store/teamsRepo';
import type { TeamYear } from '../../app/meetings/frequency';
import type { YearPlanDraft } from '../../app/meetings/yearPlan';
import { isHeld } from '../../app/meetings/frequency';
import { weekdayName, whatText, whenText } from './meetingText';

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
  updated: { title: 'updatedTitle', color: 'Warning' },
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

/** A card activity with the .ics beside it: Teams shows it as a file, Outlook opens it. */
export function activityWithIcs(
  card: CardJson,
  summary: string,
  ics: { text: string; date: LocalDate; method: 'request' | 'cancel' } | null,
): Record<string, unknown> {
  const attachments: Record<string, unknown>[] = [
    { contentType: 'application/vnd.microsoft.card.adaptive', content: card },
  ];
  if (ics) {
    attachments.push({
      contentType: 'text/calendar',
      name: `samspil-${ics.date}${ics.method === 'cancel' ? '-aflyst' : ''}.ics`,
      content: ics.text,
    });
  }
  return { type: 'message', summary, attachments };
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
  const label = (name: string, profession: string | null) => (profession ? `${name} (${profession})` : name);
  const active = i.members.filter((m) => m.active);
  return renderCard('meeting-schedule', {
    t,
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

function statusLines(ty: TeamYear, locale: Locale): { text: string; color: string }[] {
  const t = MEETING_TEXTS[locale];
  const s = ty.status;
  const out: { text: string; color: string }[] = [];
  if (s.planShortBy > 0) out.push({ text: fill(t.yearShort, { n: s.planShortBy }), color: 'Attention' });
  if (s.behindPace) {
    out.push({ text: fill(t.yearBehind, { expected: s.expectedByNow, held: s.held }), color: 'Attention' });
  }
  if (s.unregistered > 0)
    out.push({ text: fill(t.yearUnregistered, { n: s.unregistered }), color: 'Warning' });
  if (out.length === 0) out.push({ text: t.yearOk, color: 'Good' });
  return out;
}

export function statusLine(ty: TeamYear, locale: Locale): string {
  const s = ty.status;
  return fill(MEETING_TEXTS[locale].yearStatus, { held: s.held, planned: s.planned, minimum: s.minimum });
}

const SHOWN_PAST = 3;
const SHOWN_AHEAD = 15;

/**
 * The last few past meetings and the next ones: a busy team's whole year would not fit in one
 * activity (40 KB), and the coming meetings are the ones a coordinator acts on.
 */
export function shownMeetings(meetings: readonly MeetingRow[], now: Date): MeetingRow[] {
  const past = meetings.filter((m) => m.ends_at <= now);
  const ahead = meetings.filter((m) => m.ends_at > now);
  return [...past.slice(-SHOWN_PAST), ...ahead.slice(0, SHOWN_AHEAD)];
}

export interface TeamYearView {
  year: TeamYear;
  role: 'coordinator' | 'member' | null;
  /** Change buttons are for the coordinator (or who called the meeting), in the personal chat. */
  staffId: string | null;
}

const MAX_EDITABLE = 30;
const NEXT_YEAR_WINDOW_DAYS = 92;

/** `møder`: each team's school year, its standing against the minimum, and its meetings. */
export function teamYearCard(
  views: readonly TeamYearView[],
  locale: Locale,
  now: Date,
  showChild: boolean,
): CardJson {
  const t = MEETING_TEXTS[locale];
  const label = views[0]?.year.year.label ?? '';
  const statusOf = (m: MeetingRow) =>
    m.status === 'cancelled' ? 'cancelled' : isHeld(m, now) ? 'held' : 'scheduled';
  // One picker for the whole card: a button per meeting would not fit in 40 KB for a busy coordinator.
  const editable = views
    .flatMap((v) =>
      v.year.meetings
        .filter(
          (m) =>
            statusOf(m) === 'scheduled' &&
            v.staffId !== null &&
            (v.role === 'coordinator' || m.organizer_staff_id === v.staffId),
        )
        .map((m) => ({ title: `${v.year.team.name}: ${whenText(m, locale)}`, value: m.id })),
    )
    .slice(0, MAX_EDITABLE);
  return renderCard('meeting-year', {
    t,
    title: fill(t.yearTitle, { year: label }),
    emptyText: t.noTeams,
    editable,
    teams: views.map((v) => {
      const shown = shownMeetings(v.year.meetings, now);
      return {
        id: v.year.team.id,
        name: `${v.year.team.name} – ${INSTITUTION_TYPES[v.year.team.institution_type][locale]}`,
        statusLine: statusLine(v.year, locale),
        warnings: statusLines(v.year, locale),
        coordinator: v.role === 'coordinator',
        member: v.role === 'member',
        startYear: String(v.year.year.startYear),
        planYearTitle: fill(t.planYear, { year: v.year.year.label }),
        // From May the coming school year can be planned too (schools publish their calendars then).
        nextYear: daysBetween(localDateOf(now), v.year.year.end) < NEXT_YEAR_WINDOW_DAYS,
        nextStartYear: String(v.year.year.startYear + 1),
        planNextTitle: fill(t.planYear, { year: schoolYear(v.year.year.startYear + 1).label }),
        meetings: shown.map((m) => {
          const status = statusOf(m);
          return {
            text: `${whenText(m, locale)} · ${whatText(m, locale, showChild)} · ${t.status[status]}`,
            color: status === 'cancelled' ? 'Attention' : status === 'held' ? 'Good' : 'Default',
          };
        }),
        more:
          v.year.meetings.length > shown.length
            ? fill(t.moreMeetings, { n: v.year.meetings.length - shown.length })
            : v.year.meetings.length === 0
              ? t.noMeetings
              : '',
      };
    }),
  });
}

/** The proposal with each date editable; an emptied date is dropped on confirm. */
export function yearPlanCard(d: YearPlanDraft, locale: Locale): CardJson {
  const t = MEETING_TEXTS[locale];
  const notes: string[] = [];
  if (d.needed === 0) notes.push(fill(t.yearPlanEnough, { year: d.year.label }));
  if (d.proposal.shortBy > 0) notes.push(fill(t.yearPlanShort, { n: d.proposal.meetings.length }));
  return renderCard('meeting-year-plan', {
    t,
    title: fill(t.yearPlanTitle, { year: d.year.label }),
    teamLine: `${d.team.name} – ${INSTITUTION_TYPES[d.team.institution_type][locale]}`,
    statusLine: statusLine(d.current, locale),
    notes: notes.map((text) => ({ text })),
    teamId: d.team.id,
    startYear: String(d.year.startYear),
    weekday: String(d.slot.weekday),
    weekdayChoices: MEETING_TEXTS[locale].weekdays.map((w, i) => ({ title: w, value: String(i + 1) })),
    startTime: d.slot.startTime,
    minutes: d.slot.minutes,
    min: d.year.start,
    max: d.year.end,
    theme: t.defaultTheme,
    purpose: t.defaultPurpose,
    dates: d.proposal.meetings.map((m, i) => ({
      id: `date${i}`,
      value: m.date,
      label: `${fill(t.meetingN, { n: i + 1 })} (${weekdayName(m.date, locale)})`,
    })),
  });
}

export function editCard(m: MeetingRow, teamName: string, locale: Locale, today: LocalDate): CardJson {
  return renderCard('meeting-edit', {
    t: MEETING_TEXTS[locale],
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

/** To the coordinator (with the plan button) or the team's channel (without). */
export function frequencyWarningCard(ty: TeamYear, locale: Locale, withAction: boolean): CardJson {
  const t = MEETING_TEXTS[locale];
  const s = ty.status;
  return statusCard(t.warningTitle, {
    color: 'Attention',
    lines: [
      fill(t.warningIntro, {
        team: ty.team.name,
        institution: INSTITUTION_TYPES[ty.team.institution_type][locale],
        minimum: s.minimum,
        year: ty.year.label,
      }),
      statusLine(ty, locale),
      ...statusLines(ty, locale).map((l) => l.text),
    ],
    action: withAction
      ? { title: fill(t.planYear, { year: ty.year.label }), teamId: ty.team.id, startYear: ty.year.startYear }
      : undefined,
  });
}

/** The leader's monthly overview: one line per team, the ones short of the minimum marked. */
export function overviewCard(years: readonly TeamYear[], locale: Locale): CardJson {
  const t = MEETING_TEXTS[locale];
  const label = years[0]?.year.label ?? '';
  return statusCard(fill(t.overviewTitle, { year: label }), {
    lines: [years.length ? t.overviewIntro : t.overviewEmpty],
    facts: years.map((y) => {
      const s = y.status;
      const flag = s.behindPace
        ? t.behindShort
        : s.planShortBy > 0
          ? fill(t.shortShort, { n: s.planShortBy })
          : t.okShort;
      return {
        title: y.team.name,
        value: `${fill(t.overviewRow, { held: s.held, planned: s.planned, minimum: s.minimum })} – ${flag}`,
      };
    }),
  });
}
