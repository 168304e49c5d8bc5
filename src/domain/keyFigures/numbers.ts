/** One decimal, as the seeds print their figures (87,6 days; 4,76 % is the one exception, see share). */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** A share in per cent with two decimals (seed 002 table 3 prints 4,76 %); null when there is no base. */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part * 10_000) / whole) / 100;
}

/** The mean with one decimal; null for no values. */
export function mean1(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const total = values.reduce((a, b) => a + b, 0);
  return Math.round((total * 10) / values.length) / 10;
}
