import { isSmallGroup, MIN_GROUP_SIZE, SUPPRESSED_TEXT, type Guarded } from '../domain/keyFigures';
import { isRespondentKind } from '../domain/professions';
import { RESPONDENT_LABELS } from '../i18n/labels';
import { REPORT_TEXTS } from '../i18n/reportTexts';
import type { Locale } from '../i18n/locale';
import type { ReportTable } from './report';

type Cell = ReportTable['rows'][number][string];

/**
 * The cells of a guarded group: its figures, or the suppression mark in every figure column (n too),
 * so table, CSV and JSON all show that the group was hidden rather than a number.
 */
export function guardedCells<T extends object>(
  g: Guarded<T>,
  keys: string[],
  cells: (figures: T & { n: number }) => Record<string, Cell>,
): Record<string, Cell> {
  if (g.suppressed) return Object.fromEntries(keys.map((k) => [k, SUPPRESSED_TEXT]));
  return cells(g as T & { n: number });
}

export function professionLabel(id: string, locale: Locale = 'da'): string {
  return isRespondentKind(id) ? RESPONDENT_LABELS[id][locale] : REPORT_TEXTS[locale].unknownProfession;
}

/**
 * "lærer 30, forælder <5" — parents are counted, never named. A profession with 1–4 answers is
 * listed as taking part with its count hidden like any small group; a count hidden as the
 * complement of one (so the total cannot give it back) shows the suppression mark.
 */
export function professionList(
  p: { profession: string; count: number | null }[],
  locale: Locale = 'da',
): string {
  const count = (n: number | null) =>
    n === null ? REPORT_TEXTS[locale].suppressed : isSmallGroup(n) ? `<${MIN_GROUP_SIZE}` : String(n);
  return p.map((x) => `${professionLabel(x.profession, locale)} ${count(x.count)}`).join(', ');
}

/** A date the Danish way: 10.04.2019. */
export function dateText(d: string): string {
  return `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
}

export function periodText(from: string, to: string): string {
  return `${dateText(from)}–${dateText(to)}`;
}
