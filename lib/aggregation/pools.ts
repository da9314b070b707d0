// 意向有り (recruitable) pools: institutions whose function is not 有り but who answered
// 無し(意向有り) — the institutions a council asks to take on a function. The summaries count them
// (TFunctionSummary.intent); the list itself is detail data the caller fetches, deciding per
// report with these helpers — the same rule the counters use, so list length = count.
import { functionFlags, type TDerivedStatus } from "@/lib/questionnaire/derive";
import { findItemByTag } from "@/lib/questionnaire/definition";
import { computeVisibility } from "@/lib/questionnaire/visibility";
import type { TClinicRevision } from "./clinic-counters";

/** Whether a report is in the function's 意向有り pool (not 有り, and an answer says 意向有り). */
export function isInIntentPool(derived: TDerivedStatus, functionKey: string): boolean {
  const status = derived.functions[functionKey];
  return status !== undefined && status.intent && !status.has;
}

/** The function keys whose pool the report is in. */
export function intentPools(derived: TDerivedStatus): string[] {
  return Object.keys(derived.functions).filter((key) => isInIntentPool(derived, key));
}

/**
 * Whether the answer to a tagged single-choice item (e.g. onCallRota, backupBeds) is a
 * 無し(意向有り) option — the per-item pool behind TChoiceSummary.intent. The report's own
 * definition decides, so it works across versions.
 */
export function isInItemIntentPool(revision: TClinicRevision, tag: string): boolean {
  const { definition, answers, derived } = revision;
  const item = findItemByTag(definition, tag);
  if (item?.type !== "single") return false;
  // A hidden item does not count, exactly as in the counters (notApplicable).
  if (!computeVisibility(definition, answers, functionFlags(derived)).items.has(item.key)) return false;
  const value = answers[item.key];
  return item.options.some((o) => o.code === value && o.status === "intent");
}
