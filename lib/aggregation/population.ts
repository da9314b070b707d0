// The population of a group (zone, prefecture, any set of municipalities) for per-10,000 rates.
// Population is context, not a counter: it belongs to municipalities, not to reports, so it is
// summed over the group's municipalities by the caller and never stored in the counters.

/** Field names as on the Municipality table, so rows can be passed as they are. */
export type TMunicipalPopulation = {
  populationTotal?: number | null;
  population65?: number | null;
  population75?: number | null;
};

/** null = unknown: at least one municipality of the group has no figure (or the group is empty). */
export type TPopulation = { total: number | null; age65: number | null; age75: number | null };

export const UNKNOWN_POPULATION: TPopulation = Object.freeze({ total: null, age65: null, age75: null });

/**
 * Sums the municipalities' figures. A figure missing for any municipality makes the group's
 * figure null, never a partial sum: a partial sum understates the population and so overstates
 * every per-10,000 rate, which is worse than showing none.
 */
export function sumPopulations(rows: readonly TMunicipalPopulation[]): TPopulation {
  return {
    total: sumComplete(rows.map((r) => r.populationTotal)),
    age65: sumComplete(rows.map((r) => r.population65)),
    age75: sumComplete(rows.map((r) => r.population75)),
  };
}

function sumComplete(values: readonly (number | null | undefined)[]): number | null {
  if (values.length === 0) return null;
  let total = 0;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v) || v < 0) return null;
    total += v;
  }
  return total;
}
