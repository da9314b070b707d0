// The indicator catalogue: one typed list of what zones are compared on — by the zone dashboard
// (flagging indicators below the prefecture: the council's 課題の候補), the prefecture's zones
// side by side, the year-over-year table and the PDF packet. An indicator is data (a measure
// descriptor), not a function, so the catalogue itself is JSON-serialisable and can be sent to
// client components; `readIndicator` turns it into numbers for one summary.
//
// Minimum-n rule (docs/decisions/0009-aggregation.md): a group is judged against a reference only
// when both rest on at least MIN_N_FOR_COMPARISON reports (the indicator's own denominator for a
// share, the reports counted for a per-10,000 rate). Below that, one institution moves a share by
// more than 10 points, so the comparison is shown as 参考値 ("insufficientN"), never flagged.
//
// Material-gap rule: a 課題の候補 must also be clearly worse — by at least MATERIAL_GAP (5 points
// for a share, 10 % of the reference for a per-10,000 rate). A smaller shortfall is shown as
// "slightlyBelow" (わずかに下回る) so the council's list is not drowned in differences of a few
// tenths that one institution's answer can erase.
import { findChoice, findCount, findFunction, type TClinicSummary } from "./clinic-summary";
import { PRIMARY_CARE_AREAS, PRIMARY_FUNCTION_KEY, SECONDARY_FUNCTION_KEYS } from "./clinic-tags";
import { comparePopulationRates, compareRates, per10kValue, rateValue, type TRate } from "./rate";

export const MIN_N_FOR_COMPARISON = 10;

/**
 * A per-10,000 rate counts reports, so it also measures how many have reported: mid-cycle, a zone
 * where 40 % have submitted shows half the rate of one where 80 % have, with nothing else
 * different. Two such rates are compared only when the shares of respondents they rest on differ by
 * at most this many points; otherwise the comparison is 参考値 ("coverageDiffers").
 */
export const MAX_COVERAGE_GAP_POINTS = 5;

/** Reports counted over respondents: how complete a summary is (null without respondents). */
export function coverageOf(summary: TClinicSummary): TRate | null {
  return summary.status.respondents > 0 ? { count: summary.n, n: summary.status.respondents } : null;
}

/** Whether two summaries' per-10,000 rates may be compared (coverage within MAX_COVERAGE_GAP_POINTS). */
export function coverageComparable(a: TClinicSummary, b: TClinicSummary): boolean {
  const ca = coverageOf(a);
  const cb = coverageOf(b);
  if (!ca || !cb) return false;
  return 100 * Math.abs(ca.count * cb.n - cb.count * ca.n) <= MAX_COVERAGE_GAP_POINTS * ca.n * cb.n;
}

/** How much worse than the reference counts as material: share points, and percent of a per-10,000 rate. */
export type TMaterialGap = { sharePoints: number; per10kPercent: number };
export const MATERIAL_GAP: TMaterialGap = Object.freeze({ sharePoints: 5, per10kPercent: 10 });

/** The flagging rule in one sentence, for the dashboard and the PDF packets. */
export const ISSUE_CANDIDATE_RULE =
  `圏域と県全体のどちらも報告数（指標の分母）が${MIN_N_FOR_COMPARISON}件以上あり、県全体を割合で${MATERIAL_GAP.sharePoints}ポイント以上、` +
  `人口当たりの値で${MATERIAL_GAP.per10kPercent}%以上下回る指標を課題の候補とします。差がそれより小さいものは「わずかに下回る」、` +
  `${MIN_N_FOR_COMPARISON}件未満のもの（1機関で10ポイント以上動くため）と、提出率が${MAX_COVERAGE_GAP_POINTS}ポイントを超えて異なる人口当たりの値` +
  `（提出された報告の件数で決まるため）は「参考値」として示し、課題の候補には含めません。`;

export type TIndicatorGroup = "primary" | "secondary" | "areas" | "items";
export const INDICATOR_GROUP_LABELS: Record<TIndicatorGroup, string> = {
  primary: "1号機能",
  secondary: "2号機能",
  areas: "一次診療の17領域",
  items: "個別の取組",
};

export type TIndicatorMeasure =
  /** A function's 有り (or 意向有り) over n, or 有り over the 1号 有り count. */
  | { type: "function"; fn: string; of: "has" | "intent"; over: "n" | "primary" }
  /** A function's 有り per 10,000 people aged 65+ or 75+. */
  | { type: "functionPer10k"; fn: string; age: 65 | 75 }
  /** Reports offering 一次診療 in an area. */
  | { type: "area"; code: string; over: "n" | "primary" }
  /** A tagged choice answered with a 有り (or 意向有り) option. */
  | { type: "choice"; tag: string; of: "has" | "intent" }
  /** A tagged count above 0 ("institutions that do X"). */
  | { type: "count"; tag: string };

export type TIndicatorUnit = "share" | "per10k";

export type TIndicator = {
  /** Stable key, e.g. "f2ha.has" (URLs, CSV headers, PDF anchors). */
  key: string;
  label: string;
  group: TIndicatorGroup;
  unit: TIndicatorUnit;
  /** true: higher is better; false: lower is better; null: neither (never flagged, never ranked). */
  higherIsBetter: boolean | null;
  measure: TIndicatorMeasure;
};

export type TIndicatorMeta = Omit<TIndicator, "measure">;

/**
 * One indicator's figures for one summary. `value` is the unrounded fraction (share) or
 * per-10,000 rate, null when undefined (n = 0, unknown population, question not asked).
 * `base` is the number of reports the figure rests on (used by the minimum-n rule).
 */
export type TIndicatorReading =
  | { unit: "share"; count: number; n: number; value: number | null; base: number }
  | { unit: "per10k"; count: number; population: number | null; value: number | null; base: number };

export type TIndicatorJudgement =
  "below" | "slightlyBelow" | "notBelow" | "insufficientN" | "coverageDiffers" | "noData" | "neutral";

export type TIndicatorComparison = TIndicatorMeta & {
  value: TIndicatorReading;
  reference: TIndicatorReading;
  /** value − reference (fractions, or per-10,000 rates); null when either is undefined. */
  difference: number | null;
  judgement: TIndicatorJudgement;
  /** judgement === "below": materially worse than the reference, with enough reports on both sides. */
  below: boolean;
};

// ---- The catalogue ----------------------------------------------------------------------------

const FUNCTION_LABELS: Record<(typeof SECONDARY_FUNCTION_KEYS)[number], string> = {
  f2i: "2号(イ) 時間外の診療",
  f2ro: "2号(ロ) 入退院時の支援",
  f2ha: "2号(ハ) 在宅医療の提供",
  f2ni: "2号(ニ) 介護サービス等と連携",
};

function functionIndicators(fn: string, label: string, group: TIndicatorGroup): TIndicator[] {
  const primary = fn === PRIMARY_FUNCTION_KEY;
  const list: TIndicator[] = [
    {
      key: `${fn}.has`,
      label: `${label} 有り`,
      group,
      unit: "share",
      higherIsBetter: true,
      measure: { type: "function", fn, of: "has", over: "n" },
    },
  ];
  if (!primary) {
    list.push({
      key: `${fn}.hasOverPrimary`,
      label: `${label} 有り（1号有りのうち）`,
      group,
      unit: "share",
      higherIsBetter: true,
      measure: { type: "function", fn, of: "has", over: "primary" },
    });
  }
  list.push(
    {
      key: `${fn}.per10k65`,
      label: `${label} 有り（65歳以上人口1万人当たり）`,
      group,
      unit: "per10k",
      higherIsBetter: true,
      measure: { type: "functionPer10k", fn, age: 65 },
    },
    {
      key: `${fn}.per10k75`,
      label: `${label} 有り（75歳以上人口1万人当たり）`,
      group,
      unit: "per10k",
      higherIsBetter: true,
      measure: { type: "functionPer10k", fn, age: 75 },
    },
  );
  if (!primary) {
    list.push({
      key: `${fn}.intent`,
      label: `${label} 意向有り（未実施）`,
      group,
      unit: "share",
      higherIsBetter: null,
      measure: { type: "function", fn, of: "intent", over: "n" },
    });
  }
  return list;
}

const choice = (tag: string, label: string): TIndicator => ({
  key: `${tag}.has`,
  label,
  group: "items",
  unit: "share",
  higherIsBetter: true,
  measure: { type: "choice", tag, of: "has" },
});

const count = (tag: string, label: string): TIndicator => ({
  key: `${tag}.positive`,
  label,
  group: "items",
  unit: "share",
  higherIsBetter: true,
  measure: { type: "count", tag },
});

/** The clinic-report indicators, in display order. */
export const CLINIC_INDICATORS: readonly TIndicator[] = [
  ...functionIndicators(PRIMARY_FUNCTION_KEY, "1号機能", "primary"),
  ...SECONDARY_FUNCTION_KEYS.flatMap((fn) => functionIndicators(fn, FUNCTION_LABELS[fn], "secondary")),
  ...PRIMARY_CARE_AREAS.map((area): TIndicator => ({
    key: `area.${area.code}`,
    label: `一次診療 ${area.label}`,
    group: "areas",
    unit: "share",
    higherIsBetter: true,
    measure: { type: "area", code: area.code, over: "n" },
  })),
  choice("onCallRota", "在宅当番医制に参加"),
  choice("emergencyCenter", "休日夜間急患センター等に参加"),
  choice("backupBeds", "後方支援病床を確保"),
  choice("dischargeRule", "地域の退院ルール等に参加"),
  choice("physicianOpinion", "主治医意見書を作成"),
  choice("careConference", "サービス担当者会議等に参加"),
  count("homeVisitCount", "訪問診療を実施"),
  count("urgentVisitCount", "往診を実施"),
  count("homeEndOfLifeCount", "在宅看取りを実施"),
];

export function findIndicator(
  key: string,
  catalogue: readonly TIndicator[] = CLINIC_INDICATORS,
): TIndicator | undefined {
  return catalogue.find((i) => i.key === key);
}

// ---- Reading ------------------------------------------------------------------------------------

const share = (count: number, n: number): TIndicatorReading => ({
  unit: "share",
  count,
  n,
  value: rateValue({ count, n }),
  base: n,
});

/** An indicator's figures in one summary. Something the summary does not have reads as n = 0. */
export function readIndicator(summary: TClinicSummary, indicator: TIndicator): TIndicatorReading {
  const m = indicator.measure;
  switch (m.type) {
    case "function": {
      const fn = findFunction(summary, m.fn);
      if (!fn) return share(0, 0);
      const r = m.of === "intent" ? fn.intent : m.over === "primary" ? fn.hasOverPrimary : fn.has;
      return share(r.count, r.n);
    }
    case "functionPer10k": {
      const fn = findFunction(summary, m.fn);
      const count = fn?.has.count ?? 0;
      const population = m.age === 65 ? summary.population.age65 : summary.population.age75;
      const base = fn?.n ?? 0;
      // No report says anything about the function: no rate, rather than a fake 0 per 10,000.
      return { unit: "per10k", count, population, value: base > 0 ? per10kValue({ count, population }) : null, base };
    }
    case "area": {
      const row = summary.areas.areas.find((a) => a.code === m.code);
      const r = m.over === "primary" ? row?.offeredOverPrimary : row?.offered;
      return share(r?.count ?? 0, r?.n ?? 0);
    }
    case "choice": {
      const c = findChoice(summary, m.tag);
      const r = m.of === "intent" ? c?.intent : c?.has;
      return share(r?.count ?? 0, r?.n ?? 0);
    }
    case "count": {
      const c = findCount(summary, m.tag);
      return share(c?.positive.count ?? 0, c?.positive.n ?? 0);
    }
  }
}

/**
 * Whether `low` falls short of `high` by at least the material gap, in integer arithmetic
 * (counts × denominators stay far below 2^53). Callers have already established low < high.
 */
function isMaterialGap(low: TIndicatorReading, high: TIndicatorReading, gap: TMaterialGap): boolean {
  if (low.unit === "share" && high.unit === "share")
    return 100 * (high.count * low.n - low.count * high.n) >= gap.sharePoints * low.n * high.n;
  if (low.unit === "per10k" && high.unit === "per10k" && low.population !== null && high.population !== null)
    return (100 - gap.per10kPercent) * high.count * low.population >= 100 * low.count * high.population;
  return false;
}

/** Exact order of two readings of the same indicator (no float equality); null when undefined. */
function compareReadings(a: TIndicatorReading, b: TIndicatorReading): -1 | 0 | 1 | null {
  if (a.value === null || b.value === null) return null;
  if (a.unit === "share" && b.unit === "share") return compareRates(a, b);
  if (a.unit === "per10k" && b.unit === "per10k") return comparePopulationRates(a, b);
  return null;
}

const metaOf = ({ measure: _measure, ...meta }: TIndicator): TIndicatorMeta => meta;

// ---- Comparison with a reference (zone vs prefecture) ------------------------------------------

export type TComparisonOptions = {
  indicators?: readonly TIndicator[];
  /** Minimum reports on each side for a judgement (default MIN_N_FOR_COMPARISON). */
  minN?: number;
  /** How much worse counts as "below" (default MATERIAL_GAP; zero gaps flag any shortfall). */
  minGap?: TMaterialGap;
};

function assertComparable(a: TClinicSummary, b: TClinicSummary): void {
  if (a.kind !== b.kind || a.confirmedOnly !== b.confirmedOnly) {
    throw new Error("比較する集計の条件（病院/診療所、確認済のみ）が一致していません。");
  }
}

/**
 * Each indicator of a group against a reference (usually the zone against its prefecture, which
 * includes the zone — the usual practice for 圏域 vs 県 comparisons). `below` is true only when
 * the indicator has a direction, both values exist, both rest on at least minN reports, and the
 * group is worse by at least the material gap (compared exactly, by cross-multiplication); a
 * smaller shortfall is "slightlyBelow".
 */
export function compareWithReference(
  group: TClinicSummary,
  reference: TClinicSummary,
  options: TComparisonOptions = {},
): TIndicatorComparison[] {
  assertComparable(group, reference);
  const minN = options.minN ?? MIN_N_FOR_COMPARISON;
  const minGap = options.minGap ?? MATERIAL_GAP;
  const comparableCoverage = coverageComparable(group, reference);
  return (options.indicators ?? CLINIC_INDICATORS).map((indicator) => {
    const value = readIndicator(group, indicator);
    const ref = readIndicator(reference, indicator);
    const difference = value.value !== null && ref.value !== null ? value.value - ref.value : null;
    let judgement: TIndicatorJudgement;
    const order = compareReadings(value, ref);
    if (order === null) judgement = "noData";
    else if (indicator.higherIsBetter === null) judgement = "neutral";
    else if (value.base < minN || ref.base < minN) judgement = "insufficientN";
    else if (indicator.unit === "per10k" && !comparableCoverage) judgement = "coverageDiffers";
    else if (order !== (indicator.higherIsBetter ? -1 : 1)) judgement = "notBelow";
    else {
      const [low, high] = indicator.higherIsBetter ? [value, ref] : [ref, value];
      judgement = isMaterialGap(low, high, minGap) ? "below" : "slightlyBelow";
    }
    return { ...metaOf(indicator), value, reference: ref, difference, judgement, below: judgement === "below" };
  });
}

/** The 課題の候補: the indicators flagged below the reference, in catalogue order. */
export function issueCandidates(comparisons: readonly TIndicatorComparison[]): TIndicatorComparison[] {
  return comparisons.filter((c) => c.below);
}

// ---- Zones side by side -----------------------------------------------------------------------

export type TRankedGroup = { key: string; label: string; summary: TClinicSummary };

export type TRankingEntry = {
  key: string;
  label: string;
  reading: TIndicatorReading;
  /** 1 = best. Ties share a rank (1, 1, 3). null when not ranked (see `ranked`). */
  rank: number | null;
  /** Ranked only with a value, a direction, and at least minN reports. */
  ranked: boolean;
};

export type TIndicatorRanking = TIndicatorMeta & { entries: TRankingEntry[] };

/**
 * The same indicators for several groups (zones of a prefecture), entries in the order given.
 * Ranks follow the indicator's direction; groups under the minimum n are listed but not ranked.
 */
export function rankGroups(groups: readonly TRankedGroup[], options: TComparisonOptions = {}): TIndicatorRanking[] {
  const first = groups[0];
  if (first) for (const g of groups) assertComparable(first.summary, g.summary);
  const minN = options.minN ?? MIN_N_FOR_COMPARISON;
  return (options.indicators ?? CLINIC_INDICATORS).map((indicator) => {
    const readings = groups.map((g) => readIndicator(g.summary, indicator));
    const eligible = readings.map((r) => indicator.higherIsBetter !== null && r.value !== null && r.base >= minN);
    const better = indicator.higherIsBetter ? 1 : -1;
    const entries = groups.map((g, i): TRankingEntry => {
      const reading = readings[i]!;
      if (!eligible[i]) return { key: g.key, label: g.label, reading, rank: null, ranked: false };
      const ahead = readings.filter((other, j) => eligible[j] && compareReadings(other, reading) === better).length;
      return { key: g.key, label: g.label, reading, rank: ahead + 1, ranked: true };
    });
    return { ...metaOf(indicator), entries };
  });
}
