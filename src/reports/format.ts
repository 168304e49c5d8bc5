import { stringify } from 'csv-stringify/sync';
import type { ReportTable, SummaryValue } from './report';
import { isLocalDate, type LocalDate } from '../domain/localDate';
import { formatNumericDate, type Locale } from '../i18n/locale';

export type ReportFormat = 'table' | 'csv' | 'json';

export function formatReport(t: ReportTable, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ title: t.title, summary: t.summary, rows: t.rows }, null, 2);
    case 'csv':
      return stringify(
        t.rows.map((r) => t.columns.map((c) => r[c.key] ?? '')),
        {
          header: true,
          columns: t.columns.map((c) => c.label),
          // csv-stringify writes false as an empty cell; a spreadsheet should see the value.
          cast: { boolean: (v: boolean) => String(v), string: csvSafeText },
        },
      ).trimEnd();
    case 'table':
      return plainTable(t);
  }
}

/**
 * A text cell that starts with = + - @, a tab or a carriage return is a formula to Excel and
 * LibreOffice (OWASP "CSV Injection"); a leading apostrophe makes it plain text again. Numbers are
 * cast separately, so a negative count stays a number.
 */
export function csvSafeText(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * A cell as a person reads it: in Danish a decimal comma, ja/nej and dates as 23.11.2026 (the
 * terminal's table); `day` writes dates another way (the Overblik tab's "23. november 2026"). CSV
 * and JSON keep plain numbers, booleans and ISO dates for the programs that read them.
 */
export function readableCell(
  v: string | number | boolean | null | undefined,
  locale: Locale = 'da',
  day: (d: LocalDate, l: Locale) => string = formatNumericDate,
): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return locale === 'da' ? (v ? 'ja' : 'nej') : v ? 'yes' : 'no';
  if (typeof v === 'number') return locale === 'da' ? String(v).replace('.', ',') : String(v);
  return isLocalDate(v) ? day(v, locale) : v;
}

function plainTable(t: ReportTable): string {
  const cells = [
    t.columns.map((c) => c.label),
    ...t.rows.map((r) => t.columns.map((c) => readableCell(r[c.key]))),
  ];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const summary = Object.entries(t.summary).map(([k, v]) => `${k}: ${summaryText(v)}`);
  return [
    t.title,
    '',
    line(cells[0]!),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
    '',
    ...summary,
  ].join('\n');
}

function summaryText(v: SummaryValue): string {
  if (v === null) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return readableCell(v);
  if (typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${x}`)
      .join(', ');
  return String(v);
}
