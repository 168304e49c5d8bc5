import { openDeadlines } from '../app/deadlines';
import { localDateOf } from '../domain/calendar';
import type { ReportDefinition } from './report';

/**
 * Overdue deadlines per adviser today (follow-ups, § 20 investigations, ending § 30 courses): what a
 * leader follows up on. Counted on the day the report is made, like the caseload; every adviser of
 * the scope is listed, also with none overdue.
 */
export const overdueReport: ReportDefinition = {
  name: 'overdue',
  scopes: ['unit'],
  description: 'Overdue follow-ups and deadlines per adviser today',
  async run({ tenant, municipality, now, scope }) {
    const today = localDateOf(now, municipality.settings.timeZone);
    const advisers = (await tenant.staff.withRole('adviser')).filter(
      (s) => s.active && (!scope?.unitId || s.unit_id === scope.unitId),
    );
    const overdue = (await openDeadlines(tenant, municipality.policy, { today })).filter(
      (d) => d.due < today,
    );
    const rows = advisers.map((a) => {
      const mine = overdue.filter((d) => d.adviserId === a.id);
      return {
        adviser: a.name,
        unit: a.unit_name ?? null,
        followups: mine.filter((d) => d.kind === 'followup').length,
        investigations: mine.filter((d) => d.kind === 'investigation').length,
        courses: mine.filter((d) => d.kind === 'early_help_end').length,
        oldest: mine.length ? mine.map((d) => d.due).sort()[0]! : null,
      };
    });
    return {
      title: `Overskredne frister pr. rådgiver ${today.slice(8, 10)}.${today.slice(5, 7)}.${today.slice(0, 4)}`,
      columns: [
        { key: 'adviser', label: 'Rådgiver' },
        { key: 'unit', label: 'Enhed' },
        { key: 'followups', label: 'Overskredne opfølgninger' },
        { key: 'investigations', label: 'Overskredne undersøgelser (§ 20)' },
        { key: 'courses', label: 'Udløbne § 30-forløb' },
        { key: 'oldest', label: 'Ældste frist' },
      ],
      rows,
      summary: {
        on: today,
        overdue: overdue.filter((d) => advisers.some((a) => a.id === d.adviserId)).length,
      },
    };
  },
};
