import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { UsageError } from '../context';
import { resolveMunicipalityId, withStore } from '../storeAccess';
import { loadMunicipality } from '../../app/municipalityContext';
import { REPORTS } from '../../reports';
import { AUDIENCES, audienceDisclosure, type Audience } from '../../app/disclosure';
import { formatReport, ReportFormat } from '../../reports/format';
import type { ReportScope } from '../../reports/report';
import { YEARLY_STATUS, yearlyStatusDocument } from '../../reports/yearlyStatus';
import { parseImportDate } from '../../import/fields';
import { localDateOf } from '../../domain/calendar';
import type { TenantStore } from '../../store/store';

const FORMATS: ReportFormat[] = ['table', 'csv', 'json'];
const NAMES = [...Object.keys(REPORTS), YEARLY_STATUS];

function parseYear(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v) || Number(v) < 2000 || Number(v) > 2100) {
    throw new UsageError(`--year "${v}" is not a year (e.g. 2026).`);
  }
  return Number(v);
}

async function scopeFrom(tenant: TenantStore, unit?: string, team?: string): Promise<ReportScope> {
  const scope: ReportScope = {};
  if (unit !== undefined) {
    const found = await tenant.reports.unitByName(unit);
    if (!found) throw new UsageError(`No unit "${unit}" in this municipality.`);
    scope.unitId = found.id;
    scope.unitName = found.name;
  }
  if (team !== undefined) {
    const found = await tenant.reports.teamByName(team);
    if (!found) throw new UsageError(`No team "${team}" in this municipality.`);
    scope.teamIds = [found.id];
  }
  return scope;
}

export const report: Command = {
  usage:
    'report NAME [--from D] [--to D | --year Y] [--unit NAME] [--team NAME] [--format table|csv|json] [--audience internal|public]; report early-help --cutoff D; report audit [--case REF] [--actor EMAIL]; report yearly-status --year Y [--unit NAME] [--audience internal|public]',
  summary: `print a report (${NAMES.join(', ')})`,
  details: [
    'Reports:',
    ...Object.values(REPORTS).map((r) => `  ${r.name.padEnd(26)} ${r.description}`),
    `  ${YEARLY_STATUS.padEnd(26)} The calendar year's key figures as an HTML document`,
    '',
    'Options:',
    '  --from D, --to D           the period (YYYY-MM-DD, both days included); --to alone: the year up to D',
    '  --year Y                   the calendar year Y',
    '  --unit NAME, --team NAME   narrow case figures to a unit, meeting figures to a team',
    '  --format table|csv|json    table for reading, csv and json for machines (stable columns and keys)',
    '  --audience internal|public internal (default): exact case counts, for the administrator;',
    '                             public: groups of fewer than 5 children hidden, for publishing.',
    '                             Questionnaire answers are hidden below 5 for every audience.',
    '  --municipality ID          the municipality, when there are several',
  ].join('\n'),
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      from: { type: 'string' },
      to: { type: 'string' },
      year: { type: 'string' },
      cutoff: { type: 'string' },
      unit: { type: 'string' },
      team: { type: 'string' },
      case: { type: 'string' },
      actor: { type: 'string' },
      format: { type: 'string' },
      audience: { type: 'string' },
      municipality: { type: 'string' },
    });
    const audience = (values.audience ?? 'internal') as Audience;
    if (!AUDIENCES.includes(audience))
      throw new UsageError(`--audience must be one of ${AUDIENCES.join(', ')}.`);
    const disclosure = audienceDisclosure(audience);
    const name = positionals[0];
    const yearly = name === YEARLY_STATUS;
    const def = name ? REPORTS[name] : undefined;
    if (!def && !yearly) throw new UsageError(`Name a report: ${NAMES.join(', ')}.`);
    const year = parseYear(values.year);
    if (yearly) {
      if (year === undefined) throw new UsageError('yearly-status needs --year Y (e.g. --year 2026).');
      if (values.format !== undefined && values.format !== 'html') {
        throw new UsageError('yearly-status is an HTML document; redirect it to a file: > status.html');
      }
      if (values.from !== undefined || values.to !== undefined || values.team !== undefined) {
        throw new UsageError(
          'yearly-status covers a calendar year: use --year (and --unit), not --from/--to/--team.',
        );
      }
    }
    for (const [option, kind] of [
      [values.unit, 'unit'],
      [values.team, 'team'],
      [values.case, 'case'],
      [values.actor, 'actor'],
    ] as const) {
      if (option !== undefined && def && !def.scopes?.includes(kind)) {
        throw new UsageError(`The ${name} report cannot be narrowed with --${kind}.`);
      }
    }
    const format = (values.format ?? 'table') as ReportFormat;
    if (!yearly && !FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
    if (year !== undefined && (values.from !== undefined || values.to !== undefined)) {
      throw new UsageError('Give either --year or --from/--to, not both.');
    }
    const dateOption = (v: string | undefined, flag: string) => {
      if (v === undefined) return undefined;
      const d = parseImportDate(v);
      if (!d) throw new UsageError(`${flag} "${v}" is not a date (YYYY-MM-DD).`);
      return d;
    };
    const cutoff = dateOption(values.cutoff, '--cutoff');
    if (cutoff !== undefined) {
      if (!def?.options?.includes('cutoff'))
        throw new UsageError(`The ${name} report takes no --cutoff (early-help does).`);
      if (year !== undefined || values.from !== undefined || values.to !== undefined)
        throw new UsageError('Give either --cutoff or --from/--to/--year, not both.');
    }
    const from = year !== undefined ? `${year}-01-01` : (cutoff ?? dateOption(values.from, '--from'));
    const to = year !== undefined ? `${year}-12-31` : (cutoff ?? dateOption(values.to, '--to'));
    return withStore(ctx, 'report', async (store) => {
      const municipalityId = await resolveMunicipalityId(store, ctx, values.municipality);
      const municipality = await loadMunicipality(store, municipalityId);
      const tenant = store.tenant({ municipalityId, actor: 'cli:report' });
      const now = ctx.clock.now();
      const scope = {
        ...(await scopeFrom(tenant, values.unit, values.team)),
        caseRef: values.case ?? null,
        actor: values.actor?.toLowerCase() ?? null,
      };
      if (yearly) {
        ctx.out(await yearlyStatusDocument({ tenant, municipality, year: year!, now, scope, disclosure }));
        return 0;
      }
      const today = localDateOf(now, municipality.settings.timeZone);
      // --to alone is the year up to that day (so `caseload --to D` needs no --from).
      const end = to ?? today;
      const period = { from: from ?? `${end.slice(0, 4)}-01-01`, to: end };
      if (period.from > period.to) throw new UsageError(`--from ${period.from} is after --to ${period.to}.`);
      const table = await def!.run({ tenant, municipality, ...period, now, scope, cutoff, disclosure });
      ctx.out(formatReport(table, format));
      return 0;
    });
  },
};
