// Robust outliers against peers: hand-computed cases for each rule (MAD, Tukey fences when the MAD
// is 0, the active minority when over three quarters share one value), the log1p scale, the
// minimum number of peers and the fall-back from zone to prefecture.
import { describe, expect, it } from "vitest";
import {
  OUTLIER_DEFAULTS,
  describePeers,
  findOutliers,
  mad,
  median,
  outlierDirection,
  quantile,
  type TOutlierOptions,
  type TOutlierSubject,
} from "./outliers";

const LINEAR: TOutlierOptions = { ...OUTLIER_DEFAULTS, scale: "linear", minPeers: 5 };
const zeros = (n: number) => Array.from({ length: n }, () => 0);

describe("order statistics", () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2.5],
    [[1, 2, 3, 4, 5], 0.25, 2],
    [[0, 10], 0.75, 7.5],
    [[7], 0.9, 7],
  ])("quantile(%j, %d) = %d", (sorted, p, expected) => {
    expect(quantile(sorted, p)).toBeCloseTo(expected, 10);
  });
  it("an empty list has no quantile", () => expect(quantile([], 0.5)).toBeNaN());
  it("median and MAD of a hand-computed list", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    expect(median(values)).toBe(5.5);
    // |x − 5.5| sorted: 0.5 0.5 1.5 1.5 2.5 2.5 3.5 3.5 4.5 94.5 → median 2.5
    expect(mad(values, 5.5)).toBe(2.5);
  });
});

describe("describePeers (hand-computed)", () => {
  it("MAD rule: median 5.5, MAD 2.5, fences 5.5 ± 3.5/0.6745 × 2.5", () => {
    const d = describePeers([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], LINEAR)!;
    const reach = (3.5 / 0.6745) * 2.5; // 12.9726…
    expect(d).toMatchObject({ n: 10, median: 5.5, mad: 2.5, method: "mad" });
    expect(d.upper).toBeCloseTo(5.5 + reach, 10);
    expect(d.upper).toBeCloseTo(18.4726, 3);
    expect(d.lower).toBeCloseTo(5.5 - reach, 10);
    expect(outlierDirection(100, d)).toBe("high");
    expect(outlierDirection(18, d)).toBeNull();
    expect(outlierDirection(19, d)).toBe("high");
  });

  it("MAD 0 (over half share 0): Tukey fences Q1 − 3·IQR, Q3 + 3·IQR", () => {
    // 13 values: eight 0s, 5 7 9 11 300 → median 0, MAD 0; Q1 = 0, Q3 = x[9] = 7, IQR 7 → upper 28
    const d = describePeers([...zeros(8), 5, 7, 9, 11, 300], LINEAR)!;
    expect(d).toMatchObject({ median: 0, mad: 0, q1: 0, q3: 7, method: "iqr", lower: -21, upper: 28 });
    expect(outlierDirection(300, d)).toBe("high");
    expect(outlierDirection(11, d)).toBeNull();
    expect(outlierDirection(0, d)).toBeNull();
  });

  it("MAD and IQR 0 (over three quarters share 0): judged among the active minority", () => {
    // 21 values: sixteen 0s, 5 7 9 11 300 → Q1 = Q3 = 0; active 5 7 9 11 300: median 9, MAD 2
    const d = describePeers([...zeros(16), 5, 7, 9, 11, 300], LINEAR)!;
    expect(d.method).toBe("active");
    expect(d.upper).toBeCloseTo(9 + (3.5 / 0.6745) * 2, 10); // 19.378…
    expect(outlierDirection(300, d)).toBe("high");
    expect(outlierDirection(11, d)).toBeNull();
    expect(d.lower).toBeCloseTo(9 - (3.5 / 0.6745) * 2, 10); // −1.378…
    expect(outlierDirection(0, d)).toBeNull();
  });

  it("the typical value is never an outlier, even below the active minority's fence", () => {
    // active 50 52 54 56 58: median 54, MAD 2 → lower 43.6 > 0, yet 0 (the peers' median) is not flagged
    const d = describePeers([...zeros(16), 50, 52, 54, 56, 58], LINEAR)!;
    expect(d.method).toBe("active");
    expect(d.lower).toBeCloseTo(54 - (3.5 / 0.6745) * 2, 10);
    expect(outlierDirection(0, d)).toBeNull();
    expect(outlierDirection(30, d)).toBe("low");
  });

  it("no spread at all, or too few active peers: no distribution to judge by", () => {
    expect(describePeers(zeros(30), LINEAR)).toBeNull();
    expect(describePeers([...zeros(30), 4, 400], LINEAR)).toBeNull();
  });

  it("fewer than minPeers values: none", () => {
    expect(describePeers([1, 2, 3, 4], LINEAR)).toBeNull();
    expect(describePeers([1, 2, 3, 4, 5, 6, 7, 8, 9], OUTLIER_DEFAULTS)).toBeNull();
  });

  it("log1p scale: fences are back-transformed to counts (asymmetric around the median)", () => {
    const values = [3, 5, 7, 9, 10, 12, 15, 20, 30, 40];
    const t = values.map(Math.log1p).sort((a, b) => a - b);
    const center = median(t);
    const spread = mad(t, center);
    const d = describePeers(values, OUTLIER_DEFAULTS)!;
    expect(d.method).toBe("mad");
    expect(d.median).toBeCloseTo(Math.expm1(center), 10); // 11 = expm1((ln 11 + ln 13)/2)… ≈ 10.96
    expect(d.upper).toBeCloseTo(Math.expm1(center + (3.5 / 0.6745) * spread), 10);
    expect(d.lower).toBeCloseTo(Math.expm1(center - (3.5 / 0.6745) * spread), 10);
    // On a log scale 400 is an outlier for these peers, 60 (six times the median) is not.
    expect(outlierDirection(400, d)).toBe("high");
    expect(outlierDirection(60, d)).toBeNull();
  });
});

describe("findOutliers", () => {
  const subject = (id: string, zone: string | null, value: number | undefined, kind = "CLINIC"): TOutlierSubject => ({
    id,
    kind,
    zone,
    values: value === undefined ? {} : { visits: value },
  });
  const options: TOutlierOptions = { ...LINEAR, minPeers: 5 };

  it("judges against the zone's peers of the same kind", () => {
    const subjects = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((v, i) => subject(`a${i}`, "A", v)),
      subject("odd", "A", 100),
      // Zone B is large-valued: 100 is normal there.
      ...[90, 95, 100, 105, 110, 100].map((v, i) => subject(`b${i}`, "B", v)),
    ];
    const flags = findOutliers(subjects, ["visits"], options);
    expect(flags.map((f) => [f.subjectId, f.direction, f.scope])).toEqual([["odd", "high", "zone"]]);
    expect(flags[0]!.peers).toMatchObject({ n: 10, median: 5.5, mad: 2.5 });
  });

  it("falls back to the prefecture's peers of the kind when the zone has too few answers", () => {
    const subjects = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((v, i) => subject(`a${i}`, "A", v)),
      subject("small-zone", "C", 100),
      subject("c1", "C", 4),
      subject("no-zone", null, 60),
    ];
    const flags = findOutliers(subjects, ["visits"], options);
    const bySubject = new Map(flags.map((f) => [f.subjectId, f]));
    expect(bySubject.get("small-zone")).toMatchObject({ scope: "prefecture", direction: "high" });
    expect(bySubject.get("small-zone")!.peers.n).toBe(12);
    expect(bySubject.get("no-zone")).toMatchObject({ scope: "prefecture", direction: "high" });
    expect(bySubject.has("c1")).toBe(false);
  });

  it("never mixes kinds, skips missing answers, and flags nothing without enough peers", () => {
    const subjects = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v, i) => subject(`c${i}`, "A", v)),
      subject("hospital", "A", 500, "HOSPITAL"),
      subject("missing", "A", undefined),
    ];
    const flags = findOutliers(subjects, ["visits"], options);
    expect(flags).toEqual([]);
  });
});
