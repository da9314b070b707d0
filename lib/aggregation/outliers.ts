// Outliers against peers (issue 16): which count answers of a report lie far from those of its
// peers — the same institution kind in the same zone, or in the whole prefecture when the zone has
// too few. Robust statistics only: fee and visit counts are skewed and zero-heavy, so a mean ± SD
// would be dragged by the few large institutions and flag half the small ones
// (docs/decisions/0020-review-flags-and-queries.md). Pure: counts in, flags out, never text.

export type TOutlierScale = "linear" | "log1p";

export type TOutlierOptions = {
  /** Least peers with an answer for a distribution to be used (else the wider scope, else none). */
  minPeers: number;
  /** Modified z-score beyond which a value is an outlier (Iglewicz & Hoaglin: 3.5). */
  threshold: number;
  /** Tukey's k for the quantile fences used when the MAD is 0 (3 = "far out"). */
  fenceK: number;
  /** Least peers off the typical value for the last-resort rule (MAD and IQR both 0). */
  minActive: number;
  /** Counts are compared on log(1 + x): a doubling weighs the same for a small and a large clinic. */
  scale: TOutlierScale;
};

export const OUTLIER_DEFAULTS: TOutlierOptions = {
  minPeers: 10,
  threshold: 3.5,
  fenceK: 3,
  minActive: 5,
  scale: "log1p",
};

/** 0.6745 = Φ⁻¹(0.75): makes the MAD of normal data comparable to its standard deviation. */
const MAD_CONSISTENCY = 0.6745;

/**
 * How the fences were found: `mad` median ± threshold·MAD/0.6745; `iqr` Tukey fences (the MAD
 * was 0: more than half the peers share one value); `active` the MAD of the peers off the
 * typical value (over three quarters share it, e.g. most clinics report 0).
 */
export type TOutlierMethod = "mad" | "iqr" | "active";

/** The peers' distribution of one item, in the item's own units (fences back-transformed). */
export type TPeerDistribution = {
  n: number;
  median: number;
  /** MAD on the comparison scale (log1p units when scale is log1p). */
  mad: number;
  q1: number;
  q3: number;
  method: TOutlierMethod;
  /** Values below `lower` or above `upper` are outliers; the median itself never is. */
  lower: number;
  upper: number;
};

/** Quantile by linear interpolation between order statistics (R type 7); `sorted` ascending. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * p;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function median(sorted: readonly number[]): number {
  return quantile(sorted, 0.5);
}

/** Median absolute deviation from `center`. */
export function mad(values: readonly number[], center: number): number {
  return median(values.map((v) => Math.abs(v - center)).sort((a, b) => a - b));
}

const forward = (scale: TOutlierScale) => (scale === "log1p" ? Math.log1p : (x: number) => x);
const backward = (scale: TOutlierScale) => (scale === "log1p" ? Math.expm1 : (x: number) => x);

/**
 * The distribution of peers' values and its outlier fences; null when there are fewer than
 * `minPeers` values or no spread to judge by (every rule's scale is 0).
 */
export function describePeers(
  values: readonly number[],
  options: TOutlierOptions = OUTLIER_DEFAULTS,
): TPeerDistribution | null {
  if (values.length < options.minPeers) return null;
  const to = forward(options.scale);
  const from = backward(options.scale);
  const t = values.map(to).sort((a, b) => a - b);
  const center = median(t);
  const spread = mad(t, center);
  const q1 = quantile(t, 0.25);
  const q3 = quantile(t, 0.75);
  const base = { n: values.length, median: from(center), mad: spread, q1: from(q1), q3: from(q3) };
  const reach = options.threshold / MAD_CONSISTENCY;
  if (spread > 0) {
    return { ...base, method: "mad", lower: from(center - reach * spread), upper: from(center + reach * spread) };
  }
  const iqr = q3 - q1;
  if (iqr > 0) {
    return {
      ...base,
      method: "iqr",
      lower: from(q1 - options.fenceK * iqr),
      upper: from(q3 + options.fenceK * iqr),
    };
  }
  // Over three quarters share the typical value (most clinics: 0). Being off it is not odd in
  // itself — it is the minority that does the thing; among that minority, who is extreme?
  const active = t.filter((v) => v !== center);
  if (active.length < options.minActive) return null;
  const activeCenter = median(active);
  const activeSpread = mad(active, activeCenter);
  if (activeSpread === 0) return null;
  return {
    ...base,
    method: "active",
    lower: from(activeCenter - reach * activeSpread),
    upper: from(activeCenter + reach * activeSpread),
  };
}

/** "high" / "low" when the value lies outside the fences; the peers' median is never an outlier. */
export function outlierDirection(value: number, peers: TPeerDistribution): "high" | "low" | null {
  if (value === peers.median) return null;
  if (value > peers.upper) return "high";
  if (value < peers.lower) return "low";
  return null;
}

export type TOutlierSubject = {
  id: string;
  /** Institution kind (peers are of the same kind). */
  kind: string;
  /** Zone of the subject's municipality in the default scheme; null = prefecture peers only. */
  zone: string | null;
  /** Count answers by item key (answered items only). */
  values: Readonly<Record<string, number>>;
};

export type TOutlierFlag = {
  subjectId: string;
  itemKey: string;
  value: number;
  direction: "high" | "low";
  /** Whose distribution judged it: the zone's peers, or the prefecture's (zone too small). */
  scope: "zone" | "prefecture";
  peers: TPeerDistribution;
};

/**
 * Every outlier among `subjects` for `itemKeys`: each value against its kind-and-zone peers, or
 * its kind's prefecture-wide peers when the zone has fewer than `minPeers` answers for the item.
 */
export function findOutliers(
  subjects: readonly TOutlierSubject[],
  itemKeys: readonly string[],
  options: TOutlierOptions = OUTLIER_DEFAULTS,
): TOutlierFlag[] {
  const flags: TOutlierFlag[] = [];
  for (const itemKey of itemKeys) {
    const byZone = new Map<string, number[]>();
    const byKind = new Map<string, number[]>();
    for (const s of subjects) {
      const v = s.values[itemKey];
      if (typeof v !== "number" || !Number.isFinite(v)) continue;
      push(byKind, s.kind, v);
      if (s.zone !== null) push(byZone, `${s.kind}\u0000${s.zone}`, v);
    }
    const zoneDist = describeAll(byZone, options);
    const kindDist = describeAll(byKind, options);
    for (const s of subjects) {
      const value = s.values[itemKey];
      if (typeof value !== "number" || !Number.isFinite(value)) continue;
      const zonePeers = s.zone !== null ? zoneDist.get(`${s.kind}\u0000${s.zone}`) : undefined;
      const peers = zonePeers ?? kindDist.get(s.kind);
      if (!peers) continue;
      const direction = outlierDirection(value, peers);
      if (direction)
        flags.push({ subjectId: s.id, itemKey, value, direction, scope: zonePeers ? "zone" : "prefecture", peers });
    }
  }
  return flags;
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function describeAll(groups: Map<string, number[]>, options: TOutlierOptions): Map<string, TPeerDistribution> {
  const out = new Map<string, TPeerDistribution>();
  for (const [key, values] of groups) {
    // Too few answers for this scope: the caller falls back to the wider one.
    if (values.length < options.minPeers) continue;
    const d = describePeers(values, options);
    if (d) out.set(key, d);
  }
  return out;
}
