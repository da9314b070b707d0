// Number formatting for screens, exports and PDFs alike. Aggregations return counts and
// denominators; percentages are computed and rounded only here, at display time.
const integer = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 0 });

export function formatInteger(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : integer.format(value);
}

/** 12.3% from a count and its denominator; "—" when there is no denominator. */
export function formatRate(count: number, n: number, digits = 1): string {
  if (n <= 0) return "—";
  return `${((count / n) * 100).toFixed(digits)}%`;
}

/** A share in [0, 1] → "12.3%"; null → "—". */
export function formatShare(share: number | null | undefined, digits = 1): string {
  return share === null || share === undefined || !Number.isFinite(share) ? "—" : `${(share * 100).toFixed(digits)}%`;
}

/** Per-10,000 rate (e.g. per 10,000 people aged 65+), one decimal; "—" without population. */
export function formatPer10k(count: number, population: number | null | undefined): string {
  if (!population || population <= 0) return "—";
  return ((count / population) * 10_000).toFixed(1);
}

/**
 * A signed difference with one decimal: "+3.2", "−1.0". A real difference too small to show at
 * one decimal says so ("−0.1未満") instead of reading as no difference; only an exact 0 is "±0.0".
 * "—" when unknown. The suffix follows the number ("pt").
 */
export function formatSignedDifference(value: number | null | undefined, suffix = "", digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const magnitude = Math.abs(value).toFixed(digits);
  const sign = value > 0 ? "+" : "−";
  if (Number(magnitude) !== 0) return `${sign}${magnitude}${suffix}`;
  if (value === 0) return `±${magnitude}${suffix}`;
  return `${sign}${(10 ** -digits).toFixed(digits)}${suffix}未満`;
}

/** Signed percentage-point delta of two shares: "+3.2pt", "−1.0pt", "−0.1pt未満", "±0.0pt"; "—" when unknown. */
export function formatPointDelta(delta: number | null | undefined, digits = 1): string {
  return formatSignedDifference(delta === null || delta === undefined ? delta : delta * 100, "pt", digits);
}
