// Per-function modules: the package index loads all of date-fns and every locale (docs/performance.md).
import { format } from 'date-fns/format';
import { da } from 'date-fns/locale/da';
import { enGB } from 'date-fns/locale/en-GB';
import type { MeasureDeadline } from '../../app/deadlines';
import type { TeamYear } from '../../app/meetings/frequency';
import { RATINGS, SUPPRESSED_TEXT } from '../../domain/keyFigures';
import { isLocalDate, type LocalDate } from '../../domain/localDate';
import { formatDate, type Locale } from '../../i18n/locale';
import { REPORT_TEXTS } from '../../i18n/reportTexts';
import { REPORT_CAPTIONS_EN, REPORT_COLUMNS_EN, TAB_TEXTS } from '../../i18n/tabTexts';
import { fill } from '../../i18n/texts';
import type { ReportTable, SummaryValue } from '../../reports/report';
import { readableCell } from '../../reports/format';
import { barChart, esc, stackedChart, type Bar } from '../../reports/yearlyStatus/charts';
import { deadlineLabel, statusText } from '../../views/deadlineText';
import type { complianceByMonth, TableSpec, Timeline } from '../overview';

type Cell = ReportTable['rows'][number][string];

/** A report cell as a chart value: a number, or null for a hidden (n<5) or empty group. */
export function numberOf(v: Cell | SummaryValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

const hiddenBar = (v: Cell | SummaryValue | undefined, locale: Locale): Pick<Bar, 'value' | 'note'> => ({
  value: null,
  note: v === SUPPRESSED_TEXT ? REPORT_TEXTS[locale].suppressed : '–',
});

/** The report's Danish words for categories, directions and ratings, to show them in English. */
const DANISH_WORDS = new Map<string, string>(
  (['categories', 'directions', 'ratings'] as const).flatMap((group) =>
    Object.entries(REPORT_TEXTS.da[group]).map(
      ([key, da]) => [da, (REPORT_TEXTS.en[group] as Record<string, string>)[key]!] as const,
    ),
  ),
);
DANISH_WORDS.set(REPORT_TEXTS.da.offLadder, REPORT_TEXTS.en.offLadder);

function cellText(v: Cell | undefined, locale: Locale): string {
  if (v === SUPPRESSED_TEXT) return REPORT_TEXTS[locale].suppressed;
  if (typeof v === 'string' && !isLocalDate(v)) return locale === 'en' ? (DANISH_WORDS.get(v) ?? v) : v;
  // Dates in the page's format, never ISO (the CSV keeps ISO for the programs that read it).
  return readableCell(v, locale, formatDate);
}

/** The table's caption: the report's own title, or in English its name and the period. */
function captionOf(spec: TableSpec, table: ReportTable, locale: Locale): string {
  const name = locale === 'en' ? REPORT_CAPTIONS_EN[spec.report] : undefined;
  if (!name) return table.title;
  const arg = (flag: string) => spec.args[spec.args.indexOf(flag) + 1];
  const from = arg('--from');
  const to = arg('--to');
  if (!to || !isLocalDate(to)) return name;
  // Overdue deadlines and caseload are counted on one day, the period's last.
  if (spec.report === 'overdue' || spec.report === 'caseload') return `${name}, ${formatDate(to, locale)}`;
  return from && isLocalDate(from)
    ? `${name}, ${formatDate(from, locale)} – ${formatDate(to, locale)}`
    : name;
}

/** A report table as on the page, with its CSV download and the command that prints the same CSV. */
export function tableHtml(spec: TableSpec, table: ReportTable, locale: Locale): string {
  const t = TAB_TEXTS[locale];
  const label = (c: { key: string; label: string }) =>
    locale === 'en' ? (REPORT_COLUMNS_EN[c.key] ?? c.label) : c.label;
  const command = `samspil report ${spec.args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ')} --format csv`;
  return [
    `<figure class="report" data-table="${esc(spec.id)}">`,
    `<figcaption>${esc(captionOf(spec, table, locale))}</figcaption>`,
    '<div class="scroll"><table><thead><tr>',
    ...table.columns.map((c) => `<th scope="col">${esc(label(c))}</th>`),
    '</tr></thead><tbody>',
    ...table.rows.map(
      (r) =>
        `<tr>${table.columns
          .map((c, i) =>
            i === 0
              ? `<th scope="row">${esc(cellText(r[c.key], locale))}</th>`
              : `<td>${esc(cellText(r[c.key], locale))}</td>`,
          )
          .join('')}</tr>`,
    ),
    '</tbody></table></div>',
    `<p class="actions"><button type="button" class="csv" data-table="${esc(spec.id)}">${esc(t.csv)}</button>`,
    ` <span class="command">${esc(t.sameAs)} <code>${esc(command)}</code></span></p>`,
    '</figure>',
  ].join('');
}

export function section(id: string, title: string, lead: string | null, body: string[]): string {
  return `<section id="${esc(id)}" aria-labelledby="${esc(id)}-h"><h2 id="${esc(id)}-h">${esc(title)}</h2>${
    lead ? `<p class="lead">${esc(lead)}</p>` : ''
  }${body.join('')}</section>`;
}

export const chartBox = (svg: string) => `<div class="chart-box">${svg}</div>`;

const monthName = (first: LocalDate, locale: Locale) =>
  format(new Date(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1, 1), 'MMM yyyy', {
    locale: locale === 'da' ? da : enGB,
  });

/** Chat deep link that opens the bot's personal chat with "sag REF" ready to send. */
export function caseDeepLink(botId: string, caseRef: string, locale: Locale): string {
  const message = `${locale === 'da' ? 'sag' : 'case'} ${caseRef}`;
  return `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(botId)}&message=${encodeURIComponent(message)}`;
}

function deadlineItem(d: MeasureDeadline, today: LocalDate, locale: Locale, botId: string): string {
  const t = TAB_TEXTS[locale].adviser;
  const who = d.childInitials ? ` (${esc(d.childInitials)})` : '';
  return [
    `<li class="deadline" data-case="${esc(d.caseRef)}">`,
    `<time datetime="${d.due}">${esc(formatDate(d.due, locale))}</time>`,
    `<span class="what"><strong>${esc(deadlineLabel(d, locale))}</strong> · ${esc(fill(t.case, { ref: d.caseRef }))}${who}</span>`,
    `<span class="status">${esc(statusText(d.due, today, locale))}</span>`,
    `<a class="deeplink" href="${esc(caseDeepLink(botId, d.caseRef, locale))}" target="_blank" rel="noopener">${esc(t.open)}<span class="visually-hidden"> ${esc(d.caseRef)}</span></a>`,
    '</li>',
  ].join('');
}

export function adviserHtml(tl: Timeline, today: LocalDate, locale: Locale, botId: string): string {
  const t = TAB_TEXTS[locale].adviser;
  const groups: [string, string, MeasureDeadline[], number][] = [
    ['overdue', t.overdue, tl.overdue, 2],
    ['this-week', t.thisWeek, tl.thisWeek, 0],
    ['next-30', t.next30, tl.next30, 1],
  ];
  const chart = barChart({
    id: 'adviser-deadlines',
    title: t.chart,
    bars: groups.map(([, label, list, series]) => ({ label, value: list.length, series })),
  });
  const lists = groups.map(
    ([id, label, list]) =>
      `<h3 id="deadlines-${id}">${esc(label)} (${list.length})</h3>${
        list.length
          ? `<ol class="timeline" aria-labelledby="deadlines-${id}">${list.map((d) => deadlineItem(d, today, locale, botId)).join('')}</ol>`
          : `<p class="empty">${esc(t.none)}</p>`
      }`,
  );
  const laterText = tl.later === 1 ? t.laterOne : fill(t.later, { n: tl.later });
  const later = tl.later ? [`<p class="note">${esc(laterText)}</p>`] : [];
  return section('adviser', t.title, t.lead, [chartBox(chart), ...lists, ...later]);
}

/** Policy and law shares per month, two bars a month; a month with fewer than 5 cases is hidden. */
export function complianceChart(
  months: Awaited<ReturnType<typeof complianceByMonth>>,
  locale: Locale,
): string {
  const t = TAB_TEXTS[locale].leader;
  const bars: Bar[] = months.flatMap(({ month, figures }) =>
    (
      [
        ['policyShare', t.policy, 0],
        ['legalShare', t.law, 1],
      ] as const
    ).map(([key, label, series]) => {
      const v = figures.suppressed ? null : (figures[key] ?? null);
      return {
        label: `${monthName(month, locale)} · ${label}`,
        series,
        ...(v === null
          ? { value: null, note: figures.suppressed ? REPORT_TEXTS[locale].suppressed : '–' }
          : { value: v, display: `${cellText(v, locale)} %` }),
      };
    }),
  );
  return barChart({
    id: 'compliance-by-month',
    title: t.compliance,
    bars,
    max: 100,
    legend: [t.policy, t.law],
  });
}

export function overdueChart(table: ReportTable, locale: Locale): string {
  return barChart({
    id: 'overdue-per-adviser',
    title: TAB_TEXTS[locale].leader.overdue,
    bars: table.rows.map((r) => ({
      label: String(r.adviser),
      value: (numberOf(r.followups) ?? 0) + (numberOf(r.investigations) ?? 0) + (numberOf(r.courses) ?? 0),
      series: 2,
    })),
  });
}

export function caseloadChart(table: ReportTable, locale: Locale): string {
  const target = numberOf(table.summary.target) ?? 25;
  return barChart({
    id: 'caseload',
    title: TAB_TEXTS[locale].leader.caseload,
    bars: table.rows.map((r) => ({ label: String(r.adviser), value: numberOf(r.open_cases) ?? 0 })),
    target: { value: target, label: fill(TAB_TEXTS[locale].leader.caseloadTarget, { n: target }) },
  });
}

export function ladderChart(table: ReportTable, locale: Locale): string {
  const dir = REPORT_TEXTS[locale].directions;
  return barChart({
    id: 'ladder-movements',
    title: TAB_TEXTS[locale].leader.ladder,
    bars: (['up', 'down', 'in', 'out'] as const).map((k, i) => {
      const v = numberOf(table.summary[k]);
      return {
        label: dir[k],
        series: i,
        ...(v === null ? hiddenBar(table.summary[k], locale) : { value: v }),
      };
    }),
  });
}

/** Meetings held per team, with the expected number for the period as a mark. */
export function meetingsChart(id: string, title: string, table: ReportTable): string {
  return barChart({
    id,
    title,
    bars: table.rows.map((r) => ({
      label: String(r.team),
      value: numberOf(r.held) ?? 0,
      marker: numberOf(r.expected) ?? undefined,
    })),
  });
}

export function schoolYearChart(years: TeamYear[], locale: Locale): string {
  const t = TAB_TEXTS[locale].coordinator;
  const first = years[0];
  const title = first
    ? fill(t.schoolYear, {
        from: formatDate(first.year.start, locale),
        to: formatDate(first.year.end, locale),
      })
    : t.title;
  return barChart({
    id: 'school-year',
    title,
    legend: [t.held, t.planned],
    bars: years.flatMap((y) => [
      { label: `${y.team.name} · ${t.held}`, value: y.status.held, marker: y.status.minimum, series: 0 },
      {
        label: `${y.team.name} · ${t.planned}`,
        value: y.status.planned,
        marker: y.status.minimum,
        series: 1,
      },
    ]),
  });
}

export function ratingsChart(id: string, title: string, table: ReportTable, locale: Locale): string {
  const labels = REPORT_TEXTS[locale].ratings;
  return stackedChart({
    id,
    title,
    legend: RATINGS.map((r) => labels[r]),
    rows: table.rows.map((r) => {
      const shares = RATINGS.map((k) => numberOf(r[`${k}_pct`]));
      return shares.every((s): s is number => s !== null)
        ? { label: String(r.group), shares }
        : { label: String(r.group), shares: null, note: hiddenBar(r.answers, locale).note };
    }),
  });
}
