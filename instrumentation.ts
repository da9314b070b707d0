// Next.js calls register() once when a server process starts (Node.js runtime only; never during
// `next build`). Settings are checked first, so a misconfigured production server (no
// NEXTAUTH_SECRET, a malformed URL) stops with a clear message instead of starting and then
// failing on every sign-in; then the process's background work starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseEnv } = await import("./lib/env");
  try {
    parseEnv(process.env);
  } catch (error) {
    console.error(`[renkei] 起動できません: ${(error as Error).message}`);
    process.exit(1);
  }
  // Counters that cannot drift: reconciled at start and periodically (lib/services/reconcile.ts).
  const { startCounterReconciliation } = await import("@/lib/services/counter-schedule");
  startCounterReconciliation();
}
