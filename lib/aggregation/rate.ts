// Rates as counts and denominators (docs/decisions/0009-aggregation.md). Aggregation never
// rounds or formats: a rate travels as `{ count, n }` (or `{ count, population }`) and becomes a
// fraction only when a caller asks for one; lib/format.ts turns it into "12.3%" at display time.
// Every helper here returns null — never NaN or Infinity — when a denominator is missing or 0.

/** count out of n. n = 0 means "no denominator": the rate is undefined, not 0%. */
export type TRate = { count: number; n: number };

/** count per population (e.g. per 10,000 people aged 65+). population null = unknown. */
export type TPopulationRate = { count: number; population: number | null };

/** A current and a previous value of the same rate, and the change of their fractions. */
export type TRateChange = { current: TRate | null; previous: TRate | null; delta: number | null };

export const rate = (count: number, n: number): TRate => ({ count, n });

/** count / n as a fraction (0–1 for proper rates); null when n <= 0. */
export function rateValue(r: TRate | null | undefined): number | null {
  if (!r || r.n <= 0) return null;
  return r.count / r.n;
}

export const PER_POPULATION = 10_000;

/** count per 10,000 people; null when the population is unknown or not positive. */
export function per10kValue(r: TPopulationRate | null | undefined): number | null {
  if (!r || r.population === null || r.population <= 0) return null;
  return (r.count / r.population) * PER_POPULATION;
}

/** Difference of two fractions (current − previous); null when either side is undefined. */
export function rateDelta(current: TRate | null | undefined, previous: TRate | null | undefined): number | null {
  const c = rateValue(current);
  const p = rateValue(previous);
  return c === null || p === null ? null : c - p;
}

export function rateChange(current: TRate | null, previous: TRate | null): TRateChange {
  return { current, previous, delta: rateDelta(current, previous) };
}

/**
 * Exact order of two rates by cross-multiplication (no floating-point division): -1 when a < b,
 * 0 when equal, 1 when a > b; null when either is undefined. Counts up to ~10^7 stay exact.
 */
export function compareRates(a: TRate, b: TRate): -1 | 0 | 1 | null {
  if (a.n <= 0 || b.n <= 0) return null;
  return sign(a.count * b.n - b.count * a.n);
}

/** Exact order of two per-population rates; null when either population is unknown or 0. */
export function comparePopulationRates(a: TPopulationRate, b: TPopulationRate): -1 | 0 | 1 | null {
  if (a.population === null || b.population === null || a.population <= 0 || b.population <= 0) return null;
  return sign(a.count * b.population - b.count * a.population);
}

function sign(x: number): -1 | 0 | 1 {
  return x < 0 ? -1 : x > 0 ? 1 : 0;
}
