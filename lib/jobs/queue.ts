import "server-only";
import PgBoss from "pg-boss";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/db";
import { JOB_TYPES, parseJobPayload, type TJobName, type TJobPayload } from "./catalog";

// Renkei's one durable job queue: pg-boss on the application database (its own schema, "pgboss"),
// shared by every app instance, the command line and the tests (docs/decisions/0013-job-queue.md).
// This module queues; lib/jobs/workers.ts runs. One client per process, kept on globalThis so
// every route bundle of the Next server shares it.

export const JOB_SCHEMA = "pgboss";

type TQueueState = {
  /** The started client; `withWorkers` says whether it supervises (expiry, retention, cron). */
  client?: Promise<PgBoss>;
  withWorkers?: boolean;
  /** Set once the client has started (its schema and queues exist). */
  ready?: boolean;
};
const globalForJobs = globalThis as unknown as { renkeiJobQueue?: TQueueState };
const state: TQueueState = (globalForJobs.renkeiJobQueue ??= {});

function createClient(withWorkers: boolean): PgBoss {
  const boss = new PgBoss({
    connectionString: getEnv().DATABASE_URL,
    schema: JOB_SCHEMA,
    application_name: "renkei-jobs",
    // Few connections: polling and completing are one short statement each, and on the embedded
    // database every connection shares the one session anyway.
    max: 3,
    // Only processes that run jobs expire dead attempts, archive and fire schedules.
    supervise: withWorkers,
    schedule: withWorkers,
    maintenanceIntervalSeconds: 30,
    // Finished jobs are kept a week for the record, then deleted.
    archiveCompletedAfterSeconds: 3600,
    deleteAfterDays: 7,
  });
  boss.on("error", (error) => console.error("[renkei] job queue:", error instanceof Error ? error.message : error));
  return boss;
}

/** Creates (or updates) a queue per job type; idempotent, so every instance does it at start. */
async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const [name, type] of Object.entries(JOB_TYPES)) {
    const options: PgBoss.Queue = {
      name,
      // "stately": at most one queued and one running job per key, which is what makes `key` a
      // deduplication key (a double click queues one job).
      policy: "stately",
      retryLimit: type.options.retryLimit,
      retryDelay: type.options.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: type.options.expireInSeconds,
    };
    await boss.createQueue(name, options);
    await boss.updateQueue(name, options);
  }
}

/** The started queue client of this process (installs pg-boss's schema on first use). */
export function jobQueue(options: { withWorkers?: boolean } = {}): Promise<PgBoss> {
  const withWorkers = options.withWorkers === true;
  if (state.client && (state.withWorkers || !withWorkers)) return state.client;
  const previous = state.client;
  state.withWorkers = withWorkers;
  state.client = (async () => {
    // A send-only client becomes one that also supervises: replace it.
    if (previous) await (await previous).stop({ graceful: false, wait: true }).catch(() => undefined);
    const boss = createClient(withWorkers);
    await boss.start();
    await ensureQueues(boss);
    state.ready = true;
    return boss;
  })();
  state.ready = false;
  state.client.catch(() => {
    state.client = undefined;
  });
  return state.client;
}

/** Stops this process's client (tests, scripts, shutdown). Running handlers get `graceMs` to end. */
export async function stopJobQueue(graceMs = 0): Promise<void> {
  const client = state.client;
  state.client = undefined;
  state.withWorkers = undefined;
  state.ready = false;
  if (!client) return;
  const boss = await client.catch(() => null);
  await boss?.stop({ graceful: graceMs > 0, timeout: Math.max(graceMs, 1), wait: true, close: true });
}

/** Lets pg-boss write its job row with the caller's Prisma transaction (queued only if it commits). */
function inTransaction(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text, values) {
      // node-postgres serialises objects to JSON itself; Prisma's raw queries want the text.
      const args = values.map((v: unknown) =>
        v !== null && typeof v === "object" && !(v instanceof Date) && !Array.isArray(v) ? JSON.stringify(v) : v,
      );
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...args) };
    },
  };
}

export type TEnqueueOptions = {
  /**
   * Deduplication key: while a job of this type with this key is queued (or retrying), queueing
   * another returns null. Defaults to the payload itself, so the same work is never queued twice.
   */
  key?: string;
  /** Run no earlier than this (a Date, or seconds from now). */
  startAfter?: Date | number;
  /** Queue as part of this transaction: the job exists only if the transaction commits. */
  tx?: Prisma.TransactionClient;
};

/** Queues a job; returns its id, or null when an equal job (same key) is already waiting. */
export async function enqueue<N extends TJobName>(
  name: N,
  payload: TJobPayload<N>,
  options: TEnqueueOptions = {},
): Promise<string | null> {
  const data = parseJobPayload(name, payload) as object;
  // Starting the client inside a transaction would wait for that transaction on the embedded
  // database (one session) for ever: callers start it first.
  if (options.tx && !state.ready)
    throw new Error("enqueue(…, { tx }): call `await jobQueue()` before opening the transaction");
  const boss = await jobQueue();
  return boss.send(name, data, {
    singletonKey: options.key ?? stableKey(data),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    ...(options.tx ? { db: inTransaction(options.tx) } : {}),
  });
}

function stableKey(data: object): string {
  const entries = Object.entries(data).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

/**
 * Queues many jobs of one type in one statement (a bulk mail send); a job whose key is already
 * waiting is not queued again. Each payload is checked against its type's schema first.
 */
export async function enqueueMany<N extends TJobName>(
  name: N,
  payloads: readonly TJobPayload<N>[],
  keyOf: (payload: TJobPayload<N>) => string,
): Promise<void> {
  if (payloads.length === 0) return;
  const boss = await jobQueue();
  await boss.insert(
    payloads.map((payload) => ({ name, data: parseJobPayload(name, payload) as object, singletonKey: keyOf(payload) })),
  );
}
