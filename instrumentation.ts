// Next.js calls register() once when a server process starts. The work is in lib/server-start.ts,
// loaded only on the Node.js runtime (it uses process.exit and the job queue) and never during
// `next build`.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerProcess } = await import("./lib/server-start");
  await startServerProcess();
}
