import { requiredReasons } from '../i18n/problems';
/** Cards about a team's school year: its meetings against the minimum, the year plan, warnings, the leaders' overview. */
import { CardJson, renderCard } from '../cards/render';
import { INSTITUTION_TYPE_LABELS } from '../i18n/labels';
import { daysBetween } from '../domain/localDate';
import { localDateOf } from '../domain/calendar';
import { schoolYear } from '../domain/meetings/schoolYear';
import { MEETING_TEXTS } from '../i18n/meetingTexts';
import { fill } from '../i18n/texts';
import type { Locale } from '../i18n/locale';
import type { MeetingRow } from '../store/meetingsRepo';
import type { TeamYear } from '../app/meetings/frequency';
import type { YearPlanDraft } from '../app/meetings/yearPlan';
import { isHeld } from '../app/meetings/frequency';
import { timeText, weekdayName, whatText } from './meetingText';
import { formatNumericDate } from '../i18n/locale';
import { statusCard } from './meetingCards';

function statusLines(ty: TeamYear, locale: Locale): { text: string; color: string }[] {
  const t = MEETING_TEXTS[locale];
  const s = ty.status;
  const out: { text: string; color: string }[] = [];
  if (s.planShortBy > 0) out.push({ text: fill(t.yearShort, { n: s.planShortBy }), color: 'Attention' });
  if (s.behindPace) {
    out.push({ text: fill(t.yearBehind, { expected: s.expectedByNow, held: s.held }), color: 'Attention' });
  }
  if (s.unregistered > 0)
    out.push({ text: fill(t.yearUnregistered, { n: s.unregistered }), color: 'Attention' });
  if (out.length === 0) out.push({ text: t.yearOk, color: 'Default' });
  return out;
}

export function statusLine(ty: TeamYear, locale: Locale): string {
  const s = ty.status;
  return fill(MEETING_TEXTS[locale].yearStatus, { held: s.held, planned: s.planned, minimum: s.minimum });
}

/**
 * A team's pace in words: what is held and planned against the minimum, and the verdict. `møder`
 * and `status` both show this, from the one judgement (frequencyStatus), so they cannot disagree.
 */
export function paceText(ty: TeamYear, locale: Locale): string {
  return [statusLine(ty, locale), ...statusLines(ty, locale).map((l) => l.text)].join(' ');
}

const SHOWN_PAST = 3;
const SHOWN_AHEAD = 15;
/** Table rows in one card: a table row costs about 1 KB of the 40 KB an activity may hold. */
const MAX_ROWS = 18;

/**
 * The last few past meetings and the next ones: a busy team's whole year would not fit in one
 * activity (40 KB), and the coming meetings are the ones a coordinator acts on. `rows` caps the
 * total when several teams share the card.
 */
export function shownMeetings(
  meetings: readonly MeetingRow[],
  now: Date,
  rows = SHOWN_PAST + SHOWN_AHEAD,
): MeetingRow[] {
  const pastShown = Math.min(SHOWN_PAST, Math.floor(rows / 3));
  const past = meetings.filter((m) => m.ends_at <= now);
  const ahead = meetings.filter((m) => m.ends_at > now);
  return [...past.slice(Math.max(0, past.length - pastShown)), ...ahead.slice(0, rows - pastShown)];
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
  // A choice is short enough not to be cut off in the picker, and still names the day and the format.
  const severalTeams = views.length > 1;
  const rowsPerTeam = Math.min(SHOWN_PAST + SHOWN_AHEAD, Math.floor(MAX_ROWS / Math.max(1, views.length)));
  const editable = views
    .flatMap((v) =>
      v.year.meetings
        .filter(
          (m) =>
            statusOf(m) === 'scheduled' &&
            v.staffId !== null &&
            (v.role === 'coordinator' || m.organizer_staff_id === v.staffId),
        )
        .map((m) => ({
          title: [
            `${formatNumericDate(m.date, locale)} ${timeText(m, locale)}`,
            whatText(m, locale, showChild),
            ...(severalTeams ? [v.year.team.name] : []),
          ].join(' · '),
          value: m.id,
        })),
    )
    .slice(0, MAX_EDITABLE);
  return renderCard('meeting-year', {
    t,
    title: fill(t.yearTitle, { year: label }),
    emptyText: t.noTeams,
    editable,
    teams: views.map((v) => {
      const shown = shownMeetings(v.year.meetings, now, rowsPerTeam);
      return {
        id: v.year.team.id,
        name: `${v.year.team.name} – ${INSTITUTION_TYPE_LABELS[v.year.team.institution_type][locale]}`,
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
            date: formatNumericDate(m.date, locale),
            time: timeText(m, locale),
            what: whatText(m, locale, showChild),
            status: t.status[status],
            color: status === 'cancelled' ? 'Attention' : 'Default',
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
    req: requiredReasons(locale),
    title: fill(t.yearPlanTitle, { year: d.year.label }),
    teamLine: `${d.team.name} – ${INSTITUTION_TYPE_LABELS[d.team.institution_type][locale]}`,
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

/** To the coordinator (with the plan button) or the team's channel (without). */
export function frequencyWarningCard(ty: TeamYear, locale: Locale, withAction: boolean): CardJson {
  const t = MEETING_TEXTS[locale];
  const s = ty.status;
  return statusCard(t.warningTitle, {
    color: 'Attention',
    lines: [
      fill(t.warningIntro, {
        team: ty.team.name,
        institution: INSTITUTION_TYPE_LABELS[ty.team.institution_type][locale],
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
