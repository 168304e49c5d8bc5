import type { Ladder } from '../domain/ladder';
import { REPORT_TEXTS } from '../i18n/reportTexts';
import { periodText } from './cells';
import { ladderFigures } from './keyFigureData';
import type { ReportDefinition } from './report';

const T = REPORT_TEXTS.da;

export function stepLabel(ladder: Ladder, step: number | null): string {
  if (step === null) return T.offLadder;
  const s = ladder.steps.find((x) => x.step === step);
  return s ? `${s.step} ${s.label.da}` : String(step);
}

/**
 * Movements on the ladder (seed 002 §3.2): each child's step on the cut-off date before the period
 * (from − 1 day) against the step on its last day. For the seed's counting year 31 March 2018 →
 * 31 March 2019 give --from 2018-04-01 --to 2019-03-31. JSON rows keep the step numbers (null is
 * "not on the ladder"), the table shows the ladder's labels.
 */
export const ladderReport: ReportDefinition = {
  name: 'ladder-movements',
  scopes: ['unit'],
  description: 'Movements on the ladder between two cut-off dates, with the children on each step',
  async run(input) {
    const f = await ladderFigures(input, input);
    const ladder = input.municipality.ladder;
    return {
      title: `Bevægelser på indsatstrappen ${periodText(input.from, input.to)} (${ladder.name})`,
      columns: [
        { key: 'from_label', label: 'Fra' },
        { key: 'to_label', label: 'Til' },
        { key: 'direction_label', label: 'Retning' },
        { key: 'count', label: 'Børn' },
      ],
      rows: f.pairs.map((p) => ({
        from_step: p.from,
        to_step: p.to,
        direction: p.direction,
        from_label: stepLabel(ladder, p.from),
        to_label: stepLabel(ladder, p.to),
        direction_label: T.directions[p.direction],
        count: p.count,
      })),
      summary: {
        cut_off_start: f.start,
        cut_off_end: f.end,
        positions_start: f.positionsStart,
        positions_end: f.positionsEnd,
        moved: f.moved,
        ...f.moves,
      },
    };
  },
};
