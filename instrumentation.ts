// Next.js calls register() once when a server process starts. Background work of the process
// starts here (Node.js runtime only; never during `next build`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Counters that cannot drift: reconciled at start and periodically (lib/services/reconcile.ts).
  const { startCounterReconciliation } = await import("@/lib/services/counter-schedule");
  startCounterReconciliation();
}
