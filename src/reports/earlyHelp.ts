import { guardedCells, periodText } from './cells';
import { earlyHelpFigures, measureHistories } from './keyFigureData';
import type { ReportDefinition } from './report';

/**
 * Seed 002 table 3: § 30 (formerly § 11) courses started in the period and the share followed by a
 * child protection investigation started from the course's start up to the end of the period.
 */
export const earlyHelpReport: ReportDefinition = {
  name: 'early-help',
  scopes: ['unit'],
  description: 'Share of § 30 (formerly § 11) courses followed by an investigation',
  async run(input) {
    const figures = earlyHelpFigures(await measureHistories(input), input, input.to);
    return {
      title: `§ 30-forløb (tidl. § 11) fulgt af børnefaglig undersøgelse ${periodText(input.from, input.to)}`,
      columns: [
        { key: 'recipients', label: 'Modtagere af § 30-forløb (n)' },
        { key: 'followed', label: 'Efterfølgende undersøgelse' },
        { key: 'share', label: 'Andel (%)' },
      ],
      rows: [
        guardedCells(figures, ['recipients', 'followed', 'share'], (f) => ({
          recipients: f.recipients,
          followed: f.followed,
          share: f.share,
        })),
      ],
      summary: { courses_from: input.from, courses_to: input.to, followed_until: input.to },
    };
  },
};
