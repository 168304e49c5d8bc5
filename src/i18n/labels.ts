/** Codes shown to people by their label, never as the code itself. */
import { PROFESSIONS } from '../domain/professions';
import type { Locale } from './locale';

/** A registered profession by its label ("familierådgiver"); free text from older data as written. */
export function professionLabel(profession: string, locale: Locale): string {
  return PROFESSIONS.find((p) => p.id === profession)?.[locale] ?? profession;
}
