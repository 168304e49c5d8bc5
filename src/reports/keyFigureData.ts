import type { LocalDate } from '../domain/localDate';
import { addDays } from '../domain/localDate';
import { localDateOf } from '../domain/calendar';
import {
  compliance,
  earlyHelpFollowedByInvestigation,
  followUpIntervals,
  followUpsPerHalfYear,
  ladderMovements,
  meetingCountsAsHeld,
  meetingsAgainstMinimum,
  ratingResultsByGroup,
  type Disclosure,
  type EarlyHelpWindow,
  type MeasureHistory,
  type Period,
} from '../domain/keyFigures';
import type { ReportInput } from './report';

/**
 * Loads what the key figures need from the store and hands it to the pure calculations in
 * src/domain/keyFigures. Shared by the CLI reports, the yearly status and the Teams `status` card.
 */
type Source = Pick<ReportInput, 'tenant' | 'municipality' | 'scope' | 'now' | 'disclosure'>;

export async function measureHistories(src: Source): Promise<MeasureHistory[]> {
  const rows = await src.tenant.reports.measureHistories({ unitId: src.scope?.unitId });
  return rows.map((r) => ({
    caseId: r.case_id,
    measureType: r.measure_type,
    start: r.start,
    end: r.end,
    held: r.held,
    cadence: r.cadence,
    investigationEnd: r.investigation_end,
  }));
}

/** Every follow-up figure of one period, from one read of the histories. */
export async function followUpFigures(src: Source, period: Period) {
  const histories = await measureHistories(src);
  return {
    intervals: followUpIntervals(histories, period, src.disclosure),
    perHalfYear: followUpsPerHalfYear(histories, period, src.disclosure),
    compliance: compliance(
      histories,
      src.municipality.policy,
      period,
      localDateOf(src.now, src.municipality.settings.timeZone),
      src.disclosure,
    ),
    histories,
  };
}

/** Each child's step on the cut-off dates from − 1 day and to (the inclusive period [from, to]). */
export async function ladderFigures(src: Source, period: Period) {
  const rows = await src.tenant.reports.ladderSteps(period.to, { unitId: src.scope?.unitId });
  return ladderMovements(
    rows.map((r) => ({ caseId: r.case_id, from: r.from_date, step: r.step })),
    addDays(period.from, -1),
    period.to,
    src.disclosure,
  );
}

export function earlyHelpFigures(
  histories: readonly MeasureHistory[],
  window: EarlyHelpWindow,
  disclosure?: Disclosure,
) {
  return earlyHelpFollowedByInvestigation(histories, window, disclosure);
}

/** A custom window: courses started in the period, followed until its last day. */
export function periodWindow(p: Period): EarlyHelpWindow {
  return { coursesFrom: p.from, coursesTo: p.to, followedUntil: p.to };
}

export async function caseloadRows(src: Source, on: LocalDate) {
  const rows = await src.tenant.reports.caseloadOn(on, { unitId: src.scope?.unitId });
  return rows.map((r) => ({
    adviserId: r.adviser_id,
    adviserName: r.adviser_name,
    unit: r.unit,
    openCases: r.open_cases,
  }));
}

export async function meetingFigures(src: Source, period: Period) {
  const scope = { teamIds: src.scope?.teamIds };
  const teams = await src.tenant.reports.teams(scope);
  const meetings = (await src.tenant.reports.meetings(period.from, period.to, scope)).filter((m) =>
    meetingCountsAsHeld(m.status, m.ends_at, src.now),
  );
  return meetingsAgainstMinimum(
    teams.map((t) => {
      const mine = meetings.filter((m) => m.team_id === t.id);
      return {
        teamId: t.id,
        teamName: t.name,
        institutionType: t.institution_type,
        held: mine.length,
        heldTheme: mine.filter((m) => m.format === 'theme').length,
        heldChild: mine.filter((m) => m.format === 'child').length,
      };
    }),
    period,
  );
}

export async function questionnaireFigures(src: Source, period: Period) {
  const scope = { teamIds: src.scope?.teamIds };
  const teams = await src.tenant.reports.teams(scope);
  const answers = await src.tenant.reports.answers(period.from, period.to, scope);
  return ratingResultsByGroup(
    answers.map((a) => ({ groupId: a.team_id, profession: a.profession, rating: a.rating })),
    teams.map((t) => ({ id: t.id, name: t.name })),
  );
}
