import { openDeadlines, type MeasureDeadline } from '../app/deadlines';
import { teamYear, type TeamYear } from '../app/meetings/frequency';
import { localDateOf } from '../domain/calendar';
import { compliance } from '../domain/keyFigures';
import { addDays, isoWeekday, minDate, type LocalDate } from '../domain/localDate';
import { measureHistories } from '../reports/keyFigureData';
import { REPORTS } from '../reports';
import type { ReportScope, ReportTable } from '../reports/report';
import type { MeetingTeamRow } from '../store/teamsRepo';
import type { Viewer } from './viewer';
import { caseDisclosure } from '../app/disclosure';

/**
 * One table of the tab: a `samspil report` run for the viewer's scope and period. `args` is the
 * exact command line whose CSV the download equals, so the page can name it.
 */
export interface TableSpec {
  id: string;
  report: string;
  scope: ReportScope;
  args: string[];
}

export interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** The calendar year up to today in the municipality's time zone, as the `status` card counts. */
export function periodOf(viewer: Viewer, now: Date): Period {
  const to = localDateOf(now, viewer.municipality.settings.timeZone);
  return { from: `${to.slice(0, 4)}-01-01`, to };
}

const periodArgs = (p: Period) => ['--from', p.from, '--to', p.to];

/** The teams a viewer coordinates, by name (the CLI narrows by team name). */
async function coordinatedTeams(viewer: Viewer): Promise<MeetingTeamRow[]> {
  const teams = await Promise.all(viewer.coordinatedTeamIds.map((id) => viewer.tenant.teams.get(id)));
  return teams.filter((t): t is MeetingTeamRow => t !== null).sort((a, b) => a.name.localeCompare(b.name));
}

export interface Scopes {
  unit: { id: string; name: string } | null;
  teams: MeetingTeamRow[];
  /** The team of a channel tab, once the server has checked the viewer may see it. */
  channelTeam?: MeetingTeamRow;
}

export async function scopesOf(viewer: Viewer, channelTeam?: MeetingTeamRow): Promise<Scopes> {
  const unitId = viewer.isLeader ? viewer.staff.unit_id : null;
  const unitName = unitId ? await viewer.tenant.reports.unitName(unitId) : null;
  return {
    unit: unitId && unitName ? { id: unitId, name: unitName } : null,
    teams: await coordinatedTeams(viewer),
    channelTeam,
  };
}

/**
 * Every table this viewer may see, decided here on the server: a leader's unit figures (never
 * another unit's) and the municipality's meetings, a coordinator's own teams, a channel's one team.
 */
export function tableSpecs(viewer: Viewer, scopes: Scopes, period: Period): TableSpec[] {
  if (scopes.channelTeam) {
    const team = scopes.channelTeam;
    return [
      {
        id: 'team-meetings',
        report: 'meetings',
        scope: { teamIds: [team.id] },
        args: ['meetings', ...periodArgs(period), '--team', team.name],
      },
    ];
  }
  const specs: TableSpec[] = [];
  if (viewer.isLeader && scopes.unit) {
    const unit = { unitId: scopes.unit.id, unitName: scopes.unit.name };
    for (const report of ['compliance', 'overdue', 'caseload', 'ladder-movements']) {
      specs.push({
        id: report,
        report,
        scope: unit,
        args: [report, ...periodArgs(period), '--unit', scopes.unit.name],
      });
    }
  }
  if (viewer.isLeader) {
    specs.push({ id: 'meetings', report: 'meetings', scope: {}, args: ['meetings', ...periodArgs(period)] });
  }
  scopes.teams.forEach((team, i) => {
    for (const report of ['meetings', 'questionnaires']) {
      specs.push({
        id: `team-${i + 1}-${report}`,
        report,
        scope: { teamIds: [team.id] },
        args: [report, ...periodArgs(period), '--team', team.name],
      });
    }
  });
  return specs;
}

export async function runSpec(
  viewer: Viewer,
  spec: TableSpec,
  period: Period,
  now: Date,
): Promise<ReportTable> {
  return REPORTS[spec.report]!.run({
    tenant: viewer.tenant,
    municipality: viewer.municipality,
    ...period,
    now,
    scope: spec.scope,
    disclosure: caseDisclosure(viewer.staff, spec.scope),
  });
}

export interface Timeline {
  overdue: MeasureDeadline[];
  thisWeek: MeasureDeadline[];
  next30: MeasureDeadline[];
  later: number;
}

/** Deadlines by when they fall: overdue, this week (today to Sunday), then up to 30 days ahead. */
export function timelineOf(all: readonly MeasureDeadline[], today: LocalDate): Timeline {
  const sunday = addDays(today, 7 - isoWeekday(today));
  const horizon = addDays(today, 30);
  return {
    overdue: all.filter((d) => d.due < today),
    thisWeek: all.filter((d) => d.due >= today && d.due <= sunday),
    next30: all.filter((d) => d.due > sunday && d.due <= horizon),
    later: all.filter((d) => d.due > horizon).length,
  };
}

/** The adviser's own open deadlines, and no one else's. */
export async function adviserTimeline(viewer: Viewer, today: LocalDate): Promise<Timeline> {
  const all = await openDeadlines(viewer.tenant, viewer.municipality.policy, {
    adviserId: viewer.staff.id,
    today,
  });
  return timelineOf(all, today);
}

/**
 * The compliance of all measures for each month of the period so far, for the chart: the same
 * calculation the compliance report makes, over one read of the histories instead of twelve.
 */
export async function complianceByMonth(viewer: Viewer, spec: TableSpec, period: Period, now: Date) {
  const src = { tenant: viewer.tenant, municipality: viewer.municipality, now, scope: spec.scope };
  const histories = await measureHistories(src);
  const months = [];
  for (let m = 1; m <= Number(period.to.slice(5, 7)); m++) {
    const from = `${period.from.slice(0, 4)}-${String(m).padStart(2, '0')}-01`;
    const end = addDays(
      m === 12
        ? `${Number(from.slice(0, 4)) + 1}-01-01`
        : `${from.slice(0, 5)}${String(m + 1).padStart(2, '0')}-01`,
      -1,
    );
    const rows = compliance(
      histories,
      viewer.municipality.policy,
      { from, to: minDate(end, period.to) },
      localDateOf(now, viewer.municipality.settings.timeZone),
      caseDisclosure(viewer.staff, spec.scope),
    );
    months.push({ month: from, figures: rows.find((r) => r.category === 'all')!.figures });
  }
  return months;
}

/** A coordinator's (or channel's) teams' school year: held and planned against the minimum. */
export async function schoolYears(viewer: Viewer, teams: MeetingTeamRow[], now: Date): Promise<TeamYear[]> {
  return Promise.all(teams.map((t) => teamYear(viewer.tenant, viewer.municipality, t, now)));
}
