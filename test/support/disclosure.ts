/**
 * The attacker of the suppression tests: given published equations total = Σ parts, where a hidden
 * figure is a string (the suppression mark), it solves every equation with exactly one unknown,
 * uses what it learnt to solve more, and returns every hidden figure it could work out.
 */
export type Published = number | string | null;
export interface Equation {
  name: string;
  total: { key: string; value: Published };
  parts: { key: string; value: Published }[];
}

export function recoverHidden(equations: readonly Equation[]): Record<string, number> {
  const known = new Map<string, number>();
  for (const e of equations)
    for (const c of [e.total, ...e.parts]) if (typeof c.value === 'number') known.set(c.key, c.value);
  const recovered: Record<string, number> = {};
  let progress = true;
  while (progress) {
    progress = false;
    for (const e of equations) {
      const cells = [e.total, ...e.parts];
      const unknown = cells.filter((c) => !known.has(c.key));
      if (unknown.length !== 1) continue;
      const u = unknown[0]!;
      const partsKnown = e.parts.filter((p) => p.key !== u.key).reduce((n, p) => n + known.get(p.key)!, 0);
      const value = u.key === e.total.key ? partsKnown : known.get(e.total.key)! - partsKnown;
      known.set(u.key, value);
      recovered[`${e.name}: ${u.key}`] = value;
      progress = true;
    }
  }
  return recovered;
}
