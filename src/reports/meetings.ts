import { INSTITUTION_TYPE_LABELS } from '../i18n/labels';
import { periodText } from './cells';
import { meetingFigures } from './keyFigureData';
import type { ReportDefinition } from './report';

/** Meetings held per team against the model's minimum (6 or 10 a year, pro rata for the period). */
export const meetingsReport: ReportDefinition = {
  name: 'meetings',
  scopes: ['team'],
  description: 'Team meetings held against the minimum per year',
  async run(input) {
    const rows = await meetingFigures(input, input);
    return {
      title: `Tværfaglige teammøder ${periodText(input.from, input.to)}`,
      columns: [
        { key: 'team', label: 'Team' },
        { key: 'institution', label: 'Institutionstype' },
        { key: 'held', label: 'Afholdte møder' },
        { key: 'theme', label: 'Temamøder' },
        { key: 'child', label: 'Børnemøder' },
        { key: 'minimum_per_year', label: 'Minimum pr. år' },
        { key: 'expected', label: 'Forventet i perioden' },
        { key: 'met', label: 'Opfyldt' },
      ],
      rows: rows.map((r) => ({
        team: r.teamName,
        institution: INSTITUTION_TYPE_LABELS[r.institutionType].da,
        held: r.held,
        theme: r.heldTheme,
        child: r.heldChild,
        minimum_per_year: r.minimumPerYear,
        expected: r.expected,
        met: r.met,
      })),
      summary: { teams: rows.length, teams_meeting_minimum: rows.filter((r) => r.met).length },
    };
  },
};
