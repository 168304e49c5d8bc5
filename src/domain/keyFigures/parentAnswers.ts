/**
 * What parents said about the meetings about their child (seed 002 §2.4 and §5: whether the parents
 * felt heard is one of the model's own measures), from the parents' form. Parents are reported only
 * as a group, only when at least five answered, and never in a way that a shown figure minus the
 * others gives a hidden group back (suppression.ts); a meeting has at most a handful of parents, so
 * no figure is ever about one meeting.
 */
import { guard, suppressComplementaryGroups, type Guarded } from './suppression';
import { percent } from './numbers';

/** The three answers of the parents' yes/partly/no questions. */
export const PARENT_SCALE = ['yes', 'partly', 'no'] as const;
export type ParentScale = (typeof PARENT_SCALE)[number];

/** The parents' questions a report shows, by their answer key in the form. */
export const PARENT_QUESTIONS = ['heard', 'understood', 'next_steps'] as const;
export type ParentQuestion = (typeof PARENT_QUESTIONS)[number];

/** One parent's answer as a report may see it: the group (a team) and the choices, never who or when. */
export interface ParentAnswerForReport {
  groupId: string;
  heard: string | null;
  understood: string | null;
  next_steps: string | null;
}

export interface ParentScaleFigures {
  counts: Record<ParentScale, number>;
  /** Per cent "yes" of those who answered the question, two decimals. */
  yesShare: number | null;
}

export type ParentFigures = Guarded<{ answers: number } & Record<ParentQuestion, ParentScaleFigures>>;

const isScale = (v: string | null): v is ParentScale =>
  (PARENT_SCALE as readonly (string | null)[]).includes(v);

export function parentResults(answers: readonly ParentAnswerForReport[]): ParentFigures {
  return guard(answers.length, () => {
    const figures = (q: ParentQuestion): ParentScaleFigures => {
      const counts: Record<ParentScale, number> = { yes: 0, partly: 0, no: 0 };
      for (const a of answers) {
        const v = a[q];
        if (isScale(v)) counts[v]++;
      }
      return { counts, yesShare: percent(counts.yes, counts.yes + counts.partly + counts.no) };
    };
    return {
      answers: answers.length,
      heard: figures('heard'),
      understood: figures('understood'),
      next_steps: figures('next_steps'),
    };
  });
}

/**
 * Per group (team) and for all together. A hidden team is kept from being read off the total (the
 * municipality minus the teams shown) by hiding a second team, or the total.
 */
export function parentResultsByGroup(
  answers: readonly ParentAnswerForReport[],
  groups: readonly { id: string; name: string }[],
): { groups: { id: string; name: string; figures: ParentFigures }[]; total: ParentFigures } {
  const { parts, total } = suppressComplementaryGroups(
    groups.map((g) => parentResults(answers.filter((a) => a.groupId === g.id))),
    parentResults(answers),
  );
  return { groups: groups.map((g, i) => ({ ...g, figures: parts[i]! })), total };
}
