/** How a meeting is written on cards: "tirsdag 8. september 2026 kl. 14:00–15:30". */
// Per-function modules: the package index loads all of date-fns and every locale (docs/performance.md).
import { format } from 'date-fns/format';
import { da } from 'date-fns/locale/da';
import { enGB } from 'date-fns/locale/en-GB';
import { parseLocalDate, type LocalDate } from '../domain/localDate';
import { MEETING_TEXTS } from '../i18n/meetingTexts';
import { formatDate, type Locale } from '../i18n/locale';
import type { MeetingRow } from '../store/meetingsRepo';

export function weekdayName(date: LocalDate, locale: Locale): string {
  const d = parseLocalDate(date);
  const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return format(local, 'EEEE', { locale: locale === 'da' ? da : enGB });
}

export function whenText(m: Pick<MeetingRow, 'date' | 'start_time' | 'end_time'>, locale: Locale): string {
  const day = `${weekdayName(m.date, locale)} ${formatDate(m.date, locale)}`;
  return locale === 'da' ? `${day} ${timeText(m, locale)}` : `${day}, ${timeText(m, locale)}`;
}

/** "kl. 14:00–15:30" / "14:00–15:30": Danish puts "kl." before a time. */
export function timeText(m: Pick<MeetingRow, 'start_time' | 'end_time'>, locale: Locale): string {
  const span = `${m.start_time}–${m.end_time}`;
  return locale === 'da' ? `kl. ${span}` : span;
}

/** The meeting's subject; a child's reference only where `showChild` (never in a channel). */
export function whatText(
  m: Pick<MeetingRow, 'format' | 'theme' | 'child_reference'>,
  locale: Locale,
  showChild: boolean,
): string {
  const t = MEETING_TEXTS[locale];
  if (m.format === 'theme') return m.theme ? `${t.format.theme}: ${m.theme}` : t.format.theme;
  return showChild && m.child_reference ? `${t.format.child} (${m.child_reference})` : t.format.child;
}
