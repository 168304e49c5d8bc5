// Per-function modules: the package index loads all of date-fns and every locale (docs/performance.md).
import { format } from 'date-fns/format';
import { da } from 'date-fns/locale/da';
import { enGB } from 'date-fns/locale/en-GB';
import { parseLocalDate } from '../domain/localDate';
import type { LocalDate } from '../domain/localDate';

export type Locale = 'da' | 'en';

/**
 * The language Samspil speaks to a person: their own choice in `indstillinger`, else Danish, the
 * language of the municipality's case work. The Teams client's locale is deliberately not used: many
 * Danish staff run Teams in English, and the Agents Playground always says en-US (docs/language.md).
 */
export function localeFrom(saved?: unknown): Locale {
  // Stored or sent by a caller: anything but a text is treated as unset.
  return typeof saved === 'string' && saved.toLowerCase().startsWith('en') ? 'en' : 'da';
}

/** "23. november 2026" / "23 November 2026". The date is a calendar date: no zone to shift it. */
export function formatDate(date: LocalDate, locale: Locale): string {
  const d = parseLocalDate(date);
  const utcNoon = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12));
  const local = new Date(utcNoon.getUTCFullYear(), utcNoon.getUTCMonth(), utcNoon.getUTCDate());
  return locale === 'da'
    ? format(local, 'd. MMMM yyyy', { locale: da })
    : format(local, 'd MMMM yyyy', { locale: enGB });
}

/** "23.11.2026" / "23/11/2026" — for tables. */
export function formatNumericDate(date: LocalDate, locale: Locale): string {
  const [y, m, d] = date.split('-');
  return locale === 'da' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/** "man. 23.11.2026" — compact, for lists. */
export function formatShortDate(date: LocalDate, locale: Locale): string {
  const d = parseLocalDate(date);
  const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return locale === 'da'
    ? format(local, 'EEE dd.MM.yyyy', { locale: da })
    : format(local, 'EEE dd/MM/yyyy', { locale: enGB });
}
