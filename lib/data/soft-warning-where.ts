import "server-only";
import { parseSoftWarnings } from "./json-columns";
import { softWarningFlags } from "@/lib/questionnaire/soft-rules";
import type { TSoftWarningCounts } from "@/lib/prefecture/soft-warning-filter";

// The review list's soft-warning badge counts, read from Submission.softWarnings (the latest
// revision's warnings, ADR 0019). The list's filter on warnings is the review flag filter
// (`warning-unexplained`, `big-change`: lib/data/review-flags.ts flagWhere, ADR 0020).

/** The counts the list shows next to the status (null: no warnings stored for this report). */
export function softWarningCounts(softWarnings: unknown): TSoftWarningCounts | null {
  const stored = parseSoftWarnings(softWarnings);
  return stored ? softWarningFlags(stored) : null;
}
