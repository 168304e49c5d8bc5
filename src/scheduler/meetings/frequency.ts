import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { teamYear, type TeamYear } from '../../app/meetings/frequency';
import { cardActivity } from '../../cards/render';
import { addWorkingDays, isWorkingDay } from '../../domain/calendar';
import { parseLocalDate, type LocalDate } from '../../domain/localDate';
import { needsFrequencyWarning } from '../../domain/meetings/frequency';
import { fill } from '../../i18n/texts';
import { MEETING_TEXTS } from '../../i18n/meetingTexts';
import { frequencyWarningCard, overviewCard } from '../../views/teamYearCards';
import { PassPlanner } from '../passKit';
import { outboxKeys } from '../../outbox/keys';
import type { PlanningPass } from '../passes';
import { localeOf, staffById } from './common';

function isoWeekOf(date: LocalDate): string {
  const d = parseLocalDate(date);
  const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
}

async function allTeamYears(plan: PassPlanner): Promise<TeamYear[]> {
  const out: TeamYear[] = [];
  for (const team of await plan.t.teams.list()) out.push(await teamYear(plan.t, plan.m, team, plan.now));
  return out;
}

/**
 * A coordinator whose team's plan falls short of the minimum, or who is behind pace, is warned at
 * most once an ISO week (and the team's channel with them, when one is linked).
 */
export const planFrequencyWarnings: PlanningPass = async (store, m, now) => {
  const plan = PassPlanner.for(store, m, now);
  const people = staffById(plan);
  if (!isWorkingDay(plan.today)) return plan.result;
  const week = isoWeekOf(plan.today);
  for (const ty of await allTeamYears(plan)) {
    if (!needsFrequencyWarning(ty.status)) continue;
    const coordinators = (await plan.t.teams.members(ty.team.id)).filter((x) => x.is_coordinator && x.active);
    for (const coordinator of coordinators) {
      const staff = (await people()).get(coordinator.staff_id);
      const notBefore = plan.openWindow(staff ?? null);
      if (!notBefore) continue;
      const locale = localeOf(staff);
      const card = frequencyWarningCard(ty, locale, true);
      await plan.enqueue(
        outboxKeys.meetingFrequency(ty.team.id, coordinator.staff_id, week),
        'meeting.frequency',
        { staffId: coordinator.staff_id },
        { activity: cardActivity(card, MEETING_TEXTS[locale].warningTitle) },
        notBefore,
      );
    }
    const channel = await plan.t.teams.channel(ty.team.id);
    const notBefore = plan.openWindow(null);
    if (channel && notBefore) {
      await plan.enqueue(
        outboxKeys.meetingFrequency(ty.team.id, 'channel', week),
        'meeting.frequency',
        { conversationId: channel },
        { activity: cardActivity(frequencyWarningCard(ty, 'da', false), MEETING_TEXTS.da.warningTitle) },
        notBefore,
      );
    }
  }
  return plan.result;
};

/** Every leader gets all teams' standing on the first working day of each month. */
export const planLeaderOverview: PlanningPass = async (store, m, now) => {
  const plan = PassPlanner.for(store, m, now);
  const month = plan.today.slice(0, 7);
  if (plan.today !== addWorkingDays(`${month}-01`, 0)) return plan.result;
  const leaders = [...(await staffById(plan)()).values()].filter(
    (s) => s.active && s.roles.includes('leader'),
  );
  if (leaders.length === 0) return plan.result;
  const years = await allTeamYears(plan);
  if (years.length === 0) return plan.result;
  for (const leader of leaders) {
    const notBefore = plan.openWindow(leader);
    if (!notBefore) continue;
    const locale = localeOf(leader);
    const card = overviewCard(years, locale);
    await plan.enqueue(
      outboxKeys.meetingsOverview(leader.id, month),
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
  return plan.result;
};
