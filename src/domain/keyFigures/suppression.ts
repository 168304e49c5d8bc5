/**
 * Small-group suppression: a figure about fewer than five children, respondents or courses is not
 * shown, so no one can be recognised from a report (docs/privacy.md). An empty group
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

/**
 * Whether small groups are hidden depends on who reads the figure (SPEC "Disclosure by audience"):
 * a leader, an admin or the adviser sees exact counts of the cases they may open anyway; a reader
 * without access to the cases behind a figure (a coordinator, a document for the public), and every
 * reader of questionnaire answers, sees groups below `minGroupSize` hidden. Every calculation that
 * suppresses takes one, and defaults to hiding: forgetting it can only hide too much.
 */
export interface Disclosure {
  /** Groups of 1 to minGroupSize − 1 are hidden; 0 hides nothing. */
  minGroupSize: number;
}

/** For readers who may open every case behind the figure. */
export const EXACT: Disclosure = Object.freeze({ minGroupSize: 0 });
/** For everyone else, and always for questionnaire answers. */
export const SUPPRESSED: Disclosure = Object.freeze({ minGroupSize: MIN_GROUP_SIZE });

export function isSmallGroup(n: number, d: Disclosure = SUPPRESSED): boolean {
  return n > 0 && n < d.minGroupSize;
}

/** The figures of a group of `n`, or only the fact that they were suppressed (not even n is kept). */
export function guard<T extends object>(n: number, figures: () => T, d: Disclosure = SUPPRESSED): Guarded<T> {
  if (isSmallGroup(n, d)) return { suppressed: true };
  return { suppressed: false, n, ...figures() };
}

/** A published total and the published figures it is the sum of. */
export interface PublishedSum {
  total: string;
  parts: string[];
}

/**
 * Complementary suppression. `values` holds every published figure by key, `null` for one already
 * hidden; `sums` the additive relations a reader can see between them. Every small figure (1–4) is
 * hidden; then any sum with exactly one hidden member gets a second one hidden, and, since a reader
 * can combine sums (rows, columns and their totals), more are hidden until solving all the sums
 * together pins down no small figure (`determinedHidden`). A complement is the visible non-zero
 * figure first by `priority`, then the one leaving the fewest other sums with a single hidden
 * member (hiding where another sum needs it mends both, as a row and a column share a cell), then
 * the smallest. Returns the keys to hide.
 */
export function complementarySuppression(
  values: ReadonlyMap<string, number | null>,
  sums: readonly PublishedSum[],
  /** Lower is hidden first; by default parts (0) before totals (1). */
  priority?: (key: string) => number,
  d: Disclosure = SUPPRESSED,
): Set<string> {
  const hidden = new Set<string>();
  for (const [k, v] of values) if (v === null || isSmallGroup(v, d)) hidden.add(k);
  const primary = new Set(hidden);
  const totals = new Set(sums.map((s) => s.total));
  const rank = priority ?? ((k: string) => (totals.has(k) ? 1 : 0));
  const value = (k: string) => values.get(k) ?? 0;
  const visible = (k: string) => !hidden.has(k) && value(k) > 0;
  const hiddenIn = (s: PublishedSum) => [s.total, ...s.parts].filter((k) => hidden.has(k)).length;
  const sumsOf = new Map<string, PublishedSum[]>();
  for (const s of sums) for (const k of [s.total, ...s.parts]) sumsOf.set(k, [...(sumsOf.get(k) ?? []), s]);
  // Other sums hiding `k` would leave with a single hidden member, less those it would mend.
  const cost = (k: string, current?: PublishedSum) =>
    (sumsOf.get(k) ?? []).reduce((n, s) => {
      if (s === current) return n;
      const h = hiddenIn(s);
      return n + (h === 0 ? 1 : h === 1 ? -1 : 0);
    }, 0);
  const order = (keys: string[], current?: PublishedSum) =>
    keys
      .filter(visible)
      .sort(
        (a, b) =>
          rank(a) - rank(b) ||
          cost(a, current) - cost(b, current) ||
          value(a) - value(b) ||
          a.localeCompare(b),
      );
  const everyKey = [...new Set(sums.flatMap((s) => [s.total, ...s.parts]))];
  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const s of sums) {
        if (hiddenIn(s) !== 1) continue;
        const pick = order([s.total, ...s.parts], s)[0];
        if (pick === undefined) continue; // a hidden total of parts that are all 0: nothing to learn
        hidden.add(pick);
        changed = true;
      }
    }
    // A complement that can be worked out is no harm (it is 5 or more); a small one is.
    const pinned = (h: Set<string>) => determinedHidden(values, h, sums).filter((k) => primary.has(k));
    const before = pinned(hidden);
    if (before.length === 0) return hidden;
    // Hide the first figure (by priority) that frees a pinned small one, else the first there is.
    const candidates = order(everyKey);
    if (candidates.length === 0) return hidden;
    const frees = candidates.find((k) => pinned(new Set([...hidden, k])).length < before.length);
    hidden.add(frees ?? candidates[0]!);
  }
}

/**
 * The hidden figures a reader could compute from the published ones by solving all the sums
 * together (Gaussian elimination): a hidden figure is pinned when the reduced system has an
 * equation in it alone.
 */
export function determinedHidden(
  values: ReadonlyMap<string, number | null>,
  hidden: ReadonlySet<string>,
  sums: readonly PublishedSum[],
): string[] {
  const unknowns = [...hidden];
  const column = new Map(unknowns.map((k, i) => [k, i]));
  // Each sum: Σ parts − total = 0, with the shown figures moved to the constant.
  const rows = sums.map((s) => {
    const row = new Array<number>(unknowns.length + 1).fill(0);
    const add = (k: string, sign: number) => {
      const c = column.get(k);
      if (c === undefined) row[unknowns.length]! -= sign * (values.get(k) ?? 0);
      else row[c]! += sign;
    };
    s.parts.forEach((k) => add(k, 1));
    add(s.total, -1);
    return row;
  });
  const EPS = 1e-9;
  let r = 0;
  for (let c = 0; c < unknowns.length && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && Math.abs(row[c]!) > EPS);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivot = rows[r]!;
    const f = pivot[c]!;
    for (let j = 0; j <= unknowns.length; j++) pivot[j]! /= f;
    rows.forEach((row, i) => {
      if (i === r || Math.abs(row[c]!) < EPS) return;
      const m = row[c]!;
      for (let j = 0; j <= unknowns.length; j++) row[j]! -= m * pivot[j]!;
    });
    r++;
  }
  return rows
    .map((row) => row.slice(0, unknowns.length).flatMap((x, i) => (Math.abs(x) > EPS ? [i] : [])))
    .filter((nonZero) => nonZero.length === 1)
    .map((nonZero) => unknowns[nonZero[0]!]!);
}

/**
 * Groups shown beside their total (categories and "all", teams and the municipality): when one
 * group is hidden, another is hidden with it, or the total. Sizes are the groups' n.
 */
export function suppressComplementaryGroups<T>(
  parts: readonly Guarded<T>[],
  total: Guarded<T>,
  d: Disclosure = SUPPRESSED,
): { parts: Guarded<T>[]; total: Guarded<T> } {
  const size = (g: Guarded<T>) => (g.suppressed ? null : g.n);
  const values = new Map<string, number | null>([['total', size(total)]]);
  parts.forEach((p, i) => values.set(String(i), size(p)));
  const hide = complementarySuppression(
    values,
    [{ total: 'total', parts: parts.map((_, i) => String(i)) }],
    undefined,
    d,
  );
  const out = (g: Guarded<T>, key: string): Guarded<T> => (hide.has(key) ? { suppressed: true } : g);
  return { parts: parts.map((p, i) => out(p, String(i))), total: out(total, 'total') };
}
