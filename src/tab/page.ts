import type { TeamYear } from '../app/meetings/frequency';
import type { Locale } from '../i18n/locale';
import { formatDate } from '../i18n/locale';
import { TAB_TEXTS } from '../i18n/tabTexts';
import { fill } from '../i18n/texts';
import type { ReportTable } from '../reports/report';
import { esc } from '../reports/yearlyStatus/charts';
import {
  adviserTimeline,
  complianceByMonth,
  periodOf,
  runSpec,
  schoolYears,
  tableSpecs,
  type Scopes,
  type TableSpec,
} from './overview';
import type { Viewer } from './viewer';
import {
  adviserHtml,
  caseloadChart,
  chartBox,
  complianceChart,
  ladderChart,
  meetingsChart,
  overdueChart,
  ratingsChart,
  schoolYearChart,
  section,
  tableHtml,
} from './views/overviewHtml';

/** The school year's held and planned meetings, headed by its dates, the minimum marked. */
function schoolYearBlock(years: TeamYear[], locale: Locale): string {
  const t = TAB_TEXTS[locale].coordinator;
  const y = years[0]!;
  const title = fill(t.schoolYear, {
    from: formatDate(y.year.start, locale),
    to: formatDate(y.year.end, locale),
  });
  const minima = [...new Set(years.map((x) => x.status.minimum))].join('/');
  return `<h3>${esc(title)}</h3><p class="lead">${esc(fill(t.minimum, { n: minima }))}.</p>${chartBox(schoolYearChart(years, locale))}`;
}

/**
 * The overview a viewer gets, as server-rendered HTML (the page shell puts it in place): what each
 * role sees is decided by tableSpecs and the adviser's own deadlines, never by the page.
 */
export async function overviewHtml(
  viewer: Viewer,
  scopes: Scopes,
  locale: Locale,
  now: Date,
  botId: string,
): Promise<string> {
  const t = TAB_TEXTS[locale];
  const period = periodOf(viewer, now);
  const specs = tableSpecs(viewer, scopes, period);
  const tables = new Map<string, { spec: TableSpec; table: ReportTable }>();
  for (const spec of specs) tables.set(spec.id, { spec, table: await runSpec(viewer, spec, period, now) });
  const get = (id: string) => tables.get(id)!;
  const block = (id: string, chart: string) =>
    chartBox(chart) + tableHtml(get(id).spec, get(id).table, locale);
  const parts: string[] = [
    `<p class="period">${esc(fill(t.period, { date: formatDate(period.to, locale) }))} · ${esc(viewer.staff.name)} · ${esc(viewer.municipality.name)}</p>`,
  ];

  if (scopes.channelTeam) {
    const team = scopes.channelTeam;
    const years = await schoolYears(viewer, [team], now);
    parts.push(
      section('team', fill(t.team.title, { team: team.name }), null, [
        schoolYearBlock(years, locale),
        block(
          'team-meetings',
          meetingsChart(
            'team-meetings',
            fill(t.coordinator.meetings, { team: team.name }),
            get('team-meetings').table,
          ),
        ),
      ]),
    );
    return parts.join('');
  }

  let shown = false;
  if (viewer.isAdviser) {
    shown = true;
    parts.push(adviserHtml(await adviserTimeline(viewer, period.to), period.to, locale, botId));
  }
  if (viewer.isLeader) {
    shown = true;
    const body: string[] = [];
    if (scopes.unit) {
      const months = await complianceByMonth(viewer, get('compliance').spec, period, now);
      body.push(
        `<h3>${esc(t.leader.compliance)}</h3><p class="lead">${esc(t.leader.complianceLead)}</p>`,
        block('compliance', complianceChart(months, locale)),
        `<h3>${esc(t.leader.overdue)}</h3>`,
        block('overdue', overdueChart(get('overdue').table, locale)),
        `<h3>${esc(t.leader.caseload)}</h3>`,
        block('caseload', caseloadChart(get('caseload').table, locale)),
        `<h3>${esc(t.leader.ladder)}</h3>`,
        block('ladder-movements', ladderChart(get('ladder-movements').table, locale)),
      );
    } else {
      body.push(`<p class="note">${esc(t.leader.noUnit)}</p>`);
    }
    body.push(
      `<h3>${esc(t.leader.meetings)}</h3><p class="lead">${esc(t.leader.meetingsLead)} ${esc(t.leader.expected)}.</p>`,
      block('meetings', meetingsChart('meetings', t.leader.meetings, get('meetings').table)),
    );
    parts.push(section('leader', fill(t.leader.title, { unit: scopes.unit?.name ?? '–' }), null, body));
  }
  if (scopes.teams.length > 0 || viewer.staff.roles.includes('coordinator')) {
    shown = true;
    const body: string[] = [];
    if (scopes.teams.length === 0) body.push(`<p class="note">${esc(t.coordinator.noTeams)}</p>`);
    else body.push(schoolYearBlock(await schoolYears(viewer, scopes.teams, now), locale));
    scopes.teams.forEach((team, i) => {
      const meetings = `team-${i + 1}-meetings`;
      const ratings = `team-${i + 1}-questionnaires`;
      body.push(
        `<h3>${esc(fill(t.coordinator.meetings, { team: team.name }))}</h3>`,
        block(
          meetings,
          meetingsChart(meetings, fill(t.coordinator.meetings, { team: team.name }), get(meetings).table),
        ),
        `<h3>${esc(fill(t.coordinator.ratings, { team: team.name }))}</h3>`,
        block(
          ratings,
          ratingsChart(ratings, fill(t.coordinator.ratings, { team: team.name }), get(ratings).table, locale),
        ),
      );
    });
    parts.push(section('coordinator', t.coordinator.title, null, body));
  }
  if (!shown) parts.push(`<p class="note">${esc(t.nothing)}</p>`);
  return parts.join('');
}
