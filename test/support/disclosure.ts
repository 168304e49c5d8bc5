/**
 * The attacker of the suppression tests. Given the equations a reader sees in a report (a total is
 * the sum of its parts), with a hidden figure given as a string (the suppression mark), it solves
 * all of them together in exact rational arithmetic and returns every hidden figure it can pin down,
 * by name. Written apart from the production code on purpose: the test must not share its blind spots.
 */
export type Published = number | string | null;
export interface Cell {
  key: string;
  value: Published;
}
export interface Equation {
  total: Cell;
  parts: Cell[];
}

type Q = [bigint, bigint]; // numerator, denominator > 0
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d: bigint = 1n): Q => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? [-n / g, -d / g] : [n / g, d / g];
};
const sub = (a: Q, b: Q): Q => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
const mul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
const div = (a: Q, b: Q): Q => q(a[0] * b[1], a[1] * b[0]);

export function recoverHidden(equations: readonly Equation[]): Record<string, number> {
  const unknowns = [
    ...new Set(
      equations
        .flatMap((e) => [e.total, ...e.parts])
        .filter((c) => typeof c.value !== 'number')
        .map((c) => c.key),
    ),
  ];
  const col = new Map(unknowns.map((k, i) => [k, i]));
  const width = unknowns.length + 1;
  const rows: Q[][] = equations.map((e) => {
    const row: Q[] = Array.from({ length: width }, () => q(0n));
    const put = (c: Cell, sign: bigint) => {
      const i = col.get(c.key);
      if (i === undefined) row[width - 1] = sub(row[width - 1]!, q(sign * BigInt(c.value as number)));
      else row[i] = q(row[i]![0] + sign * row[i]![1], row[i]![1]);
    };
    e.parts.forEach((c) => put(c, 1n));
    put(e.total, -1n);
    return row;
  });
  let r = 0;
  for (let c = 0; c < unknowns.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && row[c]![0] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const f = rows[r]![c]!;
    rows[r] = rows[r]!.map((x) => div(x, f));
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i]![c]![0] === 0n) continue;
      const m = rows[i]![c]!;
      rows[i] = rows[i]!.map((x, j) => sub(x, mul(m, rows[r]![j]!)));
    }
    r++;
  }
  const out: Record<string, number> = {};
  for (const row of rows) {
    const nz = row.slice(0, -1).flatMap((x, i) => (x[0] !== 0n ? [i] : []));
    if (nz.length !== 1) continue;
    const [n, d] = row[width - 1]!;
    // The last column holds the shown figures moved to the right-hand side: x = that.
    out[unknowns[nz[0]!]!] = Number(n) / Number(d);
  }
  return out;
}

/** The hidden figures the attacker pins down that are small (1–4): each one is a leak. */
export function smallRecovered(equations: readonly Equation[]): Record<string, number> {
  return Object.fromEntries(Object.entries(recoverHidden(equations)).filter(([, v]) => v > 0 && v < 5));
}

type LadderLike = {
  positionsStart: Record<string, Published>;
  positionsEnd: Record<string, Published>;
  pairs: { from: number | null; to: number | null; direction: string; count: Published }[];
  moves: Record<string, Published>;
  moved: Published;
};

/** Everything a reader can add up in a ladder-movements result: rows, columns, directions, moved. */
export function ladderEquations(f: LadderLike): Equation[] {
  const pair = (p: LadderLike['pairs'][number]) => ({ key: `${p.from}->${p.to}`, value: p.count });
  const eqs: Equation[] = [];
  for (const [s, v] of Object.entries(f.positionsStart))
    eqs.push({
      total: { key: `start ${s}`, value: v },
      parts: f.pairs.filter((p) => String(p.from) === s).map(pair),
    });
  for (const [s, v] of Object.entries(f.positionsEnd))
    eqs.push({
      total: { key: `end ${s}`, value: v },
      parts: f.pairs.filter((p) => String(p.to) === s).map(pair),
    });
  for (const [d, v] of Object.entries(f.moves))
    eqs.push({ total: { key: d, value: v }, parts: f.pairs.filter((p) => p.direction === d).map(pair) });
  eqs.push({
    total: { key: 'moved', value: f.moved },
    parts: Object.entries(f.moves).map(([d, v]) => ({ key: d, value: v })),
  });
  return eqs;
}
