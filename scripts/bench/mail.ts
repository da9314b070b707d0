// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/mail.ts [--db embedded|postgres] [--clinics 300] [--rounds 3]`
//
// Mail of the cycle (docs/decisions/0021-cycle-mail.md) on a fresh database with a real SMTP server
// (smtp-server on loopback, what arrives is counted), repeated --rounds times (min / median):
//   1. queue: a reminder to --clinics clinics (planBulkMail + one transaction with the batch,
//      the rows and the audit row) — ms;
//   2. dispatch: one "mail.send" job per row (pg-boss insert) — ms;
//   3. send, unthrottled: every row's send job run back to back in this process (claim, re-check,
//      render, SMTP, mark) — messages/s, the capacity behind the 5/s throttle;
//   4. through the queue's workers with the throttle (minIntervalMs 200): the first 50 of a batch,
//      from the kick to the 50th SENT — messages/s (bounded by the throttle by design).
import { parseArgs } from "node:util";
import pg from "pg";
import { startDatabaseProcess } from "./http-support";
import { migrateDeploy } from "../lib/processes";
import { testPostgresUrl } from "../../tests/support/test-database";
import { startTestSmtp } from "../../tests/support/smtp";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "embedded" },
    clinics: { type: "string", default: "300" },
    rounds: { type: "string", default: "3" },
  },
});
const KIND = args.db === "postgres" ? "postgres" : "embedded";
const CLINICS = Number(args.clinics);
const ROUNDS = Number(args.rounds);
const log = (message: string) => console.log(`[mail ${KIND}] ${message}`);

async function openDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (KIND === "embedded") return startDatabaseProcess();
  const admin = new URL(testPostgresUrl());
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists renkei_bench_mail with (force)`);
  await client.query(`create database renkei_bench_mail`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = "/renkei_bench_mail";
  return { url: url.toString(), stop: async () => undefined };
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]!, max: sorted.at(-1)! };
};
const fmt = (s: { min: number; median: number; max: number }, unit: string) =>
  `min ${s.min.toFixed(1)} ${unit}, median ${s.median.toFixed(1)} ${unit}, max ${s.max.toFixed(1)} ${unit}`;

const smtp = await startTestSmtp();
const database = await openDatabase();
await migrateDeploy(database.url);
process.env.DATABASE_URL = database.url;
process.env.SMTP_HOST = "127.0.0.1";
process.env.SMTP_PORT = String(smtp.port);
process.env.SMTP_FROM = "renkei@bench.example.jp";
const { db } = await import("@/lib/db");
const { seedBenchClinics } = await import("./bench-clinics");
const { queueBulkMail } = await import("@/lib/services/cycle-mail");
const { dispatchQueuedMail } = await import("@/lib/services/mail-dispatch");
const { runMailJob } = await import("@/lib/services/mail-delivery");
const { jobQueue } = await import("@/lib/jobs/queue");
const { startJobWorkers, stopJobWorkers } = await import("@/lib/jobs/workers");

try {
  const { cycle } = await seedBenchClinics({
    count: CLINICS,
    namePrefix: "メール診療所",
    codeDigit: "9",
    emailPrefix: "mail",
    municipalityCode: "182010",
    password: "bench-password-123",
  });
  const officer = {
    role: "prefecture" as const,
    userId: null,
    email: "bench",
    name: "ベンチ",
    prefectureCode: "18",
  };
  await jobQueue();
  const queueMs: number[] = [];
  const dispatchMs: number[] = [];
  const sendRate: number[] = [];
  let perBatch = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    const queued = await queueBulkMail(officer, cycle.id, { kind: "REMINDER", municipality: "182010" });
    queueMs.push(performance.now() - t);
    perBatch = queued!.queued;
    t = performance.now();
    await dispatchQueuedMail();
    dispatchMs.push(performance.now() - t);
    const rows = await db.mailMessage.findMany({ where: { batchId: queued!.batchId }, select: { id: true } });
    const before = smtp.received.length;
    t = performance.now();
    for (const row of rows) await runMailJob(row.id, { attempt: 0 });
    const seconds = (performance.now() - t) / 1000;
    if (smtp.received.length - before !== rows.length) throw new Error("not every message arrived");
    sendRate.push(rows.length / seconds);
    await db.$executeRawUnsafe(`delete from pgboss.job where name = 'mail.send'`);
    log(`round ${round + 1}: ${rows.length} messages queued, dispatched and sent`);
  }
  log(`1. queue ${perBatch} reminders: ${fmt(stats(queueMs), "ms")}`);
  log(`2. dispatch ${perBatch} send jobs: ${fmt(stats(dispatchMs), "ms")}`);
  log(`3. send unthrottled: ${fmt(stats(sendRate), "messages/s")}`);

  const throttled: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const queued = await queueBulkMail(officer, cycle.id, { kind: "REMINDER", municipality: "182010" });
    const t = performance.now();
    await startJobWorkers();
    for (;;) {
      const sent = await db.mailMessage.count({ where: { batchId: queued!.batchId, status: "SENT" } });
      if (sent >= 50) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throttled.push(50 / ((performance.now() - t) / 1000));
    await stopJobWorkers(10_000);
    await db.mailMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "SKIPPED" } });
    await jobQueue();
    await db.$executeRawUnsafe(`delete from pgboss.job where name like 'mail.%'`);
  }
  log(`4. through the workers, throttled (first 50 of a batch): ${fmt(stats(throttled), "messages/s")}`);
  log(
    `load average ${(await import("node:os"))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
} finally {
  await stopJobWorkers();
  await db.$disconnect();
  await database.stop();
  await smtp.close();
}
