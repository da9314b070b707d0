// The mapping from dashboard bundles to what the dashboards draw. Summaries are built from empty
// counters and given hand-written counts, so every expected figure below is worked out by hand
// from those counts, never with the code under test.
import { describe, expect, it } from "vitest";
import {
  compareSummaries,
  compareWithReference,
  compareMatchedHubs,
  countHubReports,
  emptyClinicCounters,
  summarizeClinic,
  summarizeHub,
  summarizeHubGroup,
  type TClinicSummary,
  type TResponseStatus,
} from "@/lib/aggregation";
import type { THubScores } from "@/lib/questionnaire/score";
import type { THubRow, TInstitutionStatusRow, TNationalDashboard } from "./types";
import { areaHeatmap, hubDutyHeatmap } from "./heatmaps";
import { changeRows, comparisonRows, issueSummary } from "./indicator-rows";
import {
  JUDGEMENT_TEXTS,
  directionOf,
  judgementTone,
  differenceText,
  groupLabel,
  readingDetail,
  readingText,
  outlierDirectionText,
  outlierPeerText,
} from "./texts";
import { filterInstitutions, institutionListItems, institutionListRows, sortInstitutions } from "./institutions";
import { functionModeBars, functionRateBars, referenceBars, yearOverYearBars } from "./bars";
import { headlineCards } from "./cards";
import { municipalityRows } from "./municipalities";
import { per10kBreaks, tileIndicatorOptions, tileMap } from "./tile-map";
import { shadeLevel, shareCell, shareLegend } from "./shades";

// ---- Builders -----------------------------------------------------------------------------------

type TFn = "f1" | "f2i" | "f2ro" | "f2ha" | "f2ni";

type TSpec = {
  n: number;
  respondents?: number;
  byStatus?: Partial<Record<TResponseStatus, number>>;
  /** 有り count per function (all functions reported by every counted report). */
  has?: Partial<Record<TFn, number>>;
  intent?: Partial<Record<TFn, number>>;
  /** 自院 / 連携 / 自院及び連携 / 不明 counts of one function. */
  modes?: Partial<Record<TFn, [number, number, number, number]>>;
  /** Offered count per area code (asked = n). */
  areas?: Record<string, number>;
  age65?: number | null;
  age75?: number | null;
  kind?: "ALL" | "HOSPITAL" | "CLINIC";
};

/** A summary with the given counts: built from empty counters, then filled in by hand. */
function summary(spec: TSpec): TClinicSummary {
  const s = summarizeClinic(emptyClinicCounters(), {
    kind: spec.kind ?? "ALL",
    population: { total: null, age65: spec.age65 ?? null, age75: spec.age75 ?? null },
  });
  s.n = spec.n;
  s.status.respondents = spec.respondents ?? spec.n;
  s.status.withRevision = spec.n;
  for (const [k, v] of Object.entries(spec.byStatus ?? {})) s.status.byStatus[k as TResponseStatus] = v;
  const primary = spec.has?.f1 ?? 0;
  for (const f of s.functions) {
    const key = f.key as TFn;
    const has = spec.has?.[key] ?? 0;
    f.n = spec.n;
    f.has = { count: has, n: spec.n };
    f.hasOverPrimary = { count: f.isPrimary ? has : Math.min(has, primary), n: primary };
    f.intent = { count: spec.intent?.[key] ?? 0, n: spec.n };
    f.reportsMode = !f.isPrimary && key !== "f2ni"; // as in the R7 report: (ニ) has no 自院/連携 question
    const modes = spec.modes?.[key] ?? [0, 0, 0, has];
    f.modes = {
      self: { overN: { count: modes[0], n: spec.n }, overPrimary: { count: modes[0], n: primary } },
      partner: { overN: { count: modes[1], n: spec.n }, overPrimary: { count: modes[1], n: primary } },
      both: { overN: { count: modes[2], n: spec.n }, overPrimary: { count: modes[2], n: primary } },
      unknown: { overN: { count: modes[3], n: spec.n }, overPrimary: { count: modes[3], n: primary } },
    };
    f.per10k65 = { count: has, population: spec.age65 ?? null };
    f.per10k75 = { count: has, population: spec.age75 ?? null };
  }
  s.areas.asked = spec.n;
  s.areas.areas = s.areas.areas.map((a) => ({
    ...a,
    offered: { count: spec.areas?.[a.code] ?? 0, n: spec.n },
    offeredOverPrimary: { count: Math.min(spec.areas?.[a.code] ?? 0, primary), n: primary },
  }));
  return s;
}

const group = (key: string, name: string, spec: TSpec) => ({ key, name, summary: summary(spec) });

function hubScores(duties: Record<string, [met: number, n: number]>): THubScores {
  const groups = Object.entries(duties).map(([key, [met, n]]) => ({
    key,
    label: `義務 ${key}`,
    required: { n, met, partial: 0 },
    desirable: { n: 2, adopted: 1, partial: 0 },
  }));
  const sum = (pick: (g: (typeof groups)[number]) => number) => groups.reduce((a, g) => a + pick(g), 0);
  return {
    groups,
    total: {
      required: { n: sum((g) => g.required.n), met: sum((g) => g.required.met), partial: 0 },
      desirable: { n: sum((g) => g.desirable.n), adopted: sum((g) => g.desirable.adopted), partial: 0 },
    },
  };
}

// ---- Shades and cells ----------------------------------------------------------------------------

describe("shadeLevel", () => {
  it.each([
    [0, 0],
    [0.1999, 0],
    [0.2, 1],
    [0.5, 2],
    [0.6, 3],
    [0.8, 4],
    [1, 4],
  ])("share %s → level %s", (value, level) => {
    expect(shadeLevel(value)).toBe(level);
  });

  it("has no level without a value", () => {
    expect(shadeLevel(null)).toBeNull();
    expect(shadeLevel(Number.NaN)).toBeNull();
  });

  it("uses the breaks it is given (per-10,000 rates)", () => {
    expect(shadeLevel(7, [2, 4, 6, 8])).toBe(3);
    expect(shadeLevel(100, [2, 4, 6, 8])).toBe(4);
  });

  it("labels the five share shades", () => {
    expect(shareLegend().map((l) => l.label)).toEqual(["0〜20%", "20〜40%", "40〜60%", "60〜80%", "80〜100%"]);
  });
});

describe("shareCell", () => {
  it("keeps the count and n beside the share", () => {
    expect(shareCell({ count: 24, n: 57 })).toEqual({
      count: 24,
      n: 57,
      value: 24 / 57,
      text: "42.1%",
      detail: "24/57",
      level: 2,
      lowN: false,
    });
  });

  it("is undefined (not 0%) without a denominator", () => {
    const cell = shareCell({ count: 0, n: 0 });
    expect(cell.value).toBeNull();
    expect(cell.text).toBe("—");
    expect(cell.level).toBeNull();
    expect(cell.lowN).toBe(false);
  });

  it("marks figures resting on fewer than 10 reports", () => {
    expect(shareCell({ count: 3, n: 9 }).lowN).toBe(true);
    expect(shareCell({ count: 3, n: 10 }).lowN).toBe(false);
  });

  it("labels a group with its n", () => {
    expect(groupLabel("丹南", 1234)).toBe("丹南（n=1,234）");
  });
});

// ---- Headline cards -----------------------------------------------------------------------------

describe("headlineCards", () => {
  const s = summary({
    n: 57,
    respondents: 100,
    byStatus: { NOT_STARTED: 30, DRAFT: 13, SUBMITTED: 40, CONFIRMED: 17 },
    has: { f1: 24, f2i: 10, f2ro: 0, f2ha: 5, f2ni: 57 },
    intent: { f2ha: 3 },
    age65: 12_000,
  });

  it("gives 提出状況, 1号, each 2号 function and 1号 per 10,000 aged 65+, in that order", () => {
    expect(headlineCards(s).map((c) => c.key)).toEqual(["status", "f1", "f2i", "f2ro", "f2ha", "f2ni", "per10k65"]);
  });

  it("computes every figure from counts, with its n", () => {
    const cards = Object.fromEntries(headlineCards(s).map((c) => [c.key, c]));
    expect(cards.status).toMatchObject({ value: "57.0%", detail: "提出 57 / 対象 100" });
    expect(cards.status!.note).toContain("確認済 17");
    expect(cards.f1).toMatchObject({ label: "1号機能 有り", value: "42.1%", detail: "有り 24 / n=57" });
    expect(cards.f2ro).toMatchObject({ value: "0.0%", detail: "有り 0 / n=57" });
    expect(cards.f2ha).toMatchObject({ value: "8.8%", note: "意向有り 3" });
    expect(cards.f2ni!.value).toBe("100.0%");
    // 24 / 12,000 × 10,000 = 20.0
    expect(cards.per10k65).toMatchObject({ value: "20.0", note: "n=57" });
  });

  it("shows no rate (—) without reports or without a population", () => {
    const empty = Object.fromEntries(headlineCards(summary({ n: 0, respondents: 12 })).map((c) => [c.key, c]));
    expect(empty.status!.value).toBe("0.0%");
    expect(empty.f1!.value).toBe("—");
    expect(empty.per10k65!.value).toBe("—");
    const noPopulation = headlineCards(summary({ n: 10, has: { f1: 5 } })).find((c) => c.key === "per10k65")!;
    expect(noPopulation.value).toBe("—");
    expect(noPopulation.note).toContain("人口が未登録");
  });
});

// ---- Bar charts ---------------------------------------------------------------------------------

describe("functionRateBars", () => {
  const groups = [group("a", "丹南", { n: 20, has: { f1: 10, f2i: 5 } }), group("b", "奥越", { n: 0 })];

  it("has one category per function and one row per group, labelled with n", () => {
    const series = functionRateBars(groups);
    expect(series.index).toBe("label");
    expect(series.categories).toEqual(["1号", "イ 時間外", "ロ 入退院", "ハ 在宅", "ニ 介護連携"]);
    expect(series.data.map((r) => r.label)).toEqual(["丹南（n=20）", "奥越（n=0）"]);
  });

  it("gives percentages, null (no bar) without reports, and count/n for the tooltip", () => {
    const [tannan, okuetsu] = functionRateBars(groups).data;
    expect(tannan!["1号"]).toBe(50);
    expect(tannan!["イ 時間外"]).toBe(25);
    expect(tannan!.details["1号"]).toBe("50.0%（10/20）");
    expect(okuetsu!["1号"]).toBeNull();
    expect(okuetsu!.details["1号"]).toBe("—（0/0）");
  });

  it("is empty for no groups", () => {
    expect(functionRateBars([])).toEqual({ index: "label", categories: [], data: [] });
  });
});

describe("functionModeBars", () => {
  it("splits each 2号 function's 有り by 自院 / 連携 / 自院及び連携 / 不明, stacking up to the 有り rate", () => {
    const charts = functionModeBars([
      group("a", "丹南", { n: 40, has: { f1: 30, f2ha: 20 }, modes: { f2ha: [8, 6, 4, 2] } }),
    ]);
    expect(charts.map((c) => c.key)).toEqual(["f2i", "f2ro", "f2ha"]); // (ニ) is not asked how it is secured
    const ha = charts.find((c) => c.key === "f2ha")!;
    expect(ha.series.categories).toEqual(["自院", "連携", "自院及び連携", "不明"]);
    const row = ha.series.data[0]!;
    expect(row.label).toBe("丹南（n=40）");
    expect([row["自院"], row["連携"], row["自院及び連携"], row["不明"]]).toEqual([20, 15, 10, 5]);
    const stacked = ha.series.categories.reduce((sum, c) => sum + (row[c] as number), 0);
    expect(stacked).toBe(50); // = 20 / 40 有り
  });
});

describe("referenceBars and yearOverYearBars", () => {
  const zone = summary({ n: 10, has: { f1: 5 } });
  const prefecture = summary({ n: 100, has: { f1: 80 } });

  it("puts the zone beside the prefecture per function", () => {
    const series = referenceBars({ name: "丹南", summary: zone }, { name: "福井県全体", summary: prefecture });
    expect(series.categories).toEqual(["丹南（n=10）", "福井県全体（n=100）"]);
    expect(series.data[0]).toMatchObject({ label: "1号", "丹南（n=10）": 50, "福井県全体（n=100）": 80 });
  });

  it("puts this year beside last year, and draws nothing without a previous year", () => {
    expect(yearOverYearBars(zone, null)).toBeNull();
    const series = yearOverYearBars(zone, prefecture)!;
    expect(series.categories).toEqual(["今年度（n=10）", "前年度（n=100）"]);
    expect(series.data[0]).toMatchObject({ "今年度（n=10）": 50, "前年度（n=100）": 80 });
  });
});

// ---- Heatmaps -----------------------------------------------------------------------------------

describe("areaHeatmap", () => {
  it("has the groups as columns and the 17 areas as rows, each cell with its count and n", () => {
    const map = areaHeatmap([
      group("z1", "丹南", { n: 20, areas: { "1": 5, "17": 20 } }),
      group("pref", "福井県全体", { n: 8, areas: { "1": 2 } }),
    ]);
    expect(map.groups).toEqual([
      { key: "z1", name: "丹南", asked: 20 },
      { key: "pref", name: "福井県全体", asked: 8 },
    ]);
    expect(map.areas).toHaveLength(17);
    expect(map.areas[0]!.label).toBe("皮膚・形成外科領域");
    expect(map.areas[0]!.cells.map((c) => [c.text, c.detail, c.level, c.lowN])).toEqual([
      ["25.0%", "5/20", 1, false],
      ["25.0%", "2/8", 1, true],
    ]);
    expect(map.areas[16]!.cells[0]).toMatchObject({ text: "100.0%", level: 4 });
  });
});

describe("hubDutyHeatmap", () => {
  const current = hubScores({ duty1: [3, 4], duty2: [1, 2] });
  const previous = hubScores({ duty1: [2, 4], duty2: [1, 2] });
  const hubs: THubRow[] = [
    {
      id: "h1",
      name: "丹南拠点",
      zoneName: "丹南",
      summary: summarizeHub({ status: "SUBMITTED", scores: current, previousScores: previous }),
    },
    {
      id: "h2",
      name: "奥越拠点",
      zoneName: "奥越",
      summary: summarizeHub({ status: "DRAFT", scores: null, previousScores: previous }),
    },
    {
      id: "h3",
      name: "嶺南拠点",
      zoneName: "嶺南",
      summary: summarizeHub({ status: "CONFIRMED", scores: hubScores({ duty1: [4, 4] }), previousScores: null }),
    },
  ];
  const groupNow = summarizeHubGroup(
    countHubReports([
      { status: "SUBMITTED", scores: current },
      { status: "DRAFT", scores: null },
      { status: "CONFIRMED", scores: hubScores({ duty1: [4, 4] }) },
    ]),
  );

  it("takes the duties in order and gives each hub its required-met share with the change from last year", () => {
    const map = hubDutyHeatmap(hubs);
    expect(map.duties.map((d) => d.key)).toEqual(["duty1", "duty2"]);
    const [tannan, okuetsu, reinan] = map.rows;
    expect(tannan!.cells.map((c) => [c!.text, c!.detail, c!.deltaText])).toEqual([
      ["75.0%", "3/4", "+25.0pt"],
      ["50.0%", "1/2", "±0.0pt"],
    ]);
    expect(tannan!.total).toMatchObject({ text: "66.7%", detail: "4/6" });
    expect(tannan!.statusLabel).toBe("提出済");
    // A hub without a submitted revision has no cells: "評価なし", not 0%.
    expect(okuetsu!.scored).toBe(false);
    expect(okuetsu!.cells).toEqual([null, null]);
    expect(okuetsu!.statusLabel).toBe("下書き");
    // A hub without last year's scores has no change (—), and a duty it was not assessed on is null.
    expect(reinan!.cells[0]).toMatchObject({ text: "100.0%", deltaText: "—" });
    expect(reinan!.cells[1]).toBeNull();
  });

  it("pools the hubs counted (Σ met / Σ n), with no pooled row when no hub has scores", () => {
    const map = hubDutyHeatmap(hubs, groupNow, null);
    expect(map.pooled!.cells[0]).toMatchObject({ detail: "7/8", text: "87.5%", deltaText: "—" });
    expect(map.pooled!.name).toContain("2拠点");
    const none = summarizeHubGroup(countHubReports([{ status: "DRAFT", scores: null }]));
    expect(hubDutyHeatmap([hubs[1]!], none, null).pooled).toBeNull();
    expect(hubDutyHeatmap([hubs[1]!], none, null).duties).toEqual([]);
  });

  it("gives the pooled row the change over the hubs scored in both years, and says so", () => {
    // Only 丹南 has both years (3/4 against 2/4); 嶺南 is new, 奥越 has not submitted this year.
    const change = compareMatchedHubs([
      { current: { status: "SUBMITTED", scores: current }, previous: { status: "CONFIRMED", scores: previous } },
      { current: { status: "DRAFT", scores: null }, previous: { status: "CONFIRMED", scores: previous } },
      {
        current: { status: "CONFIRMED", scores: hubScores({ duty1: [4, 4] }) },
        previous: { status: "NOT_STARTED", scores: null },
      },
    ]);
    const map = hubDutyHeatmap(hubs, groupNow, change);
    expect(map.pooled!.cells[0]).toMatchObject({ detail: "7/8", text: "87.5%", deltaText: "+25.0pt" });
    expect(map.pooled!.name).toBe("拠点全体（2拠点の合算・前年比は両年度に提出した1拠点で比較）");
  });
});

// ---- Year over year and comparison ---------------------------------------------------------------

describe("readings and differences", () => {
  it("formats shares and per-10,000 rates, and says what they rest on", () => {
    expect(readingText({ unit: "share", count: 1, n: 3, value: 1 / 3, base: 3 })).toBe("33.3%");
    expect(readingText({ unit: "per10k", count: 5, population: 1000, value: 50, base: 9 })).toBe("50.0");
    expect(readingText({ unit: "share", count: 0, n: 0, value: null, base: 0 })).toBe("—");
    expect(readingDetail({ unit: "share", count: 1, n: 3, value: 1 / 3, base: 3 })).toBe("1/3");
    expect(readingDetail({ unit: "share", count: 0, n: 0, value: null, base: 0 })).toBe("n=0");
    expect(readingDetail({ unit: "per10k", count: 5, population: 1000, value: 50, base: 9 })).toBe("有り 5・n=9");
  });

  it.each([
    [0.032, "share", "+3.2pt"],
    [-0.01, "share", "−1.0pt"],
    [null, "share", "—"],
    [1.44, "per10k", "+1.4"],
    [-0.26, "per10k", "−0.3"],
    [0.01, "per10k", "+0.1未満"],
    [-0.04, "per10k", "−0.1未満"],
    [0.05, "per10k", "+0.1"],
    [0, "per10k", "±0.0"],
    [null, "per10k", "—"],
    // A real gap too small for one decimal says so: a 課題の候補 never reads as equal (−0.03 pt).
    [-0.0003, "share", "−0.1pt未満"],
    [0.0004, "share", "+0.1pt未満"],
    [0.0005, "share", "+0.1pt"],
    [0, "share", "±0.0pt"],
    [-0, "share", "±0.0pt"],
    [Number.NaN, "share", "—"],
    [undefined, "share", "—"],
  ] as const)("difference %s (%s) → %s", (delta, unit, text) => {
    expect(differenceText(delta, unit)).toBe(text);
  });

  it.each([
    [0.0004, "share", "横ばい"],
    [0.0005, "share", "上昇"],
    [-0.0005, "share", "低下"],
    [0.04, "per10k", "横ばい"],
    [null, "share", null],
  ] as const)("direction of %s (%s) → %s (a change under 0.1 is 横ばい)", (delta, unit, direction) => {
    expect(directionOf(delta, unit)).toBe(direction);
  });

  it.each([
    ["below", "課題の候補", "bad"],
    ["slightlyBelow", "わずかに下回る", "muted"],
    ["notBelow", "下回らない", "muted"],
    ["insufficientN", "参考値（件数が少ない）", "warn"],
    ["coverageDiffers", "参考値（提出率の差が大きい）", "warn"],
    ["noData", "データなし", "muted"],
    ["neutral", "—", "muted"],
  ] as const)("judgement %s reads %s (%s) on screen, in exports and in PDFs", (judgement, text, tone) => {
    expect(JUDGEMENT_TEXTS[judgement]).toBe(text);
    expect(judgementTone(judgement)).toBe(tone);
  });
});

describe("changeRows", () => {
  it("is empty without a previous year", () => {
    expect(changeRows(null)).toEqual([]);
  });

  it("gives each indicator both years, the change and its direction in words", () => {
    const current = summary({ n: 50, has: { f1: 30 }, age65: 10_000 });
    const previous = summary({ n: 40, has: { f1: 20 }, age65: 10_000 });
    const rows = changeRows(compareSummaries(current, previous));
    const f1 = rows.find((r) => r.key === "f1.has")!;
    expect(f1).toMatchObject({
      current: "60.0%",
      currentDetail: "30/50",
      previous: "50.0%",
      previousDetail: "20/40",
      delta: "+10.0pt",
      direction: "上昇",
    });
    const per10k = rows.find((r) => r.key === "f1.per10k65")!;
    expect(per10k).toMatchObject({ current: "30.0", previous: "20.0", delta: "+10.0", direction: "上昇" });
    const intent = rows.find((r) => r.key === "f2i.intent")!;
    expect(intent).toMatchObject({ delta: "±0.0pt", direction: "横ばい" });
  });

  it("never reads a year without reports as a change from 0%", () => {
    const rows = changeRows(compareSummaries(summary({ n: 10, has: { f1: 5 } }), summary({ n: 0 })));
    expect(rows.find((r) => r.key === "f1.has")).toMatchObject({ previous: "—", delta: "—", direction: null });
  });
});

describe("comparisonRows and issueSummary", () => {
  const prefecture = summary({ n: 100, has: { f1: 80, f2i: 50 }, age65: 20_000 });

  it("flags indicators below the prefecture as 課題の候補 when both sides have at least 10 reports", () => {
    const zone = summary({ n: 20, has: { f1: 10, f2i: 12 }, age65: 2_000 });
    const comparison = compareWithReference(zone, prefecture);
    const rows = comparisonRows(comparison);
    expect(rows.find((r) => r.key === "f1.has")).toMatchObject({
      value: "50.0%",
      valueDetail: "10/20",
      reference: "80.0%",
      referenceDetail: "80/100",
      difference: "−30.0pt",
      judgement: "below",
      judgementLabel: "課題の候補",
      below: true,
    });
    expect(rows.find((r) => r.key === "f2i.has")).toMatchObject({
      judgement: "notBelow",
      below: false,
      difference: "+10.0pt",
    });
    const { candidates } = issueSummary(comparison);
    expect(candidates.map((c) => c.key)).toContain("f1.has");
    expect(candidates.every((c) => c.below)).toBe(true);
  });

  it("labels a shortfall under 5 points わずかに下回る, not 課題の候補", () => {
    const zone = summary({ n: 20, has: { f1: 15 }, age65: 2_000 }); // 75% against 80%: exactly 5 points
    const slight = summary({ n: 25, has: { f1: 19 }, age65: 2_000 }); // 76% against 80%: 4 points
    expect(comparisonRows(compareWithReference(zone, prefecture)).find((r) => r.key === "f1.has")!.judgement).toBe(
      "below",
    );
    const rows = comparisonRows(compareWithReference(slight, prefecture));
    expect(rows.find((r) => r.key === "f1.has")).toMatchObject({
      judgement: "slightlyBelow",
      judgementLabel: "わずかに下回る",
      below: false,
      difference: "−4.0pt",
    });
  });

  it("shows 参考値 instead of a flag under the minimum n", () => {
    const zone = summary({ n: 9, has: { f1: 1 }, age65: 2_000 });
    const comparison = compareWithReference(zone, prefecture);
    expect(comparisonRows(comparison).find((r) => r.key === "f1.has")).toMatchObject({
      judgement: "insufficientN",
      judgementLabel: "参考値（件数が少ない）",
      below: false,
    });
    const { candidates, insufficient } = issueSummary(comparison);
    expect(candidates).toEqual([]);
    expect(insufficient).toBeGreaterThan(0);
  });
});

describe("municipalityRows", () => {
  it("gives each municipality its reports, function cells and 1号 per 10,000 aged 65+", () => {
    const { functions, rows } = municipalityRows([
      group("182079", "鯖江市", { n: 12, respondents: 29, has: { f1: 11 }, age65: 20_000 }),
      group("182061", "池田町", { n: 0, respondents: 2 }),
    ]);
    expect(functions.map((f) => f.key)).toEqual(["f1", "f2i", "f2ro", "f2ha", "f2ni"]);
    expect(rows[0]).toMatchObject({ name: "鯖江市", respondents: 29, n: 12, per10k65: "5.5" });
    expect(rows[0]!.functions[0]).toMatchObject({ text: "91.7%", detail: "11/12" });
    expect(rows[1]).toMatchObject({ n: 0, per10k65: "—" });
    expect(rows[1]!.functions[0]!.text).toBe("—");
  });
});

// ---- Institutions --------------------------------------------------------------------------------

describe("institution list", () => {
  const raw: TInstitutionStatusRow[] = [
    {
      id: "1",
      code: "1810600003",
      name: "さくら内科クリニック",
      kind: "CLINIC",
      municipality: "鯖江市",
      status: "UNSUBMITTED",
      revision: 0,
      functions: {},
    },
    {
      id: "2",
      code: "1810600001",
      name: "あおば総合病院",
      kind: "HOSPITAL",
      municipality: "越前市",
      status: "CONFIRMED",
      revision: 1,
      functions: { f1: { has: true, intent: false, mode: null }, f2ha: { has: true, intent: false, mode: "both" } },
    },
    {
      id: "3",
      code: "1810600002",
      name: "いずみ医院",
      kind: "CLINIC",
      municipality: "鯖江市",
      status: "SUBMITTED",
      revision: 2,
      functions: { f1: { has: true, intent: false, mode: null }, f2ha: { has: false, intent: true, mode: null } },
    },
  ];
  const fns = [{ key: "f1" }, { key: "f2ha" }];
  // Through the compact items the browser receives, so the encoding is covered too.
  const rows = institutionListRows(institutionListItems(raw, fns), fns);

  it("words every function state, with the mode of a 有り", () => {
    expect(rows.map((r) => r.functions.map((f) => f.text))).toEqual([
      ["—", "—"],
      ["有り", "有り（自院及び連携）"],
      ["有り", "無し（意向有り）"],
    ]);
    expect(rows.map((r) => r.statusLabel)).toEqual(["未提出", "確認済", "提出済"]);
    expect(rows[1]!.kindLabel).toBe("病院");
  });

  it("filters by text, kind, status and function state", () => {
    expect(filterInstitutions(rows, { q: "鯖江" }).map((r) => r.id)).toEqual(["1", "3"]);
    expect(filterInstitutions(rows, { q: "1810600001" }).map((r) => r.id)).toEqual(["2"]);
    expect(filterInstitutions(rows, { kind: "HOSPITAL" }).map((r) => r.id)).toEqual(["2"]);
    expect(filterInstitutions(rows, { status: "UNSUBMITTED" }).map((r) => r.id)).toEqual(["1"]);
    expect(filterInstitutions(rows, { fn: "f2ha", fnState: "intent" }).map((r) => r.id)).toEqual(["3"]);
    expect(filterInstitutions(rows, { fn: "f2ha", fnState: "unknown" }).map((r) => r.id)).toEqual(["1"]);
    expect(filterInstitutions(rows, { fn: "f2ha", fnState: "" })).toHaveLength(3);
  });

  it("sorts by a column either way, ties by code", () => {
    expect(sortInstitutions(rows, "code").map((r) => r.id)).toEqual(["2", "3", "1"]);
    expect(sortInstitutions(rows, "code", "desc").map((r) => r.id)).toEqual(["1", "3", "2"]);
    expect(sortInstitutions(rows, "status").map((r) => r.id)).toEqual(["2", "3", "1"]);
    expect(sortInstitutions(rows, "fn:f2ha").map((r) => r.id)).toEqual(["2", "3", "1"]);
    expect(sortInstitutions(rows, "municipality").map((r) => r.municipality)).toEqual(["越前市", "鯖江市", "鯖江市"]);
    expect(sortInstitutions(rows, "kind").map((r) => r.id)).toEqual(["3", "1", "2"]);
  });
});

// ---- National tile map --------------------------------------------------------------------------

describe("tileMap", () => {
  const prefectures: TNationalDashboard["prefectures"] = [
    {
      code: "18",
      name: "福井県",
      cycleId: "c18",
      isDemo: true,
      summary: summary({ n: 130, has: { f1: 120 }, age65: 240_000 }),
    },
    {
      code: "17",
      name: "石川県",
      cycleId: "c17",
      isDemo: false,
      summary: summary({ n: 5, has: { f1: 1 }, age65: 300_000 }),
    },
    { code: "13", name: "東京都", cycleId: null, isDemo: false, summary: null },
  ];

  it("puts all 47 prefectures on their tiles; those without a cycle are データなし", () => {
    const map = tileMap(prefectures);
    expect(map.tiles).toHaveLength(47);
    expect(map.indicator).toEqual({ key: "f1.has", label: "1号機能 有り", unit: "share" });
    expect(map.withData).toBe(2);
    const fukui = map.tiles.find((t) => t.code === "18")!;
    expect(fukui).toMatchObject({
      col: 8,
      row: 5,
      hasData: true,
      cycleId: "c18",
      text: "92.3%",
      nText: "n=130",
      level: 4,
      lowN: false,
    });
    expect(map.tiles.find((t) => t.code === "17")).toMatchObject({ text: "20.0%", level: 1, lowN: true });
    expect(map.tiles.find((t) => t.code === "13")).toMatchObject({
      hasData: false,
      text: "データなし",
      nText: "",
      level: null,
      cycleId: null,
    });
    expect(map.tiles.find((t) => t.code === "47")).toMatchObject({ hasData: false, text: "データなし" });
    expect(map.cols).toBe(13);
    expect(map.rows).toBe(12);
    expect(map.legend.map((l) => l.label)).toEqual(["0%〜20%", "20%〜40%", "40%〜60%", "60%〜80%", "80%以上"]);
  });

  it("colours per-10,000 rates on steps fitted to the values", () => {
    const map = tileMap(prefectures, "f1.per10k65");
    expect(map.indicator.unit).toBe("per10k");
    // 福井 120 / 240,000 × 10,000 = 5.0; 石川 1 / 300,000 × 10,000 ≈ 0.03 → steps of 1.
    expect(map.tiles.find((t) => t.code === "18")).toMatchObject({ text: "5.0", level: 4 });
    expect(map.tiles.find((t) => t.code === "17")).toMatchObject({ text: "0.0", level: 0 });
    expect(map.legend.map((l) => l.label)).toEqual(["0〜1", "1〜2", "2〜3", "3〜4", "4以上"]);
  });

  it("falls back to 1号 for an unknown indicator, and offers the function indicators", () => {
    expect(tileMap(prefectures, "nonsense").indicator.key).toBe("f1.has");
    expect(tileIndicatorOptions().map((o) => o.key)).toEqual([
      "f1.has",
      "f2i.has",
      "f2ro.has",
      "f2ha.has",
      "f2ni.has",
      "f1.per10k65",
    ]);
  });

  it("rounds per-10,000 steps to readable numbers", () => {
    expect(per10kBreaks([])).toEqual([1, 2, 3, 4]);
    expect(per10kBreaks([23])).toEqual([5, 10, 15, 20]);
    expect(per10kBreaks([0.9])).toEqual([0.2, 0.4, 0.6, 0.8]);
  });
});

describe("outlier texts (review flags)", () => {
  const flag = {
    value: 120,
    direction: "high",
    peerScope: "zone",
    peerN: 35,
    peerMedian: 12,
    lower: -3.2,
    upper: 47.96,
  };
  it.each([
    // A fence below 0 reads 0 (counts); 47.96 is 48 to a reader, 47.6 keeps its decimal.
    [flag, "診療所", "同じ圏域の診療所 35件：中央値 12、目安 0〜48"],
    [
      { ...flag, peerScope: "prefecture", peerN: 1234, peerMedian: 10.7, lower: 1.5, upper: 47.6 },
      "病院",
      "県内の病院 1,234件：中央値 10.7、目安 1.5〜47.6",
    ],
  ])("outlierPeerText %#", (input, kind, expected) => {
    expect(outlierPeerText(input, kind)).toBe(expected);
  });
  it("direction words", () => {
    expect(outlierDirectionText("high")).toBe("高い値");
    expect(outlierDirectionText("low")).toBe("低い値");
  });
});
