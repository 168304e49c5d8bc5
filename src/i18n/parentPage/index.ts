import { da } from './da';
import { en } from './en';
import type { ParentPageTexts } from './types';

export type { ParentPageTexts };

/**
 * The languages of the parents' page, Danish first. Adding one (e.g. Ukrainian or Arabic, common
 * first languages among parents) is a file like en.ts listed here, and the form's labels in that
 * language (`"uk": "…"` beside "da" and "en") published with `samspil questionnaire publish`.
 */
export const PARENT_PAGE_LANGUAGES: readonly ParentPageTexts[] = [da, en];

export function parentPageTexts(code: unknown): ParentPageTexts {
  return PARENT_PAGE_LANGUAGES.find((l) => l.code === code) ?? da;
}

/** A refusal's words in the page's language; English where that language has none. */
export function parentProblemText(texts: ParentPageTexts, code: string): string {
  const own = (texts.problems as Record<string, Record<string, string> | undefined>)[code];
  const fallback = (en.problems as Record<string, Record<string, string> | undefined>)[code];
  return own?.[texts.code] ?? fallback?.en ?? texts.invalidLink;
}
