import "server-only";
import { db, Prisma } from "@/lib/db";
import {
  applyContributionChanges,
  CLINIC_COUNTERS_FORMAT,
  type TClinicCounters,
  type TContributionChange,
} from "@/lib/aggregation";
import { parseClinicCounters, parseLoggedCounters } from "./json-columns";

// The stored counters as they are now: the rows of ClinicCounterCell / ClinicCounterTotal plus the
// changes of the append-only log not yet folded into them (lib/services/counters.ts,
// docs/decisions/0012-deadline-rush-write-path.md). Rows and pending changes are read in ONE
// statement, so they come from one snapshot: a fold that moves changes into the rows meanwhile can
// neither count a change twice nor lose it. Not scoped: callers have checked the viewer's right to
// the cycle (dashboards, council figures), hence unsafe…; these are counts, never a respondent's
// answers.

type TRow = { key: string; counters: unknown; before: unknown; stored: boolean };

/** Counters of a clinic-report cycle per municipality (rows of an outdated format are absent). */
export async function unsafeLoadClinicCells(cycleId: string): Promise<Map<string, TClinicCounters>> {
  const rows = await db.$queryRaw<TRow[]>`
    SELECT "municipalityCode" AS "key", "counters", NULL::jsonb AS "before", true AS "stored"
    FROM "ClinicCounterCell" WHERE "cycleId" = ${cycleId} AND "format" = ${CLINIC_COUNTERS_FORMAT}
    UNION ALL
    SELECT "municipalityCode", "after", "before", false
    FROM "ClinicCounterChange" WHERE "cycleId" = ${cycleId}`;
  return withPendingChanges(rows);
}

/** Each cycle's prefecture total (cycles whose total is missing or outdated are absent). */
export async function unsafeLoadClinicTotals(cycleIds: readonly string[]): Promise<Map<string, TClinicCounters>> {
  if (cycleIds.length === 0) return new Map();
  const ids = Prisma.sql`ANY(${[...cycleIds]}::text[])`;
  const rows = await db.$queryRaw<TRow[]>`
    SELECT "cycleId" AS "key", "counters", NULL::jsonb AS "before", true AS "stored"
    FROM "ClinicCounterTotal" WHERE "cycleId" = ${ids} AND "format" = ${CLINIC_COUNTERS_FORMAT}
    UNION ALL
    SELECT "cycleId", "after", "before", false
    FROM "ClinicCounterChange" WHERE "cycleId" = ${ids}`;
  return withPendingChanges(rows);
}

function withPendingChanges(rows: readonly TRow[]): Map<string, TClinicCounters> {
  const stored = new Map<string, TClinicCounters>();
  const pending = new Map<string, TRow[]>();
  for (const row of rows) {
    if (row.stored) stored.set(row.key, parseClinicCounters(row.counters));
    else if (pending.has(row.key)) pending.get(row.key)!.push(row);
    else pending.set(row.key, [row]);
  }
  const result = new Map<string, TClinicCounters>();
  for (const [key, counters] of stored) {
    try {
      const changes = (pending.get(key) ?? []).map((row) => parsedChange(row.before, row.counters));
      result.set(key, applyContributionChanges(counters, changes));
    } catch (error) {
      // The stored row had drifted (a count would go negative) or a change is of another format:
      // the next fold recounts it from the reports. Until then the stored row is the best figure
      // there is; say so in the log.
      console.warn(`[renkei] counters ${key}: pending changes do not apply (${(error as Error).message})`);
      result.set(key, counters);
    }
  }
  return result;
}

/** One row of ClinicCounterChange as the counters it moves (before → after). */
export function parsedChange(before: unknown, after: unknown): TContributionChange {
  return {
    before: before === null || before === undefined ? null : parseLoggedCounters(before),
    after: after === null || after === undefined ? null : parseLoggedCounters(after),
  };
}
