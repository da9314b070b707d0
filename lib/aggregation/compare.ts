// Change from last year. Both summaries are counted by function key and item tag, so last year's
// reports may come from another definition version (R6 demo vs R7): an item last year's version
// did not ask reads as n = 0 there, and its delta is null rather than a fake change from 0%.
import type { TClinicSummary } from "./clinic-summary";
import {
  CLINIC_INDICATORS,
  coverageComparable,
  readIndicator,
  type TIndicator,
  type TIndicatorMeta,
  type TIndicatorReading,
} from "./indicators";
import type { TStatusCounts } from "./status";

export type TIndicatorChange = TIndicatorMeta & {
  current: TIndicatorReading;
  previous: TIndicatorReading;
  /**
   * current − previous (fractions, or per-10,000 rates); null when either is undefined, and for a
   * per-10,000 rate when the two years' coverage differs (see MAX_COVERAGE_GAP_POINTS).
   */
  delta: number | null;
  /** false: a per-10,000 rate of two years resting on different shares of respondents. */
  coverageComparable: boolean;
};

export type TSummaryChange = {
  n: { current: number; previous: number };
  status: { current: TStatusCounts; previous: TStatusCounts };
  indicators: TIndicatorChange[];
};

export function compareSummaries(
  current: TClinicSummary,
  previous: TClinicSummary,
  options: { indicators?: readonly TIndicator[] } = {},
): TSummaryChange {
  if (current.kind !== previous.kind || current.confirmedOnly !== previous.confirmedOnly) {
    throw new Error("前年と比較する集計の条件（病院/診療所、確認済のみ）が一致していません。");
  }
  return {
    n: { current: current.n, previous: previous.n },
    status: { current: current.status, previous: previous.status },
    indicators: (options.indicators ?? CLINIC_INDICATORS).map((indicator) => {
      const { measure: _measure, ...meta } = indicator;
      const cur = readIndicator(current, indicator);
      const prev = readIndicator(previous, indicator);
      const comparable = indicator.unit !== "per10k" || coverageComparable(current, previous);
      return {
        ...meta,
        current: cur,
        previous: prev,
        delta: comparable && cur.value !== null && prev.value !== null ? cur.value - prev.value : null,
        coverageComparable: comparable,
      };
    }),
  };
}
