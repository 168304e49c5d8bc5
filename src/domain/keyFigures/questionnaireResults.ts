import { PARENT, PROFESSIONS } from '../professions';
import {
  complementarySuppression,
  guard,
  isSmallGroup,
  suppressComplementaryGroups,
  type Guarded,
} from './suppression';
import { percent } from './numbers';

/** The three answers of the rating question: godt / godt, men plads til forbedringer / mangelfuldt. */
export const RATINGS = ['good', 'good_with_room', 'poor'] as const;
export type Rating = (typeof RATINGS)[number];

/** One answer as a report may see it: never who gave it. */
export interface AnswerForReport {
  groupId: string;
  profession: string | null;
  rating: string | null;
}

export type RatingFigures = Guarded<{
  /** Every answer in the group. */
  answers: number;
  /** Answers with a valid rating: the base of the shares. */
  rated: number;
  counts: Record<Rating, number>;
  /** Per cent of `rated`, two decimals. */
  shares: Record<Rating, number | null>;
  /**
   * Answers per profession (parents as `parent`), largest first. A count of 1–4 is listed as taking
   * part without its number; null is a count hidden because it and a total would give one back.
   */
  professions: { profession: string; count: number | null }[];
}>;

const isRating = (s: string | null): s is Rating => (RATINGS as readonly (string | null)[]).includes(s);
const KNOWN = new Set<string>([PARENT.id, ...PROFESSIONS.map((p) => p.id)]);

/**
 * The rating distribution and the professions that answered, for one group of answers (a team, the
 * municipality). n is the number of answers; fewer than five and the group is suppressed, since a team's
 * handful of answers could be traced to the people at the table. Parents appear only as "parent".
 */
export function ratingResults(answers: readonly AnswerForReport[]): RatingFigures {
  return guard(answers.length, () => {
    const counts: Record<Rating, number> = { good: 0, good_with_room: 0, poor: 0 };
    for (const a of answers) if (isRating(a.rating)) counts[a.rating]++;
    const rated = counts.good + counts.good_with_room + counts.poor;
    const byProfession = new Map<string, number>();
    for (const a of answers) {
      const p = a.profession && KNOWN.has(a.profession) ? a.profession : 'unknown';
      byProfession.set(p, (byProfession.get(p) ?? 0) + 1);
    }
    return {
      answers: answers.length,
      rated,
      counts,
      shares: {
        good: percent(counts.good, rated),
        good_with_room: percent(counts.good_with_room, rated),
        poor: percent(counts.poor, rated),
      },
      professions: [...byProfession]
        .map(([profession, count]) => ({ profession, count }))
        .sort((a, b) => b.count - a.count || a.profession.localeCompare(b.profession)),
    };
  });
}

/** Per group (e.g. team) and for all of them together. */
export function ratingResultsByGroup(
  answers: readonly AnswerForReport[],
  groups: readonly { id: string; name: string }[],
): { groups: { id: string; name: string; figures: RatingFigures }[]; total: RatingFigures } {
  // A hidden team is kept from being read off the total (the municipality minus the teams shown).
  const { parts, total } = suppressComplementaryGroups(
    groups.map((g) => ratingResults(answers.filter((a) => a.groupId === g.id))),
    ratingResults(answers),
  );
  hideComplementaryProfessions(parts, total);
  return { groups: groups.map((g, i) => ({ ...g, figures: parts[i]! })), total };
}

/**
 * The total's count of a profession is the sum of the teams' counts: where one of them is small (or
 * its team hidden), a second count of that profession is hidden too, so no subtraction gives it.
 */
function hideComplementaryProfessions(parts: RatingFigures[], total: RatingFigures): void {
  if (total.suppressed) return;
  const countIn = (g: RatingFigures, p: string): number | null =>
    g.suppressed ? null : (g.professions.find((x) => x.profession === p)?.count ?? 0);
  for (const { profession } of total.professions) {
    const values = new Map<string, number | null>([['total', countIn(total, profession)]]);
    parts.forEach((g, i) => values.set(String(i), countIn(g, profession)));
    const hide = complementarySuppression(values, [
      { total: 'total', parts: parts.map((_, i) => String(i)) },
    ]);
    [...parts, total].forEach((g, i) => {
      const key = i === parts.length ? 'total' : String(i);
      if (g.suppressed || !hide.has(key)) return;
      const entry = g.professions.find((x) => x.profession === profession);
      if (entry && entry.count !== null && !isSmallGroup(entry.count)) entry.count = null;
    });
  }
}
