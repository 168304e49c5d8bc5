import { earlyHelpWindowFor } from '../domain/keyFigures';
import { dateText, guardedCells } from './cells';
import { earlyHelpFigures, measureHistories, periodWindow } from './keyFigureData';
import type { ReportDefinition } from './report';

/**
 * Seed 002 table 3: § 30 (formerly § 11) courses and the share followed by a child protection
 * investigation. With `--cutoff D` the seed's own window (note 7): courses started 12 to 6 months
 * before D, investigations decided up to D. Without it, courses started in --from/--to, followed
 * until --to.
 */
export const earlyHelpReport: ReportDefinition = {
  name: 'early-help',
  scopes: ['unit'],
  options: ['cutoff'],
  description:
    'Share of § 30 (formerly § 11) courses followed by an investigation (--cutoff D: seed 002 note 7)',
  async run(input) {
    const w = input.cutoff ? earlyHelpWindowFor(input.cutoff) : periodWindow(input);
    const figures = earlyHelpFigures(await measureHistories(input), w, input.disclosure);
    const title = input.cutoff
      ? `§ 30-forløb (tidl. § 11) fulgt af børnefaglig undersøgelse, skæringsdato ${dateText(input.cutoff)}`
      : `§ 30-forløb (tidl. § 11) fulgt af børnefaglig undersøgelse, forløb startet ${dateText(w.coursesFrom)}–${dateText(w.coursesTo)}`;
    return {
      title,
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
      summary: {
        cutoff: input.cutoff ?? null,
        courses_from: w.coursesFrom,
        courses_to: w.coursesTo,
        followed_until: w.followedUntil,
      },
    };
  },
};
