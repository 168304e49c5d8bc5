import { caseloadReport } from '../domain/caseload';
import { ReportDefinition } from './report';

/** Caseload per adviser against the model's target (seeds 002, 004: on average at most 25). */
export const caseload: ReportDefinition = {
  name: 'caseload',
  scopes: ['unit'],
  description: 'Open cases per adviser against the caseload target',
  async run({ tenant, municipality, scope }) {
    // Open cases today (what a leader plans staffing by), not on the period's last day.
    const rows = (await tenant.cases.caseload()).filter((r) => !scope?.unitName || r.unit === scope.unitName);
    const target = municipality.settings.caseloadTarget;
    const report = caseloadReport(
      rows.map((r) => ({
        adviserId: r.adviser_id,
        adviserName: r.adviser_name,
        unit: r.unit,
        openCases: r.open_cases,
      })),
      target,
    );
    return {
      title: `Sagstal pr. rådgiver (mål: højst ${target} i gennemsnit)`,
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
        advisers: report.advisers.length,
        average: report.average,
        target,
        average_over_target: report.averageOverTarget,
      },
    };
  },
};
