import type { AdviserDeadlines } from '../app/unitOverview';
import { renderCard, type CardJson } from '../cards/render';
import type { LocalDate } from '../domain/localDate';
import { formatDate, type Locale } from '../i18n/locale';
import { fill, TEXTS } from '../i18n/texts';
import { deadlineLabel, shortDue, statusText } from './deadlineText';

/** Overdue rows shown per adviser: the card stays readable (and under 40 KB) for a large unit. */
const ROWS_PER_ADVISER = 5;

/** A leader's `overblik`: per adviser, overdue and coming deadlines, the overdue ones listed. */
export function unitOverviewCard(advisers: AdviserDeadlines[], locale: Locale, today: LocalDate): CardJson {
  const t = TEXTS[locale].followUps;
  return renderCard('unit-overview', {
    title: t.unitOverviewTitle,
    intro: fill(t.unitOverviewIntro, { date: formatDate(today, locale) }),
    emptyText: t.unitOverviewEmpty,
    advisers: advisers.map((a) => ({
      name: a.adviserName,
      counts: fill(t.unitOverviewCounts, { overdue: a.overdue.length, coming: a.coming.length }),
      color: a.overdue.length > 0 ? 'Attention' : 'Default',
      rows: a.overdue.slice(0, ROWS_PER_ADVISER).map((d) => ({
        caseRef: d.childInitials ? `${d.caseRef} (${d.childInitials})` : d.caseRef,
        text: `${deadlineLabel(d, locale)} · ${shortDue(d.due, locale)} · ${statusText(d.due, today, locale)}`,
      })),
    })),
  });
}
