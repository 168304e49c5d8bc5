import { PARENT, PROFESSIONS } from '../professions';
import { guard, type Guarded } from './suppression';
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
  /** Answers per profession (parents as `parent`), largest first. */
  professions: { profession: string; count: number }[];
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
  return {
    groups: groups.map((g) => ({ ...g, figures: ratingResults(answers.filter((a) => a.groupId === g.id)) })),
    total: ratingResults(answers),
  };
}
