import { Command } from '../command';
import { parseCommandArgs } from '../args';
import { UsageError } from '../context';
import { resolveMunicipalityId, withStore } from '../storeAccess';
import { loadMunicipality } from '../../app/municipalityContext';
import { REPORTS } from '../../reports';
import { formatReport, ReportFormat } from '../../reports/format';
import { parseImportDate } from '../../import/fields';
import { localDateOf } from '../../domain/calendar';

const FORMATS: ReportFormat[] = ['table', 'csv', 'json'];

export const report: Command = {
  usage: 'report NAME [--from D] [--to D] [--format table|csv|json]',
  summary: `print a report (${Object.keys(REPORTS).join(', ')})`,
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string', default: 'table' },
      municipality: { type: 'string' },
    });
    const name = positionals[0];
    const def = name ? REPORTS[name] : undefined;
    if (!def) throw new UsageError(`Name a report: ${Object.keys(REPORTS).join(', ')}.`);
    const format = values.format as ReportFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}.`);
    const dateOption = (v: string | undefined, flag: string) => {
      if (v === undefined) return undefined;
      const d = parseImportDate(v);
      if (!d) throw new UsageError(`${flag} "${v}" is not a date (YYYY-MM-DD).`);
      return d;
    };
    const from = dateOption(values.from, '--from');
    const to = dateOption(values.to, '--to');
    return withStore(ctx, 'report', async (store) => {
      const municipalityId = await resolveMunicipalityId(store, ctx, values.municipality);
      const municipality = await loadMunicipality(store, municipalityId);
      const today = localDateOf(ctx.clock.now(), municipality.settings.timeZone);
      const table = await def.run({
        tenant: store.tenant({ municipalityId, actor: 'cli:report' }),
        municipality,
        from: from ?? `${today.slice(0, 4)}-01-01`,
        to: to ?? today,
      });
      ctx.out(formatReport(table, format));
      return 0;
    });
  },
};
