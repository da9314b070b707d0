// The durable job queue (lib/jobs) on the real database: deduplication keys, queueing inside a
// transaction, workers that run an applied import with nobody calling the runner, a retried job
// taking over from a dead attempt, and recurring jobs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueue, jobQueue } from "@/lib/jobs/queue";
import { registerRecurring } from "@/lib/jobs/recurring";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/workers";
import { applyImportJob, createImportPreview, runImportJob } from "@/lib/services/import-jobs";
import { getImportProgress } from "@/lib/data/import-jobs";
import { buildWorld, type TWorld } from "@/tests/factories/world";
import { csvFile, inst } from "@/tests/fixtures/import/builders";
import { ROSTER_HEADER } from "@/scripts/bench/roster-file";

let world: TWorld;
beforeAll(async () => {
  world = await buildWorld();
  // Jobs queued by earlier test files refer to rows that are gone; start from an empty queue.
  await jobQueue();
  await db.$executeRawUnsafe(`delete from pgboss.job`);
});
afterAll(async () => {
  await stopJobWorkers();
});

const rosterWith = (n: number) =>
  csvFile([ROSTER_HEADER, [inst(n), `キュー内科${n}`, "診療所", "0", "", "", "182079", "", `q${n}@example.jp`]]);

async function queuedJobs(name: string): Promise<{ id: string; state: string; data: unknown }[]> {
  return db.$queryRawUnsafe(`select id::text, state::text, data from pgboss.job where name = $1`, name);
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("job queue", () => {
  it("queues a key once while it waits, and nothing from a transaction that rolls back", async () => {
    await jobQueue();
    const first = await enqueue("documents.packet-batch", { documentJobId: "dedup-1" }, { key: "dedup-1" });
    const second = await enqueue("documents.packet-batch", { documentJobId: "dedup-1" }, { key: "dedup-1" });
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBeNull();
    await expect(
      db.$transaction(async (tx) => {
        await enqueue("documents.packet-batch", { documentJobId: "rolled-back" }, { key: "rolled-back", tx });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const jobs = await queuedJobs("documents.packet-batch");
    expect(jobs.filter((j) => JSON.stringify(j.data).includes("dedup-1"))).toHaveLength(1);
    expect(jobs.some((j) => JSON.stringify(j.data).includes("rolled-back"))).toBe(false);
    // A payload that does not fit its type's schema is refused before anything is queued.
    await expect(enqueue("import.apply", { importJobId: "" })).rejects.toThrow();
    await db.$executeRawUnsafe(`delete from pgboss.job where name = 'documents.packet-batch'`);
  });

  it("a job queued by one process is run by the workers; a retry takes over a dead attempt", async () => {
    const viewer = world.viewers.fukuiPrefecture;
    const { jobId } = await createImportPreview(viewer, { kind: "ROSTER", file: rosterWith(910001) });
    await applyImportJob(viewer, jobId, {});
    expect((await queuedJobs("import.apply")).map((j) => j.data)).toContainEqual({ importJobId: jobId });

    // A second import whose first attempt "died" while RUNNING: the queue's retry runs it again.
    const { jobId: crashed } = await createImportPreview(viewer, { kind: "ROSTER", file: rosterWith(910002) });
    await db.importJob.update({
      where: { id: crashed },
      data: { status: "RUNNING", options: {}, appliedByEmail: "pref@example.jp" },
    });
    await runImportJob(crashed); // a plain second call does nothing: the job is not QUEUED
    expect((await getImportProgress(viewer, crashed)).status).toBe("RUNNING");
    await runImportJob(crashed, { retry: true });
    expect((await getImportProgress(viewer, crashed)).status).toBe("SUCCEEDED");

    await startJobWorkers();
    const progress = await waitFor(
      () => getImportProgress(viewer, jobId),
      (p) => p.status === "SUCCEEDED" || p.status === "FAILED",
    );
    expect(progress).toMatchObject({ status: "SUCCEEDED", result: { created: 1 } });
    expect(await db.institution.count({ where: { code: { in: [inst(910001), inst(910002)] } } })).toBe(2);
    const done = await waitFor(
      () => queuedJobs("import.apply"),
      (jobs) => jobs.every((j) => j.state === "completed"),
    );
    expect(done.map((j) => j.state)).toEqual(["completed"]);
  }, 60_000);

  it("runs a recurring job again after its period, once per period", async () => {
    await stopJobWorkers();
    const runs: number[] = [];
    registerRecurring("test.tick", { seconds: 1 }, async () => {
      runs.push(Date.now());
    });
    await startJobWorkers();
    await waitFor(
      async () => runs.length,
      (n) => n >= 2,
      20_000,
    );
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(1000);
  }, 30_000);
});
