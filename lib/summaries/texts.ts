// Every figure and judgement as words, one rule each: the dashboards, the exports, the JSON API
// and every PDF section print these, so a −0.03 pt gap or a 課題の候補 reads the same everywhere.
// Figures stay counts and denominators until here (lib/format does the rounding).
import {
  MIN_N_FOR_COMPARISON,
  MODE_LABELS,
  RESPONSE_STATUS_LABELS,
  type TFrozenBaseline,
  type TProgress,
  type TProgressVerdict,
  type TIndicatorJudgement,
  type TIndicatorReading,
  type TIndicatorUnit,
  type TPopulationRate,
  type TRate,
} from "@/lib/aggregation";
import {
  formatInteger,
  formatPer10k,
  formatPointDelta,
  formatRate,
  formatShare,
  formatSignedDifference,
} from "@/lib/format";
import type { TInstitutionStatusRow } from "./types";

/** "42.1%" from a count over n; "—" without a rate or a denominator. */
export const rateText = (r: TRate | null | undefined): string => (r ? formatRate(r.count, r.n) : "—");

/** "24/57"; "—" without a rate. */
export const countOfText = (r: TRate | null | undefined): string =>
  r ? `${formatInteger(r.count)}/${formatInteger(r.n)}` : "—";

/** "24（42.1%）": a count with its share. */
export const countWithRateText = (r: TRate | null | undefined): string =>
  r ? `${formatInteger(r.count)}（${rateText(r)}）` : "—";

/** "12.3" institutions per 10,000 people; "—" without population. */
export const per10kText = (r: TPopulationRate | null | undefined): string =>
  r ? formatPer10k(r.count, r.population) : "—";

/** The share as a fraction (for chart bars), null without a denominator. */
export const shareOf = (r: TRate | null | undefined): number | null => (r && r.n > 0 ? r.count / r.n : null);

/** "丹南（n=57）": the label a chart axis shows, so every bar says what it rests on. */
export const groupLabel = (name: string, n: number): string => `${name}（n=${formatInteger(n)}）`;

/** An indicator reading: "42.1%" for a share, "12.3" for a per-10,000 rate, "—" without a value. */
export function readingText(r: TIndicatorReading | null | undefined): string {
  if (!r || r.value === null) return "—";
  return r.unit === "share" ? formatShare(r.value) : r.value.toFixed(1);
}

/** What a reading rests on: "24/57" for a share, "有り 24・n=57" for a per-10,000 rate. */
export function readingDetail(r: TIndicatorReading): string {
  if (r.unit === "share") return r.n > 0 ? `${formatInteger(r.count)}/${formatInteger(r.n)}` : "n=0";
  return `有り ${formatInteger(r.count)}・n=${formatInteger(r.base)}`;
}

/**
 * A signed difference: "+3.2pt" for shares (percentage points), "+1.4" for per-10,000 rates, "—"
 * when unknown. A real gap that rounds to 0.0 reads "−0.1pt未満", never "±0.0pt": a 課題の候補 just
 * below the prefecture must not look equal to it.
 */
export function differenceText(delta: number | null | undefined, unit: TIndicatorUnit): string {
  return unit === "share" ? formatPointDelta(delta) : formatSignedDifference(delta);
}

/** The direction of a change in words (never colour alone); a change under 0.1 is 横ばい. */
export type TDirection = "上昇" | "低下" | "横ばい";

export function directionOf(delta: number | null | undefined, unit: TIndicatorUnit): TDirection | null {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return null;
  const shown = Number((unit === "share" ? delta * 100 : delta).toFixed(1));
  return shown > 0 ? "上昇" : shown < 0 ? "低下" : "横ばい";
}

/** The words of each judgement against the reference (the zone's prefecture). */
export const JUDGEMENT_TEXTS: Record<TIndicatorJudgement, string> = {
  below: "課題の候補",
  slightlyBelow: "わずかに下回る",
  notBelow: "下回らない",
  insufficientN: "参考値（件数が少ない）",
  coverageDiffers: "参考値（提出率の差が大きい）",
  noData: "データなし",
  neutral: "—",
};

/** How a judgement is drawn: a 課題の候補 stands out, a 参考値 warns, the rest is quiet. */
export type TJudgementTone = "bad" | "warn" | "muted";

export function judgementTone(judgement: TIndicatorJudgement): TJudgementTone {
  if (judgement === "below") return "bad";
  return judgement === "insufficientN" || judgement === "coverageDiffers" ? "warn" : "muted";
}

export const INSTITUTION_STATUS_LABELS: Record<TInstitutionStatusRow["status"], string> = {
  ...RESPONSE_STATUS_LABELS,
  UNSUBMITTED: "未提出",
};

export type TInstitutionFunctionState = "has" | "intent" | "none" | "unknown";

/** One institution's answer for a function: "有り（自院）", "無し（意向有り）", "無し", or "—" before a report. */
export function institutionFunctionText(fn: TInstitutionStatusRow["functions"][string] | undefined): {
  state: TInstitutionFunctionState;
  text: string;
} {
  if (!fn) return { state: "unknown", text: "—" };
  if (fn.has) {
    const mode = fn.mode ? (MODE_LABELS[fn.mode as keyof typeof MODE_LABELS] ?? fn.mode) : null;
    return { state: "has", text: mode ? `有り（${mode}）` : "有り" };
  }
  return fn.intent ? { state: "intent", text: "無し（意向有り）" } : { state: "none", text: "無し" };
}

// ---- Review flags (issue 16): an outlier against its peers, for the prefecture's review only ----

/** A peer figure: counts as integers, a back-transformed median or fence with one decimal. */
const peerFigure = (value: number): string => {
  const v = Math.max(0, value);
  return Math.abs(v - Math.round(v)) < 0.05 ? formatInteger(Math.round(v)) : v.toFixed(1);
};

export type TOutlierTextInput = {
  value: number;
  direction: string;
  peerScope: string;
  peerN: number;
  peerMedian: number;
  lower: number;
  upper: number;
};

/** 「高い値」「低い値」 */
export const outlierDirectionText = (direction: string): string => (direction === "low" ? "低い値" : "高い値");

/**
 * 「同じ圏域の診療所 35件：中央値 12、目安 2〜48」 — the peers' distribution next to a flagged
 * answer; `kindLabel` names the peers' institution kind.
 */
export function outlierPeerText(flag: TOutlierTextInput, kindLabel: string): string {
  const scope = flag.peerScope === "zone" ? "同じ圏域" : "県内";
  return `${scope}の${kindLabel} ${formatInteger(flag.peerN)}件：中央値 ${peerFigure(flag.peerMedian)}、目安 ${peerFigure(flag.lower)}〜${peerFigure(flag.upper)}`;
}

// ---- Council follow-up (協議の場 PDCA, docs/decisions/0018) -------------------------------------

/** The words of each follow-up verdict: baseline → current → target of a council measure. */
export const PROGRESS_TEXTS: Record<TProgressVerdict, string> = {
  achieved: "達成",
  improved: "改善",
  flat: "横ばい",
  worsened: "悪化",
  noBaseline: "基準値なし",
  noCurrent: "今年度の値なし",
  indicatorRemoved: "指標が調査票にありません",
};

export function progressTone(verdict: TProgressVerdict): "good" | "bad" | "warn" | "muted" {
  if (verdict === "achieved" || verdict === "improved") return "good";
  if (verdict === "worsened") return "bad";
  return verdict === "indicatorRemoved" ? "warn" : "muted";
}

/** "改善" or "改善（参考値: n<10）" — a verdict resting on few reports says so. */
export function progressText(progress: TProgress): string {
  const text = PROGRESS_TEXTS[progress.verdict];
  const judged = progress.verdict === "achieved" || progress.verdict === "improved" || progress.verdict === "flat";
  return progress.smallN && (judged || progress.verdict === "worsened")
    ? `${text}（参考値: n<${MIN_N_FOR_COMPARISON}）`
    : text;
}

/** A frozen value or a target in the indicator's unit: "42.1%" / "12.3"; "—" when undefined. */
export function indicatorValueText(value: number | null | undefined, unit: TIndicatorUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return unit === "share" ? formatShare(value) : value.toFixed(1);
}

/** "42.1%（24/57）" — a frozen baseline with what it rests on. */
export function frozenBaselineText(b: TFrozenBaseline | null): string {
  if (!b) return "—";
  const value = indicatorValueText(b.value, b.unit);
  if (b.unit === "share") return `${value}（${formatInteger(b.count)}/${formatInteger(b.denominator ?? 0)}）`;
  return `${value}（有り ${formatInteger(b.count)}・n=${formatInteger(b.base)}）`;
}
