// The indicator tables: this year beside last year, and a zone beside its prefecture with the
// judgement (課題の候補 …). Every text comes from ./texts.
import {
  type TIndicatorComparison,
  type TIndicatorGroup,
  type TIndicatorJudgement,
  type TSummaryChange,
} from "@/lib/aggregation";
import {
  JUDGEMENT_TEXTS,
  differenceText,
  directionOf,
  judgementTone,
  readingDetail,
  readingText,
  type TDirection,
  type TJudgementTone,
} from "./texts";

export type TChangeRow = {
  key: string;
  label: string;
  group: TIndicatorGroup;
  current: string;
  currentDetail: string;
  previous: string;
  previousDetail: string;
  delta: string;
  /** "up" / "down" / "same" in words, so the direction never rests on colour alone; null when unknown. */
  direction: TDirection | null;
  /** Why there is no direction, in words ("提出率が異なる" for per-10,000 rates of unequal coverage). */
  noDirectionReason: string | null;
};

/** Every indicator this year and last year with the change; [] when there is no previous year. */
export function changeRows(change: TSummaryChange | null): TChangeRow[] {
  if (!change) return [];
  return change.indicators.map((i) => ({
    key: i.key,
    label: i.label,
    group: i.group,
    current: readingText(i.current),
    currentDetail: readingDetail(i.current),
    previous: readingText(i.previous),
    previousDetail: readingDetail(i.previous),
    delta: differenceText(i.delta, i.unit),
    direction: directionOf(i.delta, i.unit),
    noDirectionReason: i.coverageComparable ? null : "提出率が異なる",
  }));
}

export type TComparisonRow = {
  key: string;
  label: string;
  group: TIndicatorGroup;
  value: string;
  valueDetail: string;
  reference: string;
  referenceDetail: string;
  difference: string;
  judgement: TIndicatorJudgement;
  judgementLabel: string;
  tone: TJudgementTone;
  /** A 課題の候補: clearly below the prefecture with enough reports on both sides. */
  below: boolean;
};

export function comparisonRows(comparison: readonly TIndicatorComparison[]): TComparisonRow[] {
  return comparison.map((c) => ({
    key: c.key,
    label: c.label,
    group: c.group,
    value: readingText(c.value),
    valueDetail: readingDetail(c.value),
    reference: readingText(c.reference),
    referenceDetail: readingDetail(c.reference),
    difference: differenceText(c.difference, c.unit),
    judgement: c.judgement,
    judgementLabel: JUDGEMENT_TEXTS[c.judgement],
    tone: judgementTone(c.judgement),
    below: c.below,
  }));
}

/** The rows flagged 課題の候補, and how many indicators were only 参考値 for want of reports. */
export function issueSummary(comparison: readonly TIndicatorComparison[]): {
  candidates: TComparisonRow[];
  insufficient: number;
} {
  const rows = comparisonRows(comparison);
  return {
    candidates: rows.filter((r) => r.below),
    insufficient: rows.filter((r) => r.judgement === "insufficientN").length,
  };
}
