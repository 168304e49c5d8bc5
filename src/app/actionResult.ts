/** What an application action answers a card with: its result, or the reason in both languages. */
import type { Bilingual } from '../domain/followup';

export type { Bilingual };

/** `stale`: the card's button is spent (handled already, or an out-of-date version). */
export type ActionResult<T> = { ok: true; value: T } | { ok: false; reason: Bilingual; stale?: boolean };

export function fail(
  da: string,
  en: string,
  stale = false,
): { ok: false; reason: Bilingual; stale: boolean } {
  return { ok: false, reason: { da, en }, stale };
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}
