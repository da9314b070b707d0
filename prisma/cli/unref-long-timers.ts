// CLI only; imported first by prisma.config.ts.
// Prisma 6.19's WASM schema engine arms a 60 s timer and PGlite/pg pools keep 10 s+ timers
// alive, so `migrate deploy` would linger long after "Done". Unreferencing long timers lets the
// process exit as soon as its real work is finished; short timers (I/O retries) are untouched.
const LONG_TIMER_MS = 10_000;
const originalSetTimeout = globalThis.setTimeout;

globalThis.setTimeout = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const timer = originalSetTimeout(handler, ms, ...args);
  if ((ms ?? 0) >= LONG_TIMER_MS) timer.unref?.();
  return timer;
}) as typeof setTimeout;
