// Admission control for one process's JSON routes (issue 18, docs/decisions/0012): at most
// `maxInFlight` requests do their work at once; up to `maxWaiting` more wait, first come first
// served, for at most `maxWaitMs`; anything beyond is refused at once. A refused request has
// read nothing and written nothing, so the honest answer is 503 「混み合っています」 — which the
// form's autosave retries by itself — instead of a queue without end inside the process.
// Fewer requests at work also cost less: on 2 cores, 4 at a time instead of 16 made a save cheaper
// in the app and in the database (docs/decisions/0012, "Fewer requests at work", and the runs
// after it for how much that varies on a shared machine).
//
// It is per process on purpose: it bounds this process's memory and CPU queue, which is local.
// Nothing shared lives here — N instances each admit their own share.

export type TAdmissionLimits = { maxInFlight: number; maxWaiting: number; maxWaitMs: number };

export class AdmissionRefused extends Error {
  override readonly name = "AdmissionRefused";
  constructor(readonly reason: "full" | "timeout") {
    super(reason === "full" ? "too many requests waiting" : "waited too long for a turn");
  }
}

/**
 * By name, not `instanceof`: the gate is one per process (kept on globalThis) while each route's
 * bundle may hold its own copy of this module, and so of the class.
 */
export const isAdmissionRefused = (error: unknown): error is AdmissionRefused =>
  error instanceof Error && error.name === "AdmissionRefused";

type TWaiter = { admit: () => void; timer: ReturnType<typeof setTimeout> };

export type TAdmissionGate = {
  /** Runs `work` when a turn is free; rejects with AdmissionRefused without running it otherwise. */
  admit<T>(work: () => Promise<T>): Promise<T>;
  /** What the gate holds now (for logs and tests). */
  load(): { inFlight: number; waiting: number; refused: number };
};

export function createAdmissionGate(limits: TAdmissionLimits): TAdmissionGate {
  let inFlight = 0;
  let refused = 0;
  const waiting: TWaiter[] = [];

  function release() {
    const next = waiting.shift();
    if (!next) {
      inFlight -= 1;
      return;
    }
    // The turn passes straight to the first waiter: inFlight stays the same.
    clearTimeout(next.timer);
    next.admit();
  }

  function turn(): Promise<void> {
    if (inFlight < limits.maxInFlight) {
      inFlight += 1;
      return Promise.resolve();
    }
    if (waiting.length >= limits.maxWaiting) {
      refused += 1;
      return Promise.reject(new AdmissionRefused("full"));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: TWaiter = {
        admit: resolve,
        timer: setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1);
          refused += 1;
          reject(new AdmissionRefused("timeout"));
        }, limits.maxWaitMs),
      };
      waiting.push(waiter);
    });
  }

  return {
    async admit<T>(work: () => Promise<T>): Promise<T> {
      await turn();
      try {
        return await work();
      } finally {
        release();
      }
    },
    load: () => ({ inFlight, waiting: waiting.length, refused }),
  };
}
