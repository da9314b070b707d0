import "server-only";

// Recurring work (housekeeping, reconciliations) on the durable queue. A registration says what to
// run and how often; lib/jobs/workers.ts gives each its own queue, so across all app instances it
// runs once per period, not once per instance, and a missed run happens when an instance is next up.
//
//   registerRecurring("counters.reconcile", { seconds: 600 }, () => reconcileClinicCounters());
//   registerRecurring("documents.housekeeping", { cron: "7 * * * *" }, expireDocumentJobs);

export type TRecurringSchedule =
  /** Every so many seconds after the end of the previous run (the first run at start). */
  | { seconds: number }
  /** A cron expression (minutes resolution, server time zone). */
  | { cron: string };

export type TRecurringJob = {
  name: string;
  schedule: TRecurringSchedule;
  run: () => Promise<unknown>;
  /** Longest a run may take before it is considered dead and run again (default 10 minutes). */
  expireInSeconds?: number;
};

const globalForRecurring = globalThis as unknown as { renkeiRecurringJobs?: Map<string, TRecurringJob> };
const registered: Map<string, TRecurringJob> = (globalForRecurring.renkeiRecurringJobs ??= new Map());

/** Registers (or replaces) a recurring job; call it before the workers start (lib/jobs/handlers.ts). */
export function registerRecurring(name: string, schedule: TRecurringSchedule, run: () => Promise<unknown>): void {
  if (!/^[a-z][a-z0-9.-]*$/.test(name)) throw new Error(`recurring job name "${name}": lower case, dots, dashes`);
  if ("seconds" in schedule && !(schedule.seconds >= 1)) throw new Error(`recurring job "${name}": seconds ≥ 1`);
  registered.set(name, { name, schedule, run });
}

export function recurringJobs(): TRecurringJob[] {
  return [...registered.values()];
}

/** The queue a recurring job runs on. */
export const recurringQueueName = (name: string) => `recurring.${name}`;
