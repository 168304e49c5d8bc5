import { matrixEntries, SUPPRESSED_TEXT } from '../domain/keyFigures';
import { classifyMove, OFF_LADDER } from '../domain/ladder';
import type { Ladder } from '../domain/ladder';
import { REPORT_TEXTS } from '../i18n/reportTexts';
import { periodText } from './cells';
import { ladderFigures } from './keyFigureData';
import type { ReportDefinition } from './report';

const T = REPORT_TEXTS.da;

export function stepLabel(ladder: Ladder, step: string): string {
  if (step === OFF_LADDER) return T.offLadder;
  const s = ladder.steps.find((x) => String(x.step) === step);
  return s ? `${s.step} ${s.label.da}` : step;
}

const stepNumber = (s: string): number | null => (s === OFF_LADDER ? null : Number(s));

/**
 * Movements on the ladder (seed 002 §3.2). The inclusive period [from, to] is the span between the
 * cut-off dates from − 1 day and to: for the seed's counting year give --from 2015-04-01 --to 2016-03-31.
 */
export const ladderReport: ReportDefinition = {
  name: 'ladder-movements',
  scopes: ['unit'],
  description: 'Movements on the ladder (up, down, in, out and the from–to matrix)',
  async run(input) {
    const figures = await ladderFigures(input, input);
    const columns = [
      { key: 'from_step', label: 'Fra' },
      { key: 'to_step', label: 'Til' },
      { key: 'direction', label: 'Retning' },
      { key: 'count', label: 'Antal' },
    ];
    const title = `Bevægelser på indsatstrappen ${periodText(input.from, input.to)} (${input.municipality.ladder.name})`;
    if (figures.suppressed) {
      const hidden = Object.fromEntries(columns.map((c) => [c.key, SUPPRESSED_TEXT]));
      return {
        title,
        columns,
        rows: [hidden],
        summary: {
          cases: SUPPRESSED_TEXT,
          up: SUPPRESSED_TEXT,
          down: SUPPRESSED_TEXT,
          in: SUPPRESSED_TEXT,
          out: SUPPRESSED_TEXT,
        },
      };
    }
    return {
      title,
      columns,
      rows: matrixEntries(figures.matrix).map((e) => {
        const dir = classifyMove(stepNumber(e.from), stepNumber(e.to));
        return {
          from_step: stepLabel(input.municipality.ladder, e.from),
          to_step: stepLabel(input.municipality.ladder, e.to),
          direction: dir === 'none' ? '' : T.directions[dir],
          count: e.count,
        };
      }),
      summary: { cases: figures.cases, up: figures.up, down: figures.down, in: figures.in, out: figures.out },
    };
  },
};
