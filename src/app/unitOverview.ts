/** A leader's `overblik`: the open deadlines of the advisers the leader leads, per adviser. */
import type { LocalDate } from '../domain/localDate';
import { addDays } from '../domain/localDate';
import type { TenantStore } from '../store/store';
import type { StaffRow } from '../store/types';
import { openDeadlines, type MeasureDeadline } from './deadlines';
import type { MunicipalityContext } from './municipalityContext';

export interface AdviserDeadlines {
  adviserId: string;
  adviserName: string;
  overdue: MeasureDeadline[];
  /** Due from today up to 30 days ahead. */
  coming: MeasureDeadline[];
}

const AHEAD_DAYS = 30;

/** Null for someone who leads no one: the overview is a leader's. */
export async function unitOverview(
  t: TenantStore,
  m: MunicipalityContext,
  leader: StaffRow,
  today: LocalDate,
): Promise<AdviserDeadlines[] | null> {
  if (!leader.roles.includes('leader')) return null;
  const advisers = (await t.staff.list()).filter((s) => s.leader_id === leader.id && s.active);
  const all = (await openDeadlines(t, m.policy, { today })).filter((d) => d.leaderId === leader.id);
  const horizon = addDays(today, AHEAD_DAYS);
  return advisers
    .map((a) => {
      const mine = all.filter((d) => d.adviserId === a.id);
      return {
        adviserId: a.id,
        adviserName: a.name,
        overdue: mine.filter((d) => d.due < today),
        coming: mine.filter((d) => d.due >= today && d.due <= horizon),
      };
    })
    .sort((a, b) => b.overdue.length - a.overdue.length || a.adviserName.localeCompare(b.adviserName));
}
