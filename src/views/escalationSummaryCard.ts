import type { MeasureDeadline } from '../app/deadlines';
import { renderCard, type CardJson } from '../cards/render';
import { workingDaysBetween } from '../domain/calendar';
import type { LocalDate } from '../domain/localDate';
import { formatDate, type Locale } from '../i18n/locale';
import { fill, TEXTS } from '../i18n/texts';
import { deadlineLabel } from './deadlineText';

export interface EscalationSummaryInput {
  deadlines: readonly MeasureDeadline[];
  adviserNames: ReadonlyMap<string, string>;
  locale: Locale;
  today: LocalDate;
}

/** Rows a summary holds: each is a case with its button, and a card stays under Teams' 40 KB. */
const ROWS = 25;

/**
 * A leader's overdue deadlines past the escalation limit, as one table: case, adviser, measure,
 * working days over and "Åbn sag". Empty once every deadline is met (the card is updated in place).
 */
export function escalationSummaryCard(i: EscalationSummaryInput): CardJson {
  const t = TEXTS[i.locale].followUps;
  const n = i.deadlines.length;
  const shown = i.deadlines.slice(0, ROWS);
  return renderCard('escalation-summary', {
    t,
    title: t.escalationSummaryTitle,
    color: n > 0 ? 'Attention' : 'Accent',
    intro:
      n === 0
        ? fill(t.escalationSummaryNone, { date: formatDate(i.today, i.locale) })
        : fill(t.escalationSummaryIntro, { n, date: formatDate(i.today, i.locale) }) +
          (n > ROWS ? ` ${fill(t.escalationSummaryMore, { n: n - ROWS })}` : ''),
    rows: shown.map((d) => ({
      caseId: d.caseId,
      caseText: d.childInitials ? `${d.caseRef} (${d.childInitials})` : d.caseRef,
      adviser: i.adviserNames.get(d.adviserId) ?? '–',
      measure: deadlineLabel(d, i.locale),
      daysOver: String(workingDaysBetween(d.due, i.today)),
    })),
  });
}
