import "server-only";
import type PgBoss from "pg-boss";
import { JOB_TYPES, parseJobPayload, type TJobName } from "./catalog";
import { JOB_HANDLERS, type TJobContext } from "./handlers";
import { jobQueue, stopJobQueue } from "./queue";
import { recurringJobs, recurringQueueName, type TRecurringJob } from "./recurring";

// Runs the queue's jobs in this process: every app instance (instrumentation.ts) and any script
// that wants to. Workers poll (LISTEN/NOTIFY is not used: the embedded database's one session
// would deliver a notification to whichever connection happens to be reading), so a queued job
// starts within POLL_SECONDS on whichever instance asks first.

const POLL_SECONDS = 1;
const RECURRING_POLL_SECONDS = 2;

const globalForWorkers = globalThis as unknown as { renkeiJobWorkers?: Promise<void> };

/** Starts the workers of every job type and recurring job once per process. */
export function startJobWorkers(): Promise<void> {
  globalForWorkers.renkeiJobWorkers ??= start().catch((error: unknown) => {
    globalForWorkers.renkeiJobWorkers = undefined;
    throw error;
  });
  return globalForWorkers.renkeiJobWorkers;
}

/** Stops this process's workers and queue client; running handlers get `graceMs` to end. */
export async function stopJobWorkers(graceMs = 0): Promise<void> {
  globalForWorkers.renkeiJobWorkers = undefined;
  await stopJobQueue(graceMs);
}

async function start(): Promise<void> {
  const boss = await jobQueue({ withWorkers: true });
  for (const name of Object.keys(JOB_TYPES) as TJobName[]) await workOn(boss, name);
  for (const job of recurringJobs()) await scheduleRecurring(boss, job);
}

async function workOn<N extends TJobName>(boss: PgBoss, name: N): Promise<void> {
  const { concurrency, minIntervalMs } = JOB_TYPES[name].options;
  const handler = JOB_HANDLERS[name];
  let nextStart = 0;
  const pace = async () => {
    // Throttling: starts of this type at least minIntervalMs apart in this process.
    const wait = nextStart - Date.now();
    nextStart = Math.max(Date.now(), nextStart) + minIntervalMs;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  };
  for (let lane = 0; lane < concurrency; lane++) {
    let workerId = "";
    workerId = await boss.work(
      name,
      { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS, includeMetadata: true },
      async ([job]: PgBoss.JobWithMetadata<unknown>[]) => {
        if (!job) return;
        // pg-boss waits a polling interval after every fetch, even one that found work: ask for
        // the next job at once while there is work, and wait only when the queue is empty.
        boss.notifyWorker(workerId);
        if (minIntervalMs > 0) await pace();
        const context: TJobContext = { jobId: job.id, attempt: job.retryCount };
        await handler(parseJobPayload(name, job.data), context);
      },
    );
  }
}

async function scheduleRecurring(boss: PgBoss, job: TRecurringJob): Promise<void> {
  const queue = recurringQueueName(job.name);
  const expireInSeconds = job.expireInSeconds ?? 600;
  await boss.createQueue(queue, { name: queue, policy: "stately", retryLimit: 2, retryDelay: 30, expireInSeconds });
  const schedule = job.schedule;
  const every = "seconds" in schedule ? schedule.seconds : null;
  // One waiting run per recurring job across all instances (stately queue, one key).
  const queueNext = (delaySeconds: number) =>
    boss.send(queue, {}, { singletonKey: "next", startAfter: delaySeconds }).catch((error: unknown) => {
      console.error(`[renkei] recurring job ${job.name}: could not queue the next run`, error);
      return null;
    });
  await boss.work(queue, { batchSize: 1, pollingIntervalSeconds: RECURRING_POLL_SECONDS }, async () => {
    const started = Date.now();
    try {
      await job.run();
    } finally {
      if (every !== null) await queueNext(every);
      const ms = Date.now() - started;
      if (ms > 1000) console.log(`[renkei] recurring job ${job.name} took ${ms} ms`);
    }
  });
  if (every !== null) await queueNext(0);
  else await boss.schedule(queue, (schedule as { cron: string }).cron, {}, { singletonKey: "cron" });
}
