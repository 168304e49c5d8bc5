/** A level of Børnelinealen; its heading and seed 001's row under it are in src/i18n/labels.ts. */
export interface ChildRulerLevelInfo {
  id: 'thriving' | 'declining' | 'vulnerable' | 'at_risk';
  /**
   * "Truede på deres udvikling i Servicelovens forstand": seed 001 puts this heading over the last two
   * columns (work on the individual child). One extracted row of the seed repeats the first heading
   * under "Sårbare børn" too; the heading row and docs/domain-rules.md agree on two, so two it is.
   */
  threatenedInDevelopment: boolean;
}

/** Børnelinealen (seed 001): a shared language across professions for how a child is doing, in order. */
export const CHILD_RULER_LEVELS: readonly ChildRulerLevelInfo[] = [
  { id: 'thriving', threatenedInDevelopment: false },
  { id: 'declining', threatenedInDevelopment: false },
  { id: 'vulnerable', threatenedInDevelopment: true },
  { id: 'at_risk', threatenedInDevelopment: true },
];

export type ChildRulerLevel = ChildRulerLevelInfo['id'];

export function isChildRulerLevel(s: string): s is ChildRulerLevel {
  return CHILD_RULER_LEVELS.some((l) => l.id === s);
}

export function childRulerLevel(id: ChildRulerLevel): ChildRulerLevelInfo {
  const level = CHILD_RULER_LEVELS.find((l) => l.id === id);
  if (!level) throw new Error(`Unknown Børnelinealen level "${id}"`);
  return level;
}
