// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/deadline-rush.ts --db postgres|embedded
//   [--clinics 250] [--kill-clinics 250] [--concurrency 24] [--duration 15] [--padding 1000] [--skip-build]
//   [--save-rate 300] [--submit-rate 100] [--paced-submits 0] [--embedded-in-memory]`
//
// The deadline rush (issue 18, docs/decisions/0012-deadline-rush-write-path.md), over HTTP,
// against the built app: on PostgreSQL two server instances (scripts/server.mjs) on one database
// (requests spread round-robin; a session signed in on one instance is used on the other), on the
// embedded default one instance with PGlite in its own process. The demo prefecture plus N
// clinics, all in one municipality padded to a size beyond Tokyo's largest (972 institutions), so
// a cost that grew with the municipality would show. Phases:
//   1. first autosaves: the N clinics save their first draft at the same moment;
//   2. saves: `concurrency` clients save drafts back to back for `duration` seconds (capacity, p95);
//   2b. saves at a set rate (open loop, --save-rate per second for `duration` s): the goal's rate is
//      offered whatever the answers' speed, and each latency counts from the call's scheduled start;
//   3. submits: the first --paced-submits clinics at --submit-rate per second (open loop, as 2b),
//      then the rest `concurrency` at a time (capacity);
//   4. kill -9: K fresh clinics save and submit all at once; instance 1 is killed with SIGKILL
//      mid-rush and restarted. Unacknowledged submits are retried (a retry of a committed one must
//      return the same receipt). Then: every acknowledged submit must be stored with its answers,
//      and the counters must equal a full recount — with no command run: the restarted
//      instance's own reconciliation is what is reported, then a full recount here checks it.
// A 503 is the admission control's 「混み合っています」 (nothing written, lib/http/admission.ts): in
// the at-once phases the clients wait its Retry-After and send again, as the form's autosave does,
// and the latency counts from the first attempt; p50/p95/p99 are those of the answered (200) calls.
// Prints saves/s, submits/s, p50/p95/p99, responses by HTTP status, and the RSS peak of every
// process. PostgreSQL: database renkei_bench_rush on TEST_POSTGRES_URL's server (dropped first).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrateDeploy } from "../lib/processes";
import { findFreePort } from "../lib/embedded-db";
import { testPostgresUrl } from "../../tests/support/test-database";
import {
  buildApp,
  cpuSinceMs,
  cpuSnapshot,
  percentiles,
  postgresPids,
  processTree,
  requestJson,
  rssMb,
  signInForCookie,
  startDatabaseProcess,
  startServerInstance,
  type TInstance,
} from "./http-support";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "postgres" },
    clinics: { type: "string", default: "250" },
    "kill-clinics": { type: "string", default: "250" },
    concurrency: { type: "string", default: "24" },
    duration: { type: "string", default: "15" },
    padding: { type: "string", default: "1000" },
    "kill-after": { type: "string", default: "500" },
    "save-rate": { type: "string", default: "300" },
    "submit-rate": { type: "string", default: "100" },
    "paced-submits": { type: "string", default: "0" },
    "skip-build": { type: "boolean", default: false },
    "embedded-in-memory": { type: "boolean", default: false },
  },
});
const KIND = args.db === "embedded" ? "embedded" : "postgres";
const N = Number(args.clinics);
const K = Number(args["kill-clinics"]);
const CONCURRENCY = Number(args.concurrency);
const DURATION_S = Number(args.duration);
const PADDING = Number(args.padding);
const SAVE_RATE = Number(args["save-rate"]);
const SUBMIT_RATE = Number(args["submit-rate"]);
const PACED_SUBMITS = Math.min(Number(args["paced-submits"]), N);
const DIST_DIR = ".next-bench-rush";
const PASSWORD = "bench-password-123";
const MUNICIPALITY = "182010"; // 福井市, padded below

const log = (message: string) => console.log(`[rush ${KIND}] ${message}`);

// ---- the database ---------------------------------------------------------------------------

async function openDatabase(): Promise<{ url: string; pid?: number; stop: () => Promise<void> }> {
  // As `npm run demo` runs it: file-backed in a fresh folder, fsync on commit unless
  // RENKEI_EMBEDDED_DURABILITY=relaxed (an in-memory database also keeps every table in the host's
  // memory, which the demo does not). --embedded-in-memory for the earlier runs' set-up.
  if (KIND === "embedded") {
    if (args["embedded-in-memory"]) return startDatabaseProcess();
    const dataDir = mkdtempSync(path.join(tmpdir(), "renkei-bench-rush-"));
    const handle = await startDatabaseProcess({ dataDir });
    return { ...handle, stop: () => handle.stop().then(() => rmSync(dataDir, { recursive: true, force: true })) };
  }
  const admin = new URL(testPostgresUrl());
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists renkei_bench_rush with (force)`);
  await client.query(`create database renkei_bench_rush`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = "/renkei_bench_rush";
  return { url: url.toString(), stop: async () => undefined };
}

// ---- HTTP -----------------------------------------------------------------------------------

type TCall = { status: number; ms: number; body: string };

async function call(url: string, method: string, cookie: string, body: unknown): Promise<TCall> {
  const started = performance.now();
  const answer = await requestJson(url, method, body, cookie);
  return { ...answer, ms: performance.now() - started };
}

class Tally {
  times: number[] = [];
  statuses = new Map<number, number>();
  started = performance.now();
  finished = 0;
  cpuStart = cpuMark();
  cpu: TCpu = { app: 0, db: 0, generator: 0 };
  quarters: number[] | null = null;
  lateStartP95: number | null = null;
  rssPeaks = (phasePeaks = new Map<string, number>());
  /** 503s answered before a retry (nothing written; the form waits Retry-After and sends again). */
  busyRetries = 0;
  /** Latencies of the answered calls (200): a quick 503 must not make a phase's p95 look better. */
  okTimes: number[] = [];
  add(result: TCall) {
    this.times.push(result.ms);
    if (result.status === 200) this.okTimes.push(result.ms);
    this.statuses.set(result.status, (this.statuses.get(result.status) ?? 0) + 1);
  }
  done() {
    this.finished = performance.now();
    this.cpu = cpuSince(this.cpuStart);
    return this;
  }
  get ok() {
    return this.statuses.get(200) ?? 0;
  }
  /** 5xx other than 503: a 503 is the admission control's 「混み合っています」, refused before any work. */
  get fivexx() {
    return [...this.statuses].filter(([s]) => s >= 500 && s !== 503).reduce((sum, [, n]) => sum + n, 0);
  }
  summary(label: string) {
    const stats = percentiles(this.times);
    const ok = percentiles(this.okTimes);
    const seconds = (this.finished - this.started) / 1000;
    return {
      label,
      n: stats.n,
      okPerSecond: this.ok / seconds,
      p50: ok.p50,
      p95: ok.p95,
      p99: ok.p99,
      max: ok.max,
      statuses: Object.fromEntries(this.statuses),
      fivexx: this.fivexx,
      busyRetries: this.busyRetries,
      ...(this.quarters ? { p50ByQuarter: this.quarters.map((ms) => Math.round(ms)) } : {}),
      ...(this.lateStartP95 !== null ? { generatorLateStartP95: Math.round(this.lateStartP95) } : {}),
      rssPeakMb: Object.fromEntries([...this.rssPeaks].map(([name, mb]) => [name, Math.round(mb)])),
      appCpuMsPerRequest: this.cpu.app / Math.max(1, stats.n),
      dbCpuMsPerRequest: this.cpu.db / Math.max(1, stats.n),
      generatorCpuMsPerRequest: this.cpu.generator / Math.max(1, stats.n),
    };
  }
}

/**
 * Open loop: `count` calls started `rate` per second whatever the answers' speed (a slow answer does
 * not hold the next call back), each latency counted from the call's scheduled start, so a start
 * the load generator delayed counts against the app, not for it.
 */
async function paced(rate: number, count: number, send: (k: number) => Promise<TCall>, tally: Tally) {
  const start = performance.now();
  const inOrder = new Array<number>(count).fill(0);
  const lateStarts = new Array<number>(count).fill(0);
  await Promise.all(
    Array.from({ length: count }, async (_, k) => {
      const at = start + (k * 1000) / rate;
      const wait = at - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lateStarts[k] = performance.now() - at;
      const result = await send(k);
      inOrder[k] = performance.now() - at;
      tally.add({ ...result, ms: inOrder[k] });
    }),
  );
  // The median latency of each quarter of the calls in the order they were offered: a queue that
  // grows through the phase (the rate is above capacity) shows as rising quarters.
  const quarter = Math.max(1, Math.ceil(count / 4));
  tally.quarters = [0, 1, 2, 3].map((q) => percentiles(inOrder.slice(q * quarter, (q + 1) * quarter)).p50);
  // How late the load generator itself started the calls (its own event loop on the shared cores).
  tally.lateStartP95 = percentiles(lateStarts).p95;
  return tally.done();
}

/**
 * As the form does after 「混み合っています」 (503, nothing written): wait the Retry-After and send
 * again; the latency counts from the first attempt.
 */
async function retryingBusy(tally: Tally, send: () => Promise<TCall>): Promise<TCall> {
  const started = performance.now();
  let result = await send();
  for (let attempt = 0; result.status === 503 && attempt < 12; attempt++) {
    tally.busyRetries += 1;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    result = await send();
  }
  return { ...result, ms: performance.now() - started };
}

const versionFrom = (result: TCall): number | null => {
  try {
    const body = JSON.parse(result.body) as {
      draftVersion?: number;
      error?: { fieldErrors?: { _draftVersion?: string[] } };
    };
    if (result.status === 200 && typeof body.draftVersion === "number") return body.draftVersion;
    const stale = body.error?.fieldErrors?._draftVersion?.[0];
    return stale === undefined ? null : Number(stale);
  } catch {
    return null;
  }
};

// ---- CPU ------------------------------------------------------------------------------------
// The machine is shared, so wall-clock rates say more about the neighbours than about Renkei. CPU
// used per request by the app processes and by the database is what a quiet 2-core machine would
// divide its 2,000 ms per second by. (PostgreSQL: every postgres process of the machine, so other
// engineers' databases inflate it; the PGlite host is ours alone.) The load generator's own CPU
// is counted too: here it runs on the same 2 cores, where a real rush's browsers do not.
type TCpu = { app: number; db: number; generator: number };
type TCpuMark = { app: Map<number, number>; db: Map<number, number>; generator: number };
let cpuProcesses: () => { app: number[]; db: number[] } = () => ({ app: [], db: [] });
const generatorCpuMs = () => {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000;
};
function cpuMark(): TCpuMark {
  const { app, db } = cpuProcesses();
  return { app: cpuSnapshot(app), db: cpuSnapshot(db), generator: generatorCpuMs() };
}
function cpuSince(mark: TCpuMark): TCpu {
  const { app, db } = cpuProcesses();
  return {
    app: cpuSinceMs(mark.app, app),
    db: cpuSinceMs(mark.db, db),
    generator: generatorCpuMs() - mark.generator,
  };
}

// ---- memory ---------------------------------------------------------------------------------

// The peak of each process over the whole run, and of each named process (its children
// included, each counted alone) since the current phase began: which phase grows which process.
let phasePeaks = new Map<string, number>();
function startRssSampler(processes: () => { name: string; pid: number | undefined }[]) {
  const peaks = new Map<string, number>();
  const timer = setInterval(() => {
    for (const { name, pid } of processes()) {
      if (!pid) continue;
      for (const p of processTree(pid)) {
        const rss = rssMb(p);
        peaks.set(`${name} pid ${p}`, Math.max(peaks.get(`${name} pid ${p}`) ?? 0, rss));
        phasePeaks.set(name, Math.max(phasePeaks.get(name) ?? 0, rss));
      }
    }
  }, 250);
  return { peaks, stop: () => clearInterval(timer) };
}

// ---- the run --------------------------------------------------------------------------------

await buildApp(DIST_DIR, !args["skip-build"]);
log("app built");
const database = await openDatabase();
await migrateDeploy(database.url);
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { seedBenchClinics } = await import("./bench-clinics");
const { generateAnswers } = await import("../../prisma/seed/answers");
const { createRandom } = await import("../../prisma/seed/random");
const { jsonEqual } = await import("@/lib/audit/diff");
const { recountCycles } = await import("@/lib/services/counters");
const { softRuleSetFor } = await import("@/lib/questionnaire/soft-rule-sets");

const total = N + K;
const { cycle, definition, clinics, partners } = await seedBenchClinics({
  count: total,
  padding: PADDING,
  namePrefix: "締切ベンチ診療所",
  codeDigit: "8",
  emailPrefix: "rush",
  municipalityCode: MUNICIPALITY,
  password: PASSWORD,
});
// The padding institutions are 未着手 respondents of both years (written directly, so counted here).
await recountCycles({ prefectureCode: "18" });
const municipalitySize = await db.institution.count({ where: { municipalityCode: MUNICIPALITY } });
log(`seeded: ${total} bench clinics in ${MUNICIPALITY} (${municipalitySize} institutions in that municipality)`);

const secret = randomBytes(32).toString("base64url");
const ports = await Promise.all(Array.from({ length: KIND === "postgres" ? 2 : 1 }, () => findFreePort()));
const instances: TInstance[] = [];
for (const port of ports) instances.push(await startServerInstance(database.url, { distDir: DIST_DIR, port, secret }));
log(`instances at ${instances.map((i) => i.url).join(", ")}`);
cpuProcesses = () => ({
  app: instances.flatMap((instance) => processTree(instance.child.pid!)),
  db: KIND === "embedded" ? (database.pid ? [database.pid] : []) : postgresPids(),
});
const sampler = startRssSampler(() => [
  ...instances.map((instance, i) => ({ name: `app ${i + 1}`, pid: instance.child.pid })),
  { name: "PGlite host", pid: database.pid },
]);

// Sign in on one instance, work on the next one (no state in the process).
const cookies: string[] = [];
for (let i = 0; i < total; i += 8) {
  cookies.push(
    ...(await Promise.all(
      Array.from({ length: Math.min(8, total - i) }, (_, j) =>
        signInForCookie(instances[(i + j) % instances.length]!.url, `rush-${i + j}@bench.renkei.jp`, PASSWORD),
      ),
    )),
  );
}
log(`signed in ${cookies.length} clinics`);
const base = (i: number) => `${instances[(i + 1) % instances.length]!.url}/api/v1/respondent/cycles/${cycle.id}`;
const random = createRandom("deadline-rush");
const answers = clinics.map(() =>
  generateAnswers(definition, { random, profile: { kind: "CLINIC", engagement: 0.7 }, partnerPool: partners }),
);
// A clerk explains what the soft rules ask about (ADR 0019); the server keeps only the ones that warn.
const explanations = Object.fromEntries(
  (softRuleSetFor(definition.versionKey)?.rules ?? []).map((rule) => [rule.id, "ベンチマークの説明"]),
);
const versions = new Array<number>(total).fill(0);
const draftOf = (i: number, edit: number) => ({ ...answers[i], rep_department: `医事課${edit}` });

// 1. first autosaves, all at once
const firstSaves = new Tally();
await Promise.all(
  Array.from({ length: N }, async (_, i) => {
    const result = await retryingBusy(firstSaves, () =>
      call(`${base(i)}/draft`, "PUT", cookies[i]!, { draftVersion: 0, answers: draftOf(i, 0) }),
    );
    firstSaves.add(result);
    versions[i] = versionFrom(result) ?? versions[i]!;
  }),
);
firstSaves.done();

// 2. saves back to back
const saves = new Tally();
const until = performance.now() + DURATION_S * 1000;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async (_, worker) => {
    for (let i = worker, edit = 1; performance.now() < until; i = (i + CONCURRENCY) % N, edit += 1) {
      const result = await call(`${base(i)}/draft`, "PUT", cookies[i]!, {
        draftVersion: versions[i],
        answers: draftOf(i, edit),
      });
      saves.add(result);
      versions[i] = versionFrom(result) ?? versions[i]!;
    }
  }),
);
saves.done();

// 2b. saves at the goal's rate; a clinic's saves follow one another (as its form's do)
const clinicChain = new Array<Promise<unknown>>(N).fill(Promise.resolve());
const pacedSaves = await paced(
  SAVE_RATE,
  Math.round(SAVE_RATE * DURATION_S),
  (k) => {
    const i = k % N;
    const saved = clinicChain[i]!.then(async () => {
      const result = await call(`${base(i)}/draft`, "PUT", cookies[i]!, {
        draftVersion: versions[i],
        answers: draftOf(i, 1000 + k),
      });
      versions[i] = versionFrom(result) ?? versions[i]!;
      return result;
    });
    clinicChain[i] = saved;
    return saved;
  },
  new Tally(),
);

// 3. submits: the first PACED_SUBMITS at the goal's rate, the rest `concurrency` at a time
const acknowledged = new Map<number, number>(); // clinic → revision
const pacedSubmits = new Tally();
let next = PACED_SUBMITS;
const submitOne = async (i: number, tally: Tally | null, at = base(i), asTheForm = false) => {
  const send = () =>
    call(`${at}/submit`, "POST", cookies[i]!, { draftVersion: versions[i], answers: answers[i], explanations });
  const result = asTheForm && tally ? await retryingBusy(tally, send) : await send();
  tally?.add(result);
  if (result.status === 200) acknowledged.set(i, (JSON.parse(result.body) as { revision: number }).revision);
  return result;
};
// (The open-loop calls pass no tally of their own: a Tally reads every process's CPU when made,
// which at 100 calls a second stalled the load generator itself.)
if (PACED_SUBMITS > 0) await paced(SUBMIT_RATE, PACED_SUBMITS, (i) => submitOne(i, null), pacedSubmits);
const submits = new Tally();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < N) await submitOne(next++, submits, undefined, true);
  }),
);
submits.done();
log("saves and submits measured; kill -9 rush next");

// 4. K fresh clinics save and submit at once; instance 1 dies mid-rush
const killRush = new Tally();
const victim = instances[0]!;
let killed = false;
const killVictim = (when: string) => {
  killed = true;
  for (const pid of processTree(victim.child.pid!).reverse()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  log(`killed instance 1 (kill -9) ${when}`);
};
const victimExited = new Promise((resolve) => victim.child.once("exit", resolve));
const killTimer = setTimeout(() => killVictim(`${args["kill-after"]} ms into the rush`), Number(args["kill-after"]));
await Promise.all(
  Array.from({ length: K }, async (_, j) => {
    const i = N + j;
    const saved = await retryingBusy(killRush, () =>
      call(`${base(i)}/draft`, "PUT", cookies[i]!, { draftVersion: 0, answers: draftOf(i, 0) }),
    );
    killRush.add(saved);
    versions[i] = versionFrom(saved) ?? 0;
    if (saved.status === 200) await submitOne(i, killRush, base(i), true);
  }),
);
killRush.done();
clearTimeout(killTimer);
// A rush shorter than --kill-after: the instance still dies before its restart on the same port.
if (!killed) killVictim("after the rush (it ended before --kill-after)");
await victimExited;
const reconciliationsBefore = await db.counterReconciliation.count();
instances[0] = await startServerInstance(database.url, { distDir: DIST_DIR, port: victim.port, secret });
log("instance 1 restarted");
// Its start-up reconciliation runs by itself (instrumentation.ts); wait for it to be recorded.
for (let t = 0; t < 120 && (await db.counterReconciliation.count()) <= reconciliationsBefore; t++)
  await new Promise((r) => setTimeout(r, 500));
const automatic = await db.counterReconciliation.findMany({ orderBy: { startedAt: "desc" }, take: 1 });

// Clients whose request died with the instance try again (as a person would, after reloading).
const retries = new Tally();
await Promise.all(
  Array.from({ length: K }, async (_, j) => {
    const i = N + j;
    if (acknowledged.has(i)) return;
    let result = await submitOne(i, retries);
    // 409: the save had committed unacknowledged — take the version and submit again. 503: the
    // database was too busy to start, nothing was written — wait and try again, as the form does.
    for (let attempt = 0; attempt < 5 && (result.status === 409 || result.status === 503); attempt++) {
      if (result.status === 409) versions[i] = versionFrom(result) ?? versions[i]!;
      else await new Promise((r) => setTimeout(r, 2000));
      result = await submitOne(i, retries);
    }
  }),
);
retries.done();

// ---- verification ---------------------------------------------------------------------------
const stored = await db.submission.findMany({
  where: { cycleId: cycle.id, institutionId: { in: clinics.map((c) => c.id) } },
  select: { institutionId: true, revision: true, revisions: { select: { revision: true, answers: true } } },
});
const byInstitution = new Map(stored.map((s) => [s.institutionId, s]));
let lost = 0;
let duplicated = 0;
for (const [i, revision] of acknowledged) {
  const row = byInstitution.get(clinics[i]!.id);
  const kept = row?.revisions.find((r) => r.revision === revision);
  const sent = answers[i]!;
  const same =
    kept &&
    Object.keys(kept.answers as object).length > 0 &&
    Object.entries(kept.answers as Record<string, unknown>).every(([key, value]) => jsonEqual(value, sent[key]));
  if (!same) lost += 1;
  if ((row?.revisions.length ?? 0) > 1) duplicated += 1;
}
const fullRecount = await recountCycles({});
sampler.stop();

const phases = [
  firstSaves.summary(`first autosaves, ${N} at once`),
  saves.summary(`autosaves, ${CONCURRENCY} clients back to back`),
  pacedSaves.summary(`autosaves offered at ${SAVE_RATE}/s (open loop)`),
  ...(PACED_SUBMITS > 0 ? [pacedSubmits.summary(`submits offered at ${SUBMIT_RATE}/s (open loop)`)] : []),
  submits.summary(`submits, ${CONCURRENCY} at a time`),
  killRush.summary(`kill -9 rush (${K} save+submit at once)`),
  retries.summary("retries after the restart"),
];
console.log("");
for (const p of phases)
  console.log(
    `${p.label.padEnd(44)} ${p.okPerSecond.toFixed(0).padStart(5)} ok/s  p50 ${p.p50.toFixed(0).padStart(5)} ms  p95 ${p.p95.toFixed(0).padStart(5)} ms  p99 ${p.p99.toFixed(0).padStart(5)} ms  n=${p.n}  CPU/request app ${p.appCpuMsPerRequest.toFixed(1)} ms db ${p.dbCpuMsPerRequest.toFixed(1)} ms generator ${p.generatorCpuMsPerRequest.toFixed(1)} ms  by status ${JSON.stringify(p.statuses)}  busy retries ${p.busyRetries}`,
  );
const report = {
  database: KIND === "embedded" && args["embedded-in-memory"] ? "embedded (in memory)" : KIND,
  instances: instances.length,
  municipalityInstitutions: municipalitySize,
  phases,
  acknowledgedSubmits: acknowledged.size,
  lostAcknowledgedSubmits: lost,
  duplicatedRevisions: duplicated,
  automaticReconciliationAfterRestart: automatic[0]
    ? { scope: automatic[0].scope, municipalities: automatic[0].municipalities, corrected: automatic[0].corrected }
    : null,
  fullRecountCorrected: fullRecount.corrected,
  rssPeakMb: Object.fromEntries([...sampler.peaks].map(([k, v]) => [k, Math.round(v)])),
  loadAverage: (await import("node:os")).loadavg().map((l) => l.toFixed(1)),
};
console.log(JSON.stringify(report, null, 2));

await db.$disconnect();
for (const instance of instances) await instance.stop();
await database.stop();
process.exit(0);
