import { caseloadReport } from '../domain/caseload';
import { dateText } from './cells';
import { caseloadRows } from './keyFigureData';
import { ReportDefinition } from './report';

/**
 * Caseload per adviser against the model's target (seeds 002, 004: on average at most 25), counted
 * on the period's last day (`--to`, default today): the cases opened by then and not closed by then.
 * Seed 002 §3.1 gives Vesthimmerland's average as 23,5 "pr. 10. april 2019".
 */
export const caseload: ReportDefinition = {
  name: 'caseload',
  scopes: ['unit'],
  description: 'Cases open per adviser on a date (--to, default today) against the caseload target',
  async run(input) {
    const target = input.municipality.settings.caseloadTarget;
    const report = caseloadReport(await caseloadRows(input, input.to), target);
    return {
      title: `Sagstal pr. rådgiver pr. ${dateText(input.to)} (mål: højst ${target} i gennemsnit)`,
      columns: [
        { key: 'adviser', label: 'Rådgiver' },
        { key: 'unit', label: 'Enhed' },
        { key: 'open_cases', label: 'Åbne sager' },
        { key: 'over_target', label: 'Over mål' },
      ],
      rows: report.advisers.map((a) => ({
        adviser: a.adviserName,
        unit: a.unit ?? null,
        open_cases: a.openCases,
        over_target: a.overTarget,
      })),
      summary: {
        on: input.to,
        advisers: report.advisers.length,
        average: report.average,
        target,
        average_over_target: report.averageOverTarget,
      },
    };
  },
};
