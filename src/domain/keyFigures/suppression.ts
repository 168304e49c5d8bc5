/**
 * Small-group suppression: a figure about fewer than five children, respondents or courses is not
 * shown, so no one can be recognised from a report (SPEC "Data, privacy, security"; issue 5). An empty
 * group (n = 0) is shown: it describes nobody.
 */
export const MIN_GROUP_SIZE = 5;

/** What reports print instead of a suppressed figure, in every format. */
export const SUPPRESSED_TEXT = 'skjult (n<5)';

export type Guarded<T> = ({ suppressed: false; n: number } & T) | { suppressed: true };

export function isSmallGroup(n: number): boolean {
  return n > 0 && n < MIN_GROUP_SIZE;
}

/** The figures of a group of `n`, or only the fact that they were suppressed (not even n is kept). */
export function guard<T extends object>(n: number, figures: () => T): Guarded<T> {
  if (isSmallGroup(n)) return { suppressed: true };
  return { suppressed: false, n, ...figures() };
}
