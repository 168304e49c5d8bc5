import type { RatingFigures } from '../domain/keyFigures';
import { guardedCells, periodText, professionList } from './cells';
import { questionnaireFigures } from './keyFigureData';
import type { ReportDefinition } from './report';

const KEYS = [
  'answers',
  'good',
  'good_with_room',
  'poor',
  'good_pct',
  'good_with_room_pct',
  'poor_pct',
  'professions',
];

function cells(f: RatingFigures) {
  return guardedCells(f, KEYS, (x) => ({
    answers: x.n,
    good: x.counts.good,
    good_with_room: x.counts.good_with_room,
    poor: x.counts.poor,
    good_pct: x.shares.good,
    good_with_room_pct: x.shares.good_with_room,
    poor_pct: x.shares.poor,
    professions: professionList(x.professions),
  }));
}

/** Questionnaire ratings per team and in all, with n and the professions that answered. */
export const questionnairesReport: ReportDefinition = {
  name: 'questionnaires',
  scopes: ['team'],
  description: 'Questionnaire results: rating distribution and professions, per team and in all',
  async run(input) {
    const result = await questionnaireFigures(input, input);
    const totalLabel = input.scope?.teamIds ? 'Valgte teams i alt' : 'Hele kommunen';
    return {
      title: `Statusskemaer efter teammøder ${periodText(input.from, input.to)}`,
      columns: [
        { key: 'group', label: 'Team' },
        { key: 'answers', label: 'Besvarelser (n)' },
        { key: 'good', label: 'Godt' },
        { key: 'good_with_room', label: 'Godt, men plads til forbedringer' },
        { key: 'poor', label: 'Mangelfuldt' },
        { key: 'good_pct', label: 'Godt (%)' },
        { key: 'good_with_room_pct', label: 'Plads til forbedringer (%)' },
        { key: 'poor_pct', label: 'Mangelfuldt (%)' },
        { key: 'professions', label: 'Faggrupper' },
      ],
      rows: [
        ...result.groups.map((g) => ({ group: g.name, ...cells(g.figures) })),
        { group: totalLabel, ...cells(result.total) },
      ],
      summary: { from: input.from, to: input.to },
    };
  },
};
