import { PARENT, PROFESSIONS } from '../professions';
import {
  complementarySuppression,
  guard,
  isSmallGroup,
  suppressComplementaryGroups,
  type Guarded,
  type PublishedSum,
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
const KNOWN = new Set<string>([PARENT, ...PROFESSIONS]);

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
  // A hidden team is kept from being read off the total (the municipality minus the teams shown),
  // and so is a profession's small count, from its team's n and from the total's count.
  let parts = groups.map((g) => ratingResults(answers.filter((a) => a.groupId === g.id)));
  let total = ratingResults(answers);
  for (;;) {
    ({ parts, total } = suppressComplementaryGroups(parts, total));
    const hide = hideComplementaryProfessions(parts, total);
    if (hide === null) break;
    if (hide === 'total') total = { suppressed: true };
    else parts[hide] = { suppressed: true };
  }
  return { groups: groups.map((g, i) => ({ ...g, figures: parts[i]! })), total };
}

/**
 * The professions of the teams form a table: a team's n is the sum of its row, the total's count of a
 * profession the sum of its column. A small count is hidden ("<5") and a second count of its row and
 * column with it, until no subtraction gives one back. Where that would have to hide a team's n, the
 * team (or the total) is returned to be hidden whole instead, as its ratings add up to n too; else null.
 */
function hideComplementaryProfessions(parts: RatingFigures[], total: RatingFigures): number | 'total' | null {
  const professions = total.suppressed ? [] : total.professions.map((p) => p.profession);
  const countIn = (g: RatingFigures, p: string): number | null =>
    g.suppressed ? null : (g.professions.find((x) => x.profession === p)?.count ?? 0);
  const values = new Map<string, number | null>();
  const sums: PublishedSum[] = [];
  parts.forEach((g, i) => {
    values.set(`n:${i}`, g.suppressed ? null : g.n);
    professions.forEach((p) => values.set(`${i}:${p}`, countIn(g, p)));
    if (!g.suppressed) sums.push({ total: `n:${i}`, parts: professions.map((p) => `${i}:${p}`) });
  });
  for (const p of professions) {
    values.set(`total:${p}`, countIn(total, p));
    sums.push({ total: `total:${p}`, parts: parts.map((_, i) => `${i}:${p}`) });
  }
  if (!total.suppressed) {
    values.set('n:total', total.n);
    sums.push({ total: 'n:total', parts: professions.map((p) => `total:${p}`) });
  }
  const hide = complementarySuppression(values, sums);
  if (hide.has('n:total') && !total.suppressed) return 'total';
  const team = parts.findIndex((g, i) => !g.suppressed && hide.has(`n:${i}`));
  if (team >= 0) return team;
  const apply = (g: RatingFigures, key: (p: string) => string) => {
    if (g.suppressed) return;
    for (const entry of g.professions)
      if (hide.has(key(entry.profession)) && entry.count !== null && !isSmallGroup(entry.count))
        entry.count = null;
  };
  parts.forEach((g, i) => apply(g, (p) => `${i}:${p}`));
  apply(total, (p) => `total:${p}`);
  return null;
}
