/**
 * Planning passes of the team meetings (issue 4): invitations, updates and cancellations with their
 * .ics, the day-before reminder, frequency warnings and the leader's monthly overview. Each computes
 * what is due at `now` and enqueues it under a unique key, so a second run plans nothing twice.
 */
import { createHash } from 'node:crypto';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import type { MunicipalityContext } from '../app/municipalityContext';
import { meetingIcs, type Person } from '../app/meetings/calendar';
import { teamYear, type TeamYear } from '../app/meetings/frequency';
import {
  addWorkingDays,
  isWorkingDay,
  localDateOf,
  localTimeOf,
  nextWorkingDay,
  zonedInstant,
} from '../domain/calendar';
import { addDays, parseLocalDate, type LocalDate } from '../domain/localDate';
import { needsFrequencyWarning } from '../domain/meetings/frequency';
import { cardActivity } from '../cards/render';
import { fill } from '../i18n/texts';
import { MEETING_TEXTS } from '../i18n/meetingTexts';
import { formatDate, localeFrom, type Locale } from '../i18n/locale';
import type { MeetingRow, MeetingTeamRow } from '../store/meetingsRepo';
import type { Store, TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import {
  activityWithIcs,
  channelSummaryCard,
  frequencyWarningCard,
  invitationCard,
  overviewCard,
  type ChannelChange,
} from '../teams/views/meetingCards';
import type { PassResult, PlanningPass } from './passes';
import { createLogger, type Logger } from '../log';

let logger: Logger | null = null;
const log = (): Logger => (logger ??= createLogger());

interface PassContext {
  m: MunicipalityContext;
  t: TenantStore;
  now: Date;
  today: LocalDate;
  staff: Map<string, StaffRow>;
  result: PassResult;
}

async function context(store: Store, m: MunicipalityContext, now: Date): Promise<PassContext> {
  const t = store.tenant({ municipalityId: m.id, actor: 'scheduler' });
  return {
    m,
    t,
    now,
    today: localDateOf(now, m.settings.timeZone),
    staff: new Map((await t.staff.list()).map((s) => [s.id, s])),
    result: { planned: 0, alreadyPlanned: 0 },
  };
}

async function enqueue(
  c: PassContext,
  key: string,
  kind: string,
  to: { staffId: string } | { conversationId: string },
  payload: { activity: Record<string, unknown>; replaceActivityId?: string },
  notBefore: Date,
): Promise<void> {
  const fresh = await c.t.outbox.enqueue({
    dedupeKey: key,
    kind,
    recipientStaffId: 'staffId' in to ? to.staffId : null,
    conversationId: 'conversationId' in to ? to.conversationId : null,
    payload,
    notBefore,
  });
  if (fresh) c.result.planned++;
  else c.result.alreadyPlanned++;
}

const localeOf = (s: StaffRow | undefined): Locale => localeFrom(null, s?.locale);

/**
 * Today's send window for a recipient (their hours, else the municipality's), or null once it has
 * closed: a message planned after hours would go out tomorrow, which for a reminder is too late.
 */
function openWindow(c: PassContext, s: StaffRow | null): Date | null {
  const tz = c.m.settings.timeZone;
  const hours = {
    start: s?.working_start ?? c.m.settings.workingHours.start,
    end: s?.working_end ?? c.m.settings.workingHours.end,
  };
  if (!isWorkingDay(c.today) || localTimeOf(c.now, tz) >= hours.end) return null;
  const start = zonedInstant(c.today, hours.start, tz);
  return start > c.now ? start : c.now;
}

function organizerOf(c: PassContext, meeting: MeetingRow, coordinators: readonly string[]): Person {
  const s = c.staff.get(meeting.organizer_staff_id ?? '') ?? c.staff.get(coordinators[0] ?? '');
  return s ? { name: s.name, email: s.email } : { name: 'Samspil', email: `samspil@${c.m.id}.invalid` };
}

function channelChange(meeting: MeetingRow): ChannelChange {
  if (meeting.status === 'cancelled') return 'cancelled';
  return meeting.notified_sequence === null ? 'new' : 'moved';
}

/**
 * Invitations for every meeting whose participants have not been told about its current version —
 * however it was made (a card, a year plan, the next meeting from SoS minutes). A change replaces
 * the earlier card in place and sends a new one with an updated .ics (same UID, higher SEQUENCE);
 * a cancellation sends a cancelling .ics. The team's linked channel gets one summary per tick.
 */
export const planMeetingInvitations: PlanningPass = async (store, m, now) => {
  const c = await context(store, m, now);
  const teams = new Map((await c.t.meetings.teams()).map((x) => [x.id, x]));
  const byTeam = new Map<string, { meeting: MeetingRow; change: ChannelChange }[]>();
  for (const meeting of await c.t.meetings.unnotified(c.today)) {
    const team = teams.get(meeting.team_id);
    // Nothing to tell about a meeting that is over, or one cancelled before anyone was invited.
    const silent =
      !team ||
      meeting.ends_at <= now ||
      (meeting.status === 'cancelled' && meeting.notified_sequence === null);
    if (!silent && meeting.status !== 'held') {
      try {
        await inviteParticipants(c, meeting, team);
      } catch (err) {
        // One bad meeting (say, an unusable e-mail in its .ics) must not stop the others, nor the
        // passes of other municipalities; it stays unannounced and is tried again next tick.
        log().error({ err, meetingId: meeting.id }, 'meeting invitations not planned');
        continue;
      }
      const list = byTeam.get(team.id) ?? [];
      list.push({ meeting, change: channelChange(meeting) });
      byTeam.set(team.id, list);
    }
    await c.t.meetings.markNotified(meeting.id, meeting.sequence);
  }
  for (const [teamId, changes] of byTeam) {
    const channel = await c.t.meetings.teamChannel(teamId);
    if (!channel) continue;
    const digest = createHash('sha256')
      .update(changes.map((x) => `${x.meeting.id}:${x.meeting.sequence}`).join(','))
      .digest('hex')
      .slice(0, 24);
    const card = channelSummaryCard(teams.get(teamId)!.name, changes, 'da');
    await enqueue(
      c,
      `meeting-channel:${teamId}:${digest}`,
      'meeting.channel',
      { conversationId: channel },
      {
        activity: cardActivity(card, fill(MEETING_TEXTS.da.channelTitle, { team: teams.get(teamId)!.name })),
      },
      now,
    );
  }
  return c.result;
};

async function inviteParticipants(c: PassContext, meeting: MeetingRow, team: MeetingTeamRow): Promise<void> {
  const participants = await c.t.meetings.participants(meeting.id);
  const coordinators = (await c.t.meetings.members(team.id))
    .filter((x) => x.is_coordinator)
    .map((x) => x.staff_id);
  const organizer = organizerOf(c, meeting, coordinators);
  const organizerName = c.staff.get(meeting.organizer_staff_id ?? '')?.name ?? null;
  const cancelled = meeting.status === 'cancelled';
  const changed = meeting.notified_sequence !== null;
  // An older version not sent yet is superseded: only the newest may reach the participant.
  await c.t.outbox.cancelPending(`meeting-invite:${meeting.id}:`);
  for (const p of participants) {
    const staff = c.staff.get(p.staff_id);
    if (!staff?.active) continue;
    const locale = localeOf(staff);
    const t = MEETING_TEXTS[locale];
    const base = `meeting-invite:${meeting.id}:${p.staff_id}:${cancelled ? 'cancel:' : ''}${meeting.sequence}`;
    const earlier = changed ? await c.t.meetings.lastInvitationActivity(meeting.id, p.staff_id) : null;
    if (earlier) {
      const old = invitationCard({
        meeting,
        team,
        participants,
        organizerName,
        locale,
        variant: cancelled ? 'cancelled' : 'replaced',
      });
      await enqueue(
        c,
        `${base}:replace`,
        'meeting.replace',
        { staffId: p.staff_id },
        { activity: cardActivity(old), replaceActivityId: earlier },
        c.now,
      );
    }
    // A cancellation only needs its own message when no earlier card was there to mark it.
    const variant = cancelled ? 'cancelled' : changed ? 'updated' : 'invitation';
    const card = invitationCard({ meeting, team, participants, organizerName, locale, variant });
    const ics = meetingIcs(meeting, team, participants, organizer, c.now, locale);
    const title = t[cancelled ? 'cancelledTitle' : changed ? 'updatedTitle' : 'invitationTitle'];
    await enqueue(
      c,
      base,
      cancelled ? 'meeting.cancellation' : changed ? 'meeting.update' : 'meeting.invitation',
      { staffId: p.staff_id },
      {
        activity: activityWithIcs(card, title, {
          text: ics,
          date: meeting.date,
          method: cancelled ? 'cancel' : 'request',
        }),
      },
      c.now,
    );
  }
}

/** The working day before a meeting (not a weekend or holiday), inside the participant's hours. */
export const planMeetingReminders: PlanningPass = async (store, m, now) => {
  const c = await context(store, m, now);
  if (!isWorkingDay(c.today)) return c.result;
  // Meetings whose previous working day is today: after today, up to the next working day.
  const meetings = await c.t.meetings.scheduledBetween(addDays(c.today, 1), nextWorkingDay(c.today));
  const teams = new Map((await c.t.meetings.teams()).map((x) => [x.id, x]));
  for (const meeting of meetings) {
    const team = teams.get(meeting.team_id);
    if (!team) continue;
    const participants = await c.t.meetings.participants(meeting.id);
    const organizerName = c.staff.get(meeting.organizer_staff_id ?? '')?.name ?? null;
    for (const p of participants) {
      const staff = c.staff.get(p.staff_id);
      if (!staff?.active || p.rsvp === 'no') continue;
      const notBefore = openWindow(c, staff);
      if (!notBefore) continue;
      const locale = localeOf(staff);
      const card = invitationCard({
        meeting,
        team,
        participants,
        organizerName,
        locale,
        variant: 'reminder',
        answer: p.rsvp,
      });
      const title = fill(MEETING_TEXTS[locale].reminderTitle, { date: formatDate(meeting.date, locale) });
      await enqueue(
        c,
        `meeting-reminder:${meeting.id}:${p.staff_id}:${meeting.date}`,
        'meeting.reminder',
        { staffId: p.staff_id },
        { activity: cardActivity(card, title) },
        notBefore,
      );
    }
  }
  return c.result;
};

function isoWeekOf(date: LocalDate): string {
  const d = parseLocalDate(date);
  const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
}

async function allTeamYears(c: PassContext): Promise<TeamYear[]> {
  const out: TeamYear[] = [];
  for (const team of await c.t.meetings.teams()) out.push(await teamYear(c.t, c.m, team, c.now));
  return out;
}

/**
 * A coordinator whose team's plan falls short of the minimum, or who is behind pace, is warned at
 * most once an ISO week (and the team's channel with them, when one is linked).
 */
export const planFrequencyWarnings: PlanningPass = async (store, m, now) => {
  const c = await context(store, m, now);
  if (!isWorkingDay(c.today)) return c.result;
  const week = isoWeekOf(c.today);
  for (const ty of await allTeamYears(c)) {
    if (!needsFrequencyWarning(ty.status)) continue;
    const coordinators = (await c.t.meetings.members(ty.team.id)).filter((x) => x.is_coordinator && x.active);
    for (const coordinator of coordinators) {
      const staff = c.staff.get(coordinator.staff_id);
      const notBefore = openWindow(c, staff ?? null);
      if (!notBefore) continue;
      const locale = localeOf(staff);
      const card = frequencyWarningCard(ty, locale, true);
      await enqueue(
        c,
        `meeting-frequency:${ty.team.id}:${coordinator.staff_id}:${week}`,
        'meeting.frequency',
        { staffId: coordinator.staff_id },
        { activity: cardActivity(card, MEETING_TEXTS[locale].warningTitle) },
        notBefore,
      );
    }
    const channel = await c.t.meetings.teamChannel(ty.team.id);
    const notBefore = openWindow(c, null);
    if (channel && notBefore) {
      await enqueue(
        c,
        `meeting-frequency:${ty.team.id}:channel:${week}`,
        'meeting.frequency',
        { conversationId: channel },
        { activity: cardActivity(frequencyWarningCard(ty, 'da', false), MEETING_TEXTS.da.warningTitle) },
        notBefore,
      );
    }
  }
  return c.result;
};

/** Every leader gets all teams' standing on the first working day of each month. */
export const planLeaderOverview: PlanningPass = async (store, m, now) => {
  const c = await context(store, m, now);
  const month = c.today.slice(0, 7);
  if (c.today !== addWorkingDays(`${month}-01`, 0)) return c.result;
  const leaders = [...c.staff.values()].filter((s) => s.active && s.roles.includes('leader'));
  if (leaders.length === 0) return c.result;
  const years = await allTeamYears(c);
  if (years.length === 0) return c.result;
  for (const leader of leaders) {
    const notBefore = openWindow(c, leader);
    if (!notBefore) continue;
    const locale = localeOf(leader);
    const card = overviewCard(years, locale);
    await enqueue(
      c,
      `meetings-overview:${leader.id}:${month}`,
      'meeting.overview',
      { staffId: leader.id },
      {
        activity: cardActivity(
          card,
          fill(MEETING_TEXTS[locale].overviewTitle, { year: years[0]!.year.label }),
        ),
      },
      notBefore,
    );
  }
  return c.result;
};

export const MEETING_PASSES: PlanningPass[] = [
  planMeetingInvitations,
  planMeetingReminders,
  planFrequencyWarnings,
  planLeaderOverview,
];
