import { parentResultsByGroup, type ParentFigures } from '../domain/keyFigures';
import { guardedCells, periodText } from './cells';
import type { ReportDefinition } from './report';

const KEYS = [
  'answers',
  'heard_pct',
  'understood_pct',
  'next_steps_pct',
  'heard',
  'understood',
  'next_steps',
];

/** "12 / 3 / 1": yes, partly, no. */
const triple = (c: { yes: number; partly: number; no: number }) => `${c.yes} / ${c.partly} / ${c.no}`;

function cells(f: ParentFigures) {
  return guardedCells(f, KEYS, (x) => ({
    answers: x.n,
    heard_pct: x.heard.yesShare,
    understood_pct: x.understood.yesShare,
    next_steps_pct: x.next_steps.yesShare,
    heard: triple(x.heard.counts),
    understood: triple(x.understood.counts),
    next_steps: triple(x.next_steps.counts),
  }));
}

/**
 * The parents' own answers after meetings about their child, per team and in all: only as a group,
 * only from five answers, and never so that the total less the teams shown gives a hidden team back.
 */
export const parentAnswersReport: ReportDefinition = {
  name: 'parents',
  scopes: ['team'],
  description:
    "Parents' answers after meetings about their child: felt heard, understood, know what happens next",
  async run(input) {
    const scope = { teamIds: input.scope?.teamIds };
    const teams = await input.tenant.reports.teams(scope);
    const answers = await input.tenant.reports.parentAnswers(input.from, input.to, scope);
    const result = parentResultsByGroup(
      answers,
      teams.map((t) => ({ id: t.id, name: t.name })),
    );
    const totalLabel = input.scope?.teamIds ? 'Valgte teams i alt' : 'Hele kommunen';
    return {
      title: `Forældres svar efter møder om deres barn ${periodText(input.from, input.to)}`,
      columns: [
        { key: 'group', label: 'Team' },
        { key: 'answers', label: 'Forældres svar (n)' },
        { key: 'heard_pct', label: 'Følte sig lyttet til (% ja)' },
        { key: 'understood_pct', label: 'Følte sig forstået (% ja)' },
        { key: 'next_steps_pct', label: 'Ved hvad der skal ske (% ja)' },
        { key: 'heard', label: 'Lyttet til: ja / delvist / nej' },
        { key: 'understood', label: 'Forstået: ja / delvist / nej' },
        { key: 'next_steps', label: 'Næste skridt: ja / delvist / nej' },
      ],
      rows: [
        ...result.groups.map((g) => ({ group: g.name, ...cells(g.figures) })),
        { group: totalLabel, ...cells(result.total) },
      ],
      summary: { from: input.from, to: input.to },
    };
  },
};
