import "server-only";
import { reconcileClinicCounters } from "./reconcile";

// Runs the counters' reconciliation shortly after the server starts and then periodically, in
// this process (started from instrumentation.ts). Deliberately small and separate from
// reconcileClinicCounters itself, so the schedule can move onto the durable job queue without
// touching the reconciliation. RENKEI_RECONCILE_INTERVAL_MS sets the period (default 10 minutes;
// 0 turns the background runs off, e.g. for a benchmark that reconciles by itself).

const DEFAULT_INTERVAL_MS = 10 * 60_000;
const START_DELAY_MS = 3_000;

const state = globalThis as unknown as { renkeiReconcileTimer?: NodeJS.Timeout };

export function startCounterReconciliation(): void {
  const interval = Number(process.env.RENKEI_RECONCILE_INTERVAL_MS ?? DEFAULT_INTERVAL_MS);
  if (!Number.isFinite(interval) || interval <= 0 || state.renkeiReconcileTimer) return;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const result = await reconcileClinicCounters();
      console.info(
        `[renkei] counters reconciliation (${result.scope}): ${result.municipalities} municipalities checked, ${result.corrected.length} corrected, ${result.milliseconds.toFixed(0)} ms`,
      );
    } catch (error) {
      // The next run tries again; nothing is lost (the reconciliation only repairs derived rows).
      console.error("[renkei] counters reconciliation failed", error);
    } finally {
      running = false;
    }
  };
  setTimeout(run, START_DELAY_MS).unref();
  state.renkeiReconcileTimer = setInterval(run, interval);
  state.renkeiReconcileTimer.unref();
}
