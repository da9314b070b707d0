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

/** Signed percentage-point delta: "+3.2pt", "−1.0pt", "±0.0pt"; "—" when unknown. */
export function formatPointDelta(delta: number | null | undefined, digits = 1): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return "—";
  const points = (delta * 100).toFixed(digits);
  if (Number(points) === 0) return `±${Math.abs(Number(points)).toFixed(digits)}pt`;
  return delta > 0 ? `+${points}pt` : `−${points.replace("-", "")}pt`;
}
