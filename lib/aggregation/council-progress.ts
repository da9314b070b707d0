// The follow-up of a council measure (協議の場 PDCA): where its indicator stands now against the
// baseline frozen when the measure was decided and the target the council set. Counts and
// verdict codes only; lib/summaries words them (docs/decisions/0018-council-records.md).
//
// Direction: the measure's own, from baseline to target (a council may aim to raise an indicator
// the catalogue has no direction for, or to lower one); when the target equals the baseline, the
// indicator's direction; without either, higher is better.
//
// Verdicts:
// - achieved (達成): the current value has reached the target (≥ for upward, ≤ for downward).
// - improved (改善) / worsened (悪化): moved towards / away from the target by more than the flat band.
// - flat (横ばい): moved by less than FLAT_BAND (share points, or percent of a per-10,000 baseline),
//   which is about what one institution's answer moves in a small zone.
// - noBaseline / noCurrent: a value is undefined (n = 0, unknown population) — nothing is judged.
// - indicatorRemoved: this year's definition no longer asks what the indicator counts.
// `smallN` marks a verdict resting on fewer than MIN_N_FOR_COMPARISON reports (shown as 参考値).
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { findItemByTag } from "@/lib/questionnaire/definition";
import { PRIMARY_CARE_AREAS_TAG } from "./clinic-tags";
import { CLINIC_INDICATORS, MIN_N_FOR_COMPARISON, type TIndicator, type TIndicatorReading } from "./indicators";

export const FLAT_BAND = Object.freeze({ sharePoints: 1, per10kPercent: 5 });

export const PROGRESS_VERDICTS = [
  "achieved",
  "improved",
  "flat",
  "worsened",
  "noBaseline",
  "noCurrent",
  "indicatorRemoved",
] as const;
export type TProgressVerdict = (typeof PROGRESS_VERDICTS)[number];

/** A frozen baseline as stored with the measure. */
export type TFrozenBaseline = {
  unit: "share" | "per10k";
  count: number;
  /** Reports (share) or population (per 10,000). */
  denominator: number | null;
  /** Reports the value rests on. */
  base: number;
  value: number | null;
  fiscalYear: number;
};

export type TProgressInput = {
  unit: "share" | "per10k";
  higherIsBetter: boolean | null;
  baseline: { value: number | null; base: number } | null;
  current: { value: number | null; base: number } | null;
  target: number | null;
  /** false: the current definition does not ask what the indicator counts. */
  indicatorAsked: boolean;
  minN?: number;
};

export type TProgress = {
  verdict: TProgressVerdict;
  /** current − baseline (fraction or per-10,000 rate); null when either is undefined. */
  change: number | null;
  /** +1: the measure aims upward, −1: downward. */
  direction: 1 | -1;
  smallN: boolean;
};

function directionOf(input: TProgressInput): 1 | -1 {
  const b = input.baseline?.value;
  if (input.target !== null && b !== null && b !== undefined && input.target !== b) return input.target > b ? 1 : -1;
  return input.higherIsBetter === false ? -1 : 1;
}

/** The band under which a change counts as 横ばい, in the indicator's own unit. */
export function flatBandOf(unit: "share" | "per10k", baseline: number): number {
  return unit === "share" ? FLAT_BAND.sharePoints / 100 : (Math.abs(baseline) * FLAT_BAND.per10kPercent) / 100;
}

// Values are rounded to 1e-9 before comparing, so 0.1 + 0.2 style noise never decides a verdict.
const EPSILON = 1e-9;

export function judgeProgress(input: TProgressInput): TProgress {
  const direction = directionOf(input);
  const minN = input.minN ?? MIN_N_FOR_COMPARISON;
  const b = input.baseline?.value ?? null;
  const c = input.current?.value ?? null;
  const change = b !== null && c !== null ? c - b : null;
  const smallN = (input.baseline?.base ?? 0) < minN || (input.current?.base ?? 0) < minN;
  const result = (verdict: TProgressVerdict): TProgress => ({ verdict, change, direction, smallN });
  if (!input.indicatorAsked) return result("indicatorRemoved");
  if (b === null) return result("noBaseline");
  if (c === null) return result("noCurrent");
  if (input.target !== null && direction * (c - input.target) >= -EPSILON) return result("achieved");
  const moved = direction * (c - b);
  if (Math.abs(moved) < flatBandOf(input.unit, b) - EPSILON) return result("flat");
  return result(moved > 0 ? "improved" : "worsened");
}

/**
 * Whether a definition still asks what an indicator counts: its function, the 17-area item, or
 * its tagged item. An indicator key the catalogue no longer has is never asked.
 */
export function indicatorAskedBy(
  key: string,
  definition: Pick<TQuestionnaireDefinition, "sections" | "functions">,
  catalogue: readonly TIndicator[] = CLINIC_INDICATORS,
): boolean {
  const indicator = catalogue.find((i) => i.key === key);
  if (!indicator) return false;
  const m = indicator.measure;
  switch (m.type) {
    case "function":
    case "functionPer10k":
      return definition.functions.some((f) => f.key === m.fn);
    case "area":
      return findItemByTag(definition, PRIMARY_CARE_AREAS_TAG) !== undefined;
    case "choice":
    case "count":
      return findItemByTag(definition, m.tag) !== undefined;
  }
}

/** The baseline to freeze from a reading (what the measure stores when decided). */
export function freezeReading(reading: TIndicatorReading, fiscalYear: number): TFrozenBaseline {
  return {
    unit: reading.unit,
    count: reading.count,
    denominator: reading.unit === "share" ? reading.n : reading.population,
    base: reading.base,
    value: reading.value,
    fiscalYear,
  };
}
