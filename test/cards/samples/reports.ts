import { SUPPRESSED_TEXT } from '../../../src/domain/keyFigures';
import type { CardJson } from '../../../src/cards/render';
import type { Locale } from '../../../src/i18n/locale';
import type { CaseFigures, TeamFigures } from '../../../src/reports/statusFigures';
import { caseSection, statusCard, teamSections } from '../../../src/views/statusCard';
import type { CardSamples } from './index';
import { sampleTeamYear } from './meetings';

const period = { from: '2026-01-01', to: '2026-11-23' };

const caseFigures = (suppressed: boolean): CaseFigures => ({
  intervals: [
    {
      category: 'institution',
      figures: { suppressed: false, n: 5, held: 9, averageDays: 87.6, intervals: 5 },
    },
    { category: 'foster_care', figures: { suppressed: true } },
    {
      category: 'home_based',
      figures: { suppressed: false, n: 0, held: 0, averageDays: null, intervals: 0 },
    },
  ],
  compliance: suppressed
    ? { suppressed: true }
    : {
        suppressed: false,
        n: 8,
        held: 15,
        missedPolicy: 0,
        missedLegal: 0,
        onTimePolicy: 6,
        policyShare: 40,
        legalBase: 15,
        onTimeLegal: 10,
        legalShare: 66.67,
      },
  ladder: {
    start: '2016-12-31',
    end: '2017-12-31',
    positionsStart: { '3': suppressed ? SUPPRESSED_TEXT : 7 },
    positionsEnd: { '2': suppressed ? SUPPRESSED_TEXT : 5 },
    pairs: [],
    moves: suppressed
      ? { up: SUPPRESSED_TEXT, down: SUPPRESSED_TEXT, in: 0, out: 0 }
      : { up: 0, down: 5, in: 0, out: 0 },
    moved: suppressed ? SUPPRESSED_TEXT : 5,
  },
  earlyHelp: suppressed
    ? { suppressed: true }
    : { suppressed: false, n: 21, recipients: 21, followed: 1, share: 4.76 },
  caseload: { average: 23.5, target: 25 },
});

const teamFigures: TeamFigures = [
  {
    meetings: {
      teamId: 't1',
      teamName: 'Team Solsikken',
      institutionType: 'daycare',
      held: 5,
      heldTheme: 4,
      heldChild: 1,
      minimumPerYear: 6,
      expected: 5.3,
      met: false,
    },
    ratings: {
      suppressed: false,
      n: 50,
      answers: 50,
      rated: 50,
      counts: { good: 41, good_with_room: 9, poor: 0 },
      shares: { good: 82, good_with_room: 18, poor: 0 },
      professions: [{ profession: 'teacher', count: 50 }],
    },
  },
  {
    meetings: {
      teamId: 't2',
      teamName: 'Team Hedeskolen',
      institutionType: 'lower_secondary_school',
      held: 10,
      heldTheme: 10,
      heldChild: 0,
      minimumPerYear: 10,
      expected: 8.9,
      met: true,
    },
    ratings: { suppressed: true },
  },
];

/** One team behind pace, one on track: the status card words both as `møder` does. */
const paces = new Map([
  ['t1', sampleTeamYear(['2026-09-08'], ['2026-12-08'])],
  [
    't2',
    sampleTeamYear(['2026-08-18', '2026-09-08'], ['2026-12-08', '2027-01-12', '2027-03-09', '2027-05-04']),
  ],
]);

/** Every status card: a leader's (unit and municipality), a coordinator's, both, and the notes. */
function cards(locale: Locale): [string, CardJson][] {
  return [
    [
      'status: leader with a unit',
      statusCard({
        locale,
        period,
        sections: [
          caseSection('Enhed: Familie Nord', caseFigures(true), locale),
          caseSection('Hele kommunen', caseFigures(false), locale),
        ],
      }),
    ],
    [
      'status: coordinator',
      statusCard({ locale, period, sections: teamSections(teamFigures, paces, locale) }),
    ],
    [
      'status: leader without a unit who also coordinates',
      statusCard({
        locale,
        period,
        note: 'Du er ikke knyttet til en enhed; du ser kommunens tal.',
        sections: [
          caseSection('Hele kommunen', caseFigures(false), locale),
          ...teamSections(teamFigures, paces, locale),
        ],
      }),
    ],
    [
      'status: coordinator role without a team',
      statusCard({ locale, period, note: 'Du er ikke tovholder for et team.', sections: [] }),
    ],
  ];
}

export const reportSamples: CardSamples = { templates: ['status-key-figures'], cards };
