import type { LocalDate } from '../localDate';
import { MEASURE_TYPE_INFO, type MeasureCategory, type MeasureType } from '../measures';
import type { CadenceDecision } from '../followup';

/** One measure with every follow-up ever held on it: what the follow-up figures are computed from. */
export interface MeasureHistory {
  caseId: string;
  measureType: MeasureType;
  start: LocalDate;
  end: LocalDate | null;
  /** Dates of the follow-ups held, in any order. */
  held: LocalDate[];
  cadence?: CadenceDecision | null;
  /** End of an investigation that ran alongside the measure (Barnets Lov § 95: first follow-up by then). */
  investigationEnd?: LocalDate | null;
}

export interface Period {
  from: LocalDate;
  to: LocalDate;
}

/** The categories follow-ups are reported in (measures.ts); investigations have no follow-ups. */
export const FOLLOW_UP_CATEGORIES = [
  'institution',
  'foster_care',
  'home_placement',
  'home_based',
  'early_help',
] as const;
export type FollowUpCategory = (typeof FOLLOW_UP_CATEGORIES)[number];

export function categoryOf(type: MeasureType): MeasureCategory {
  return MEASURE_TYPE_INFO[type].category;
}

export const within = (d: LocalDate, p: Period): boolean => p.from <= d && d <= p.to;

export function checkPeriod(p: Period): void {
  if (!(p.from <= p.to)) throw new Error(`Period starts after it ends: ${p.from} – ${p.to}`);
}
