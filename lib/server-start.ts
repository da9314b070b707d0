import "server-only";

// What every server process does once at start (called from instrumentation.ts, Node.js runtime
// only, never during `next build`). Settings are checked first, so a misconfigured production
// server (no NEXTAUTH_SECRET, a malformed URL) stops with a clear message instead of starting and
// then failing on every sign-in. Then the instance runs the durable queue's workers (lib/jobs,
// docs/decisions/0013-job-queue.md), so a job queued by any instance runs on whichever is free —
// imports, PDF batches and the recurring reconciliation of the dashboard counters.
// RENKEI_JOB_WORKERS=0 makes an instance serve pages only.
export async function startServerProcess(): Promise<void> {
  const { parseEnv } = await import("./env");
  try {
    parseEnv(process.env);
  } catch (error) {
    console.error(`[renkei] 起動できません: ${(error as Error).message}`);
    process.exit(1);
  }
  // The autosave and submit are answered before Next's router when the server entry
  // (scripts/server.mjs) runs this process (lib/http/direct-routes.ts).
  const { registerDirectRoutes } = await import("./http/direct-routes");
  registerDirectRoutes();
  if (process.env.RENKEI_JOB_WORKERS === "0") return;
  const { startJobWorkers } = await import("./jobs/workers");
  // A database that is not up yet must not stop the server: retry in the background.
  const attempt = (delayMs: number) => {
    startJobWorkers().then(
      () => console.log("[renkei] job workers started"),
      (error: unknown) => {
        console.error(
          `[renkei] job workers could not start (retrying in ${delayMs / 1000} s):`,
          error instanceof Error ? error.message : error,
        );
        setTimeout(() => attempt(Math.min(delayMs * 2, 60_000)), delayMs).unref();
      },
    );
  };
  attempt(2_000);
}
