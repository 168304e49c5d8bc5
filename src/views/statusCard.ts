import { renderCard, type CardJson } from '../cards/render';
import { SUPPRESSED_TEXT, type Count, type Guarded } from '../domain/keyFigures';
import type { LocalDate } from '../domain/localDate';
import type { TeamYear } from '../app/meetings/frequency';
import { paceText } from './teamYearCards';
import { fill } from '../i18n/texts';
import { formatDate, type Locale } from '../i18n/locale';
import { REPORT_TEXTS } from '../i18n/reportTexts';
import type { CaseFigures, TeamFigures } from '../reports/statusFigures';
import { readableCell } from '../reports/format';

interface Fact {
  title: string;
  value: string;
}
/**
 * `lines` come before the facts: a sub-heading and one line per row, for figures whose names are
 * too long for a fact's title column ("Plejefamilieanbringelser" would be broken mid-word there).
 */
export interface StatusSection {
  heading: string;
  lines: { text: string; weight: 'Bolder' | 'Default' }[];
  facts: Fact[];
}

/** 87,6 in Danish, 87.6 in English; – for no figure. */
export function localNumber(x: number | null, locale: Locale): string {
  if (x === null) return REPORT_TEXTS[locale].status.noData;
  return readableCell(x, locale);
}

function countText(c: Count, locale: Locale): string {
  return c === SUPPRESSED_TEXT ? REPORT_TEXTS[locale].suppressed : String(c);
}

function guarded<T extends object>(
  g: Guarded<T>,
  locale: Locale,
  f: (x: T & { n: number }) => string,
): string {
  // The same mark as the reports; in English the words are translated but the rule is the same.
  return g.suppressed
    ? locale === 'da'
      ? SUPPRESSED_TEXT
      : REPORT_TEXTS.en.suppressed
    : f(g as T & { n: number });
}

export function caseSection(heading: string, f: CaseFigures, locale: Locale): StatusSection {
  const t = REPORT_TEXTS[locale];
  const s = t.status;
  const n = (x: number | null) => localNumber(x, locale);
  // Whole percentages: "21 %" reads at a glance, "20,83 %" claims a precision the counts lack.
  const pct = (x: number | null) => (x === null ? s.noData : `${n(Math.round(x))} %`);
  return {
    heading,
    lines: [
      { text: s.followUps, weight: 'Bolder' as const },
      ...f.intervals.map((r) => ({
        weight: 'Default' as const,
        text: `${t.categories[r.category]}: ${guarded(r.figures, locale, (x) =>
          x.averageDays === null
            ? fill(s.followUpsHeldOnly, { held: x.held })
            : fill(s.followUpsHeld, { held: x.held, days: n(x.averageDays) }),
        )}`,
      })),
    ],
    facts: [
      {
        title: s.compliance,
        value: guarded(f.compliance, locale, (x) =>
          fill(s.complianceLine, { policy: pct(x.policyShare), legal: pct(x.legalShare) }),
        ),
      },
      {
        title: s.ladder,
        value: fill(s.ladderLine, {
          up: countText(f.ladder.moves.up, locale),
          down: countText(f.ladder.moves.down, locale),
          in: countText(f.ladder.moves.in, locale),
          out: countText(f.ladder.moves.out, locale),
        }),
      },
      {
        title: s.earlyHelp,
        value: guarded(f.earlyHelp, locale, (x) =>
          fill(s.earlyHelpLine, { followed: x.followed, recipients: x.recipients, share: pct(x.share) }),
        ),
      },
      {
        title: s.caseload,
        value: fill(s.caseloadLine, { average: n(f.caseload.average), target: f.caseload.target }),
      },
    ],
  };
}

/** The coordinator's teams: the school year's pace as `møder` judges it, and the period's ratings. */
export function teamSections(
  teams: TeamFigures,
  paces: ReadonlyMap<string, TeamYear>,
  locale: Locale,
): StatusSection[] {
  const s = REPORT_TEXTS[locale].status;
  const n = (x: number | null) => localNumber(x, locale);
  // Whole percentages: "21 %" reads at a glance, "20,83 %" claims a precision the counts lack.
  const pct = (x: number | null) => (x === null ? s.noData : `${n(Math.round(x))} %`);
  return teams.map(({ meetings: m, ratings }) => ({
    heading: m.teamName,
    lines: [],
    facts: [
      ...(paces.has(m.teamId)
        ? [
            {
              title: fill(s.meetings, { year: paces.get(m.teamId)!.year.label }),
              value: paceText(paces.get(m.teamId)!, locale),
            },
          ]
        : []),
      {
        title: s.questionnaires,
        value: guarded(ratings, locale, (x) =>
          x.rated === 0
            ? s.noData
            : fill(s.ratingLine, {
                n: x.n,
                good: pct(x.shares.good),
                room: pct(x.shares.good_with_room),
                poor: pct(x.shares.poor),
              }),
        ),
      },
    ],
  }));
}

export function statusCard(opts: {
  locale: Locale;
  period: { from: LocalDate; to: LocalDate };
  note?: string;
  sections: StatusSection[];
}): CardJson {
  const s = REPORT_TEXTS[opts.locale].status;
  return renderCard('status-key-figures', {
    title: s.title,
    period: fill(s.period, {
      from: formatDate(opts.period.from, opts.locale),
      to: formatDate(opts.period.to, opts.locale),
    }),
    note: opts.note ?? '',
    sections: opts.sections,
    footnote: s.footnote,
  });
}
