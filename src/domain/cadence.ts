import type { Duration } from './localDate';

/**
 * The cadences an adviser picks from at the first follow-up (Barnets Lov § 95 stk. 3), and how a
 * cadence travels as a card's choice value: "w6" = every 6 weeks, "m3" = every 3 months.
 */
export function encodeCadence(d: Duration): string {
  return d.months ? `m${d.months}` : `w${(d.weeks ?? 0) + (d.days ?? 0) / 7}`;
}

export function decodeCadence(s: string): Duration | null {
  const m = /^([wm])(\d{1,2})$/.exec(s);
  if (!m) return null;
  const n = Number(m[2]);
  if (n < 1) return null;
  return m[1] === 'm' ? { months: n } : { weeks: n };
}

export const CADENCE_CHOICES: Duration[] = [
  { weeks: 2 },
  { weeks: 4 },
  { weeks: 6 },
  { weeks: 8 },
  { months: 3 },
  { months: 4 },
  { months: 6 },
];
