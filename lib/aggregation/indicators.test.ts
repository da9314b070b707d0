import { describe, expect, it } from "vitest";
import { MINI_F1, MINI_V2, miniReport } from "@/tests/fixtures/aggregation/mini-definitions";
import { countClinicReports, type TClinicReportInput } from "./clinic-counters";
import { summarizeClinic, type TClinicSummary } from "./clinic-summary";
import {
  CLINIC_INDICATORS,
  compareWithReference,
  findIndicator,
  issueCandidates,
  MIN_N_FOR_COMPARISON,
  rankGroups,
  readIndicator,
  MATERIAL_GAP,
  MAX_COVERAGE_GAP_POINTS,
  type TIndicator,
  type TMaterialGap,
} from "./indicators";
import { PRIMARY_CARE_AREAS, SECONDARY_FUNCTION_KEYS } from "./clinic-tags";
import type { TPopulation } from "./population";

/** A group of n reports: `f2i` with 1号 and (イ) 有り, `f1` more with 1号 only, the rest without 1号. */
function group(n: number, f1: number, f2i: number, age65: number | null = 10_000): TClinicSummary {
  const reports: TClinicReportInput[] = [];
  for (let i = 0; i < n; i++) {
    if (i < f2i) reports.push(miniReport({ ...MINI_F1, i_system: "p2" }));
    else if (i < f2i + f1) reports.push(miniReport(MINI_F1));
    else reports.push(miniReport({ f1_notice: false, f1_areas: ["1"], f1_consult: true }));
  }
  const population: TPopulation = { total: null, age65, age75: null };
  return summarizeClinic(countClinicReports(reports), { population, definition: MINI_V2 });
}

const indicator = (key: string) => findIndicator(key)!;
const judge = (g: TClinicSummary, ref: TClinicSummary, key: string, minN?: number, minGap?: TMaterialGap) =>
  compareWithReference(g, ref, { indicators: [indicator(key)], minN, minGap })[0]!;

describe("the catalogue", () => {
  it("has unique keys, Japanese labels, and covers 1号, each 2号 function and the 17 areas", () => {
    const keys = CLINIC_INDICATORS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of CLINIC_INDICATORS) expect(i.label).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(keys).toContain("f1.has");
    for (const fn of SECONDARY_FUNCTION_KEYS) {
      expect(keys).toEqual(
        expect.arrayContaining([
          `${fn}.has`,
          `${fn}.hasOverPrimary`,
          `${fn}.per10k65`,
          `${fn}.per10k75`,
          `${fn}.intent`,
        ]),
      );
    }
    expect(CLINIC_INDICATORS.filter((i) => i.group === "areas")).toHaveLength(PRIMARY_CARE_AREAS.length);
    expect(indicator("f2i.intent").higherIsBetter).toBeNull();
  });

  it("is plain data (JSON round trip keeps it)", () => {
    expect(JSON.parse(JSON.stringify(CLINIC_INDICATORS))).toEqual(CLINIC_INDICATORS);
  });
});

describe("readIndicator", () => {
  const g = group(10, 2, 3);

  it.each([
    ["f1.has", { unit: "share", count: 5, n: 10, value: 0.5, base: 10 }],
    ["f2i.has", { unit: "share", count: 3, n: 10, value: 0.3, base: 10 }],
    ["f2i.hasOverPrimary", { unit: "share", count: 3, n: 5, value: 0.6, base: 5 }],
    ["f1.per10k65", { unit: "per10k", count: 5, population: 10_000, value: 5, base: 10 }],
    ["f1.per10k75", { unit: "per10k", count: 5, population: null, value: null, base: 10 }],
    ["area.1", { unit: "share", count: 10, n: 10, value: 1, base: 10 }],
    // Not in the mini definition at all: (ロ) and careConference read as n = 0.
    ["f2ro.has", { unit: "share", count: 0, n: 0, value: null, base: 0 }],
    ["f2ro.per10k65", { unit: "per10k", count: 0, population: 10_000, value: null, base: 0 }],
    ["careConference.has", { unit: "share", count: 0, n: 0, value: null, base: 0 }],
    ["homeVisitCount.positive", { unit: "share", count: 0, n: 10, value: 0, base: 10 }],
  ])("%s", (key, expected) => {
    expect(readIndicator(g, indicator(key))).toEqual(expected);
  });
});

describe("compareWithReference: the minimum-n rule and the judgements", () => {
  it.each([
    // [name, group, reference, key, minN, judgement]
    [
      "lower with enough reports on both sides → below",
      group(10, 5, 0),
      group(20, 12, 0),
      "f1.has",
      undefined,
      "below",
    ],
    [
      "same rate written differently (5/10 vs 10/20) → not below",
      group(10, 5, 0),
      group(20, 10, 0),
      "f1.has",
      undefined,
      "notBelow",
    ],
    ["higher → not below", group(10, 7, 0), group(20, 10, 0), "f1.has", undefined, "notBelow"],
    [
      "group under the minimum (9 < 10) → 参考値",
      group(9, 1, 0),
      group(20, 18, 0),
      "f1.has",
      undefined,
      "insufficientN",
    ],
    ["reference under the minimum → 参考値", group(10, 1, 0), group(9, 9, 0), "f1.has", undefined, "insufficientN"],
    ["a lower minimum lets a small group be judged", group(9, 1, 0), group(20, 18, 0), "f1.has", 5, "below"],
    ["no reports in the group → no data", group(0, 0, 0), group(20, 10, 0), "f1.has", undefined, "noData"],
    // over 1号: the base is the 1号 count, not n
    [
      "over 1号 with only 4 reports having 1号 → 参考値",
      group(20, 4, 0),
      group(20, 15, 5),
      "f2i.hasOverPrimary",
      undefined,
      "insufficientN",
    ],
    // per 65+: judged on the reports counted; unknown population → no data
    [
      "per 65+: fewer per head → below",
      group(10, 4, 0, 20_000),
      group(10, 4, 0, 10_000),
      "f1.per10k65",
      undefined,
      "below",
    ],
    [
      "per 65+: unknown population → no data",
      group(10, 4, 0, null),
      group(10, 4, 0, 10_000),
      "f1.per10k65",
      undefined,
      "noData",
    ],
    ["意向有り has no direction → neutral", group(10, 0, 0), group(20, 0, 0), "f2i.intent", undefined, "neutral"],
    // The material gap: 5 share points, 10 % of a per-10,000 rate (both inclusive).
    ["exactly 5 points lower (55% vs 60%) → below", group(20, 11, 0), group(20, 12, 0), "f1.has", undefined, "below"],
    [
      "4 points lower (56% vs 60%) → わずかに下回る",
      group(100, 56, 0),
      group(20, 12, 0),
      "f1.has",
      undefined,
      "slightlyBelow",
    ],
    [
      "per 65+: exactly 10 % fewer (9 vs 10) → below",
      group(10, 9, 0),
      group(10, 10, 0),
      "f1.per10k65",
      undefined,
      "below",
    ],
    [
      "per 65+: 5 % fewer (19 vs 20) → わずかに下回る",
      group(20, 19, 0),
      group(20, 20, 0),
      "f1.per10k65",
      undefined,
      "slightlyBelow",
    ],
  ] as const)("%s", (_name, g, ref, key, minN, expected) => {
    const c = judge(g, ref, key, minN);
    expect(c.judgement).toBe(expected);
    expect(c.below).toBe(expected === "below");
  });

  it("differences are unrounded value − reference, null without data (never NaN)", () => {
    expect(judge(group(10, 5, 0), group(20, 12, 0), "f1.has").difference).toBeCloseTo(0.5 - 0.6, 15);
    expect(judge(group(0, 0, 0), group(20, 12, 0), "f1.has").difference).toBeNull();
    expect(judge(group(10, 4, 0, 20_000), group(10, 4, 0, 10_000), "f1.per10k65").difference).toBeCloseTo(2 - 4, 12);
  });

  it("a lower-is-better indicator is below when it is materially higher", () => {
    const fewerIsBetter: TIndicator = { ...indicator("f1.has"), key: "x", higherIsBetter: false };
    const [c] = compareWithReference(group(10, 7, 0), group(10, 5, 0), { indicators: [fewerIsBetter] });
    expect(c!.judgement).toBe("below");
    const [slight] = compareWithReference(group(100, 52, 0), group(100, 50, 0), { indicators: [fewerIsBetter] });
    expect(slight!.judgement).toBe("slightlyBelow");
  });

  it("per-10,000 rates are 参考値 when the two sides' coverage differs by more than 5 points", () => {
    // Same counts and population, but the zone's 10 reports are 10 of 20 respondents (50 %) and
    // the reference's are all its respondents: fewer per head only because fewer have reported.
    const halfReported = (s: TClinicSummary): TClinicSummary => ({
      ...s,
      status: { ...s.status, respondents: s.n * 2 },
    });
    const zone = halfReported(group(10, 4, 0, 20_000));
    const ref = group(10, 4, 0, 10_000);
    expect(judge(zone, ref, "f1.per10k65").judgement).toBe("coverageDiffers");
    // Shares are not affected: they are over the reports themselves.
    expect(judge(zone, group(20, 12, 0), "f1.has").judgement).toBe("below");
    // 96 % against 100 % is close enough to compare.
    const nearlyAll = (s: TClinicSummary): TClinicSummary => ({ ...s, status: { ...s.status, respondents: 26 } });
    expect(judge(nearlyAll(group(25, 8, 0, 20_000)), group(25, 8, 0, 10_000), "f1.per10k65").judgement).toBe("below");
    expect(MAX_COVERAGE_GAP_POINTS).toBe(5);
  });

  it("a zero gap flags any shortfall", () => {
    const c = judge(group(100, 56, 0), group(20, 12, 0), "f1.has", undefined, { sharePoints: 0, per10kPercent: 0 });
    expect(c.judgement).toBe("below");
  });

  it("the defaults are 10 reports and 5 points / 10 %", () => {
    expect(MIN_N_FOR_COMPARISON).toBe(10);
    expect(MATERIAL_GAP).toEqual({ sharePoints: 5, per10kPercent: 10 });
  });

  it("issueCandidates keeps the flagged ones in catalogue order", () => {
    const all = compareWithReference(group(10, 2, 1), group(20, 15, 10));
    const flagged = issueCandidates(all).map((c) => c.key);
    expect(flagged).toEqual(all.filter((c) => c.below).map((c) => c.key));
    // 3/10 vs 20/20; 3 vs 20 per 10,000; 1/10 vs 10/20; 1 vs 10 per 10,000. (イ) over 1号 rests on 3 reports: 参考値.
    expect(flagged).toEqual(["f1.has", "f1.per10k65", "f2i.has", "f2i.per10k65"]);
  });
});

describe("rankGroups", () => {
  it("ranks by direction, ties share a rank, small or empty groups are listed but unranked", () => {
    const groups = [
      { key: "a", label: "A", summary: group(10, 5, 0) }, // 0.5
      { key: "b", label: "B", summary: group(20, 10, 0) }, // 0.5 (tie)
      { key: "c", label: "C", summary: group(10, 3, 0) }, // 0.3
      { key: "d", label: "D", summary: group(5, 5, 0) }, // 1.0 but n 5 < 10
      { key: "e", label: "E", summary: group(0, 0, 0) }, // nothing
    ];
    const [f1] = rankGroups(groups, { indicators: [indicator("f1.has")] });
    expect(f1!.entries.map((e) => [e.key, e.rank, e.ranked])).toEqual([
      ["a", 1, true],
      ["b", 1, true],
      ["c", 3, true],
      ["d", null, false],
      ["e", null, false],
    ]);
    const [lower] = rankGroups(groups, { indicators: [{ ...indicator("f1.has"), higherIsBetter: false }] });
    expect(lower!.entries.map((e) => e.rank)).toEqual([2, 2, 1, null, null]);
    expect(rankGroups([], {})).toHaveLength(CLINIC_INDICATORS.length);
  });
});
