import "server-only";
import type { Prisma } from "@/lib/db";
import { parseSoftWarnings } from "./json-columns";
import { softWarningFlags } from "@/lib/questionnaire/soft-rules";
import type { TSoftWarningCounts, TSoftWarningFilter } from "@/lib/prefecture/soft-warning-filter";

// The review list's soft-warning filter and counts, read from Submission.softWarnings (the latest
// revision's warnings, ADR 0019). JSON containment (@>) on the stored list: a warning without an
// explanation, a year-over-year warning, or any warning.

const CONTAINS: Record<TSoftWarningFilter, Prisma.InputJsonValue> = {
  any: [{}],
  unexplained: [{ explanation: null }],
  bigChange: [{ kind: "change" }],
};

/** A where clause on Institution or Hub: its submission of this cycle carries such a warning. */
export function softWarningWhere(cycleId: string, filter: TSoftWarningFilter | undefined) {
  if (!filter) return {};
  return {
    submissions: {
      some: { cycleId, softWarnings: { path: ["warnings"], array_contains: CONTAINS[filter] } },
    },
  };
}

/** The counts the list shows next to the status (null: no warnings stored for this report). */
export function softWarningCounts(softWarnings: unknown): TSoftWarningCounts | null {
  const stored = parseSoftWarnings(softWarnings);
  return stored ? softWarningFlags(stored) : null;
}
