/**
 * Small-group suppression: a figure about fewer than five children, respondents or courses is not
 * shown, so no one can be recognised from a report (SPEC "Data, privacy, security"). An empty group
 * (n = 0) is shown: it describes nobody. Hiding a group is not enough where a report also shows a
 * total of it (a row total, a column total, "all categories"): the total minus the visible parts
 * would give the hidden one back, so `complementarySuppression` hides a second figure of every such
 * sum (docs/key-figures.md).
 */
export const MIN_GROUP_SIZE = 5;

/** What reports print instead of a suppressed figure, in every format. */
export const SUPPRESSED_TEXT = 'skjult (n<5)';
export type Suppressed = typeof SUPPRESSED_TEXT;

/** A count that is shown, or the suppression mark. */
export type Count = number | Suppressed;

export type Guarded<T> = ({ suppressed: false; n: number } & T) | { suppressed: true };

export function isSmallGroup(n: number): boolean {
  return n > 0 && n < MIN_GROUP_SIZE;
}

/** The figures of a group of `n`, or only the fact that they were suppressed (not even n is kept). */
export function guard<T extends object>(n: number, figures: () => T): Guarded<T> {
  if (isSmallGroup(n)) return { suppressed: true };
  return { suppressed: false, n, ...figures() };
}

/** A published total and the published figures it is the sum of. */
export interface PublishedSum {
  total: string;
  parts: string[];
}

/**
 * Complementary suppression. `values` holds every published figure by key, `null` for one already
 * hidden; `sums` the additive relations a reader can see between them. First every small figure
 * (1–4) is hidden; then, until nothing changes, any sum with exactly one hidden member gets a
 * second one hidden — its smallest visible non-zero part, else its total — so no subtraction
 * within one sum gives a hidden figure back, and a figure recovered from one sum cannot open
 * another. Returns the keys to hide.
 */
export function complementarySuppression(
  values: ReadonlyMap<string, number | null>,
  sums: readonly PublishedSum[],
): Set<string> {
  const hidden = new Set<string>();
  for (const [k, v] of values) if (v === null || isSmallGroup(v)) hidden.add(k);
  const value = (k: string) => values.get(k) ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const s of sums) {
      const members = [s.total, ...s.parts];
      if (members.filter((k) => hidden.has(k)).length !== 1) continue;
      const candidates = s.parts
        .filter((k) => !hidden.has(k) && value(k) > 0)
        .sort((a, b) => value(a) - value(b) || a.localeCompare(b));
      const pick = candidates[0] ?? (hidden.has(s.total) ? undefined : s.total);
      if (pick === undefined) continue; // the hidden total of parts that are all 0: nothing to learn
      hidden.add(pick);
      changed = true;
    }
  }
  return hidden;
}

/**
 * Groups shown beside their total (categories and "all", teams and the municipality): when one
 * group is hidden, another is hidden with it, or the total. Sizes are the groups' n.
 */
export function suppressComplementaryGroups<T>(
  parts: readonly Guarded<T>[],
  total: Guarded<T>,
): { parts: Guarded<T>[]; total: Guarded<T> } {
  const size = (g: Guarded<T>) => (g.suppressed ? null : g.n);
  const values = new Map<string, number | null>([['total', size(total)]]);
  parts.forEach((p, i) => values.set(String(i), size(p)));
  const hide = complementarySuppression(values, [{ total: 'total', parts: parts.map((_, i) => String(i)) }]);
  const out = (g: Guarded<T>, key: string): Guarded<T> => (hide.has(key) ? { suppressed: true } : g);
  return { parts: parts.map((p, i) => out(p, String(i))), total: out(total, 'total') };
}
