// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/jobs.ts [--db embedded|postgres] [--jobs 2000]`
//
// The durable job queue (pg-boss, lib/jobs; docs/decisions/0013-job-queue.md) on a fresh database:
//   1. enqueue latency: 300 single sends, one at a time (p50/p95/max);
//   2. throughput: --jobs no-op jobs inserted at once, then worked by 2 workers (batches of 50,
//      polling every second) — jobs/s from the first fetch to the last completion;
//   3. kill -9: a worker process takes a job and is killed mid-job; a second worker process
//      starts; how long until the job has run to the end, and how often it was started.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import PgBoss from "pg-boss";
import { startDatabaseProcess, percentiles, type TProcessHandle } from "./http-support";
import { createTestDatabase } from "../../tests/support/test-database";
import { migrateDeploy } from "../lib/processes";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "embedded" },
    jobs: { type: "string", default: "2000" },
    /** Internal: run as the worker process of part 3. */
    "worker-for": { type: "string" },
  },
});

const QUEUE = "bench.sleep";
const bossFor = (url: string, supervise: boolean) =>
  new PgBoss({
    connectionString: url,
    schema: "pgboss",
    max: 3,
    supervise,
    schedule: false,
    maintenanceIntervalSeconds: 2,
  });

if (args["worker-for"]) {
  // Part 3's worker: records each start in bench_starts, then sleeps (the parent kills the first).
  const url = args["worker-for"];
  const boss = bossFor(url, true);
  boss.on("error", () => undefined);
  await boss.start();
  await boss.work(QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async () => {
    await boss.getDb().executeSql(`insert into bench_starts (at) values (now())`, []);
    process.send?.("started");
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  });
  process.send?.("ready");
} else {
  await main();
}

async function main() {
  const log = (m: string) => console.log(`[bench] ${m}`);
  const database: TProcessHandle =
    args.db === "postgres" ? await createTestDatabase("postgres", "benchjobs") : await startDatabaseProcess();
  try {
    if (args.db !== "postgres") await migrateDeploy(database.url);
    const boss = bossFor(database.url, false);
    boss.on("error", (e) => log(`error ${e.message}`));
    await boss.start();
    await boss.createQueue("bench.noop", { name: "bench.noop", policy: "standard" });
    await boss.createQueue(QUEUE, { name: QUEUE, policy: "stately", retryLimit: 3, retryDelay: 1, expireInSeconds: 5 });

    const latencies: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await boss.send("bench.noop", { i }, { singletonKey: `k${i}` });
      latencies.push(performance.now() - t);
    }
    const enqueue = percentiles(latencies);
    log(
      `1. enqueue: p50 ${enqueue.p50.toFixed(1)} ms, p95 ${enqueue.p95.toFixed(1)} ms, max ${enqueue.max.toFixed(1)} ms`,
    );

    const total = Number(args.jobs);
    await boss.insert(Array.from({ length: total }, (_, i) => ({ name: "bench.noop", data: { i } })));
    let done = 0;
    let first = 0;
    const finished = new Promise<void>((resolve) => {
      for (let w = 0; w < 2; w++) {
        let id = "";
        void boss
          .work("bench.noop", { batchSize: 50, pollingIntervalSeconds: 1 }, async (jobs) => {
            // As lib/jobs/workers.ts does: fetch again at once while there is work.
            if (jobs.length > 0) boss.notifyWorker(id);
            first ||= performance.now();
            done += jobs.length;
            if (done >= total + 300) resolve();
          })
          .then((workerId) => (id = workerId));
      }
    });
    await finished;
    const seconds = (performance.now() - first) / 1000;
    log(
      `2. throughput: ${done} jobs in ${seconds.toFixed(1)} s = ${(done / seconds).toFixed(0)} jobs/s (2 workers × 50, next fetch at once while there is work)`,
    );
    await boss.offWork("bench.noop");

    await boss.getDb().executeSql(`create table bench_starts (at timestamptz)`, []);
    const spawnWorker = () =>
      fork(fileURLToPath(import.meta.url), ["--worker-for", database.url], { stdio: "inherit" });
    const message = (child: ChildProcess, what: string) =>
      new Promise<void>((resolve) => child.on("message", (m) => m === what && resolve()));
    const first1 = spawnWorker();
    await message(first1, "ready");
    await boss.send(QUEUE, { n: 1 }, { singletonKey: "crash" });
    await message(first1, "started");
    const killedAt = performance.now();
    first1.kill("SIGKILL");
    const second = spawnWorker();
    await message(second, "ready");
    let state = "";
    while (state !== "completed") {
      const { rows } = await boss.getDb().executeSql(`select state from pgboss.job where name = $1`, [QUEUE]);
      state = String(rows[0]?.state ?? "");
      await new Promise((r) => setTimeout(r, 200));
    }
    const recovered = (performance.now() - killedAt) / 1000;
    const { rows } = await boss.getDb().executeSql(`select count(*)::int as n from bench_starts`, []);
    log(
      `3. kill -9 mid-job (expireIn 5 s, maintenance every 2 s): completed by the second process ${recovered.toFixed(1)} s after the kill; started ${rows[0].n} times (at least once)`,
    );
    second.kill("SIGTERM");
    await boss.stop({ graceful: false, wait: true });
  } finally {
    await database.stop();
  }
  process.exit(0);
}
