import "server-only";
import { reconcileClinicCounters } from "./reconcile";

// The counters' reconciliation as a recurring job on the durable queue (lib/jobs/handlers.ts
// registers it): it runs once per period across all app instances — shortly after the first one
// starts, then every RENKEI_RECONCILE_INTERVAL_MS (default 10 minutes; 0 turns the background
// runs off, e.g. for a benchmark that reconciles by itself). Kept apart from
// reconcileClinicCounters itself, which the CLI's recount and the tests call directly.

const DEFAULT_INTERVAL_MS = 10 * 60_000;

/** The period in seconds, or null when the background reconciliation is turned off. */
export function reconciliationIntervalSeconds(): number | null {
  const interval = Number(process.env.RENKEI_RECONCILE_INTERVAL_MS ?? DEFAULT_INTERVAL_MS);
  return Number.isFinite(interval) && interval > 0 ? Math.max(1, Math.round(interval / 1000)) : null;
}

/** One run, with a log line saying what it checked and corrected. */
export async function runCounterReconciliation(): Promise<void> {
  const result = await reconcileClinicCounters();
  console.info(
    `[renkei] counters reconciliation (${result.scope}): ${result.municipalities} municipalities checked, ${result.corrected.length} corrected, ${result.milliseconds.toFixed(0)} ms`,
  );
}
