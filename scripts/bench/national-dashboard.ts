// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/national-dashboard.ts
//    [--db both|embedded|postgres] [--institutions 113000] [--seed renkei-synth] [--iterations 100]
//    [--regenerate] [--skip-build] [--skip-http] [--skip-duckdb] [--drop-postgres]`
//
// Dashboards at national scale (issue 6; docs/decisions/0011-dashboards-at-scale.md). On synthetic
// data for all 47 prefectures (`npm run renkei -- synth`, 113,000 institutions, two years of
// reports), measures the server time of
//   - the prefecture dashboard of the largest prefecture (Tokyo), and
//   - the national view,
// warm, p50/p95 over repeated requests, both in-process (getSummaryView with a viewer, as pages,
// the API and exports call it) and over HTTP (GET /api/v1/summaries against `next start`, signed
// in), on the embedded database (file-backed PGlite in its own process) and on PostgreSQL
// (TEST_POSTGRES_URL). Then computes the same figures with DuckDB from raw rows exported from the
// database, checks they equal the dashboard's, and prints our p95 over DuckDB's.
//
// The synthetic databases are kept between runs (.data/bench-national/pglite and the PostgreSQL
// database renkei_bench_national); --regenerate rebuilds them, --drop-postgres drops the
// PostgreSQL one at the end. Goals on 2 cores: prefecture ≤ 150 ms p95, national ≤ 500 ms p95,
// ≤ 3× DuckDB.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PREFECTURES } from "@/lib/domain/prefectures";
import { run } from "../lib/processes";
import { SYNTH_DEFAULT_SEED } from "../lib/synth-reference";
import { isPostgresReachable, testPostgresUrl } from "../../tests/support/test-database";
import { officerCookie, percentiles, startApp, type TProcessHandle } from "./http-support";
import {
  BENCH_ACCOUNTS,
  BENCH_PASSWORD,
  dropPostgresBenchDatabase,
  ensureBenchAccounts,
  hasSynthesizedData,
  openBenchDatabase,
  type TBenchDbKind,
} from "./national-data";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    institutions: { type: "string", default: "113000" },
    seed: { type: "string", default: SYNTH_DEFAULT_SEED },
    iterations: { type: "string", default: "100" },
    warmup: { type: "string", default: "10" },
    regenerate: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    "skip-http": { type: "boolean", default: false },
    "skip-duckdb": { type: "boolean", default: false },
    "drop-postgres": { type: "boolean", default: false },
    "result-file": { type: "string" },
  },
});

const DIST_DIR = ".next-e2e-synth";
const ITERATIONS = Number(args.iterations);
const WARMUP = Number(args.warmup);
const GOALS = { prefecture: 150, national: 500, duckRatio: 3 };
const log = (message: string) => console.log(`[bench] ${message}`);

type TStats = ReturnType<typeof percentiles>;
type TResult = {
  db: TBenchDbKind;
  /** 1-minute load average before and after the measurements (other work on the machine skews them). */
  load: { before: number; after: number };
  institutions: number;
  synth: { seconds: number; phases: { generate: number; write: number; recount: number } } | null;
  largestPrefecture: string;
  payloadBytes: { prefecture: number; national: number };
  inProcess: { prefecture: TStats; national: TStats };
  /** For the record (no goal): the largest zone's view, which lists its institutions row by row. */
  zone: { name: string; institutions: number; inProcess: TStats; http: TStats | null };
  /**
   * What keeping the counters costs on the write side (no goal): the recount a submission or a
   * review decision triggers (its municipality; the largest one here), and the recount of a whole
   * prefecture (roster import, bulk confirmation).
   */
  recount: { municipality: string; institutions: number; one: TStats; prefecture: TStats };
  http: { prefecture: TStats; national: TStats } | null;
  duckdb: {
    exportSeconds: number;
    loadSeconds: number;
    rows: { institutions: number; submissions: number };
    prefecture: TStats;
    national: TStats;
    mismatches: string[];
    compared: number;
  } | null;
};

if (args.db === "both") await orchestrate();
else if (args.db === "embedded" || args.db === "postgres") await benchOne(args.db);
else throw new Error(`--db must be both, embedded or postgres (got ${args.db})`);

/** Runs each database in its own process (the app modules bind to one DATABASE_URL), then reports. */
async function orchestrate() {
  if (!args["skip-http"] && !args["skip-build"]) {
    log(`building the app into ${DIST_DIR} …`);
    await run(
      "next",
      ["build"],
      { NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", RENKEI_DIST_DIR: DIST_DIR },
      { quiet: true },
    );
  }
  const kinds: TBenchDbKind[] = ["embedded"];
  if (await isPostgresReachable()) kinds.push("postgres");
  else log(`PostgreSQL is not reachable at ${testPostgresUrl()}: skipping it (set TEST_POSTGRES_URL)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "renkei-bench-national-"));
  const results: TResult[] = [];
  try {
    for (const kind of kinds) {
      const file = path.join(dir, `${kind}.json`);
      const passthrough = process.argv
        .slice(2)
        .filter((a, i, all) => a !== "--db" && all[i - 1] !== "--db" && !a.startsWith("--db="));
      await new Promise<void>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [...process.execArgv, process.argv[1]!, ...passthrough, "--db", kind, "--skip-build", "--result-file", file],
          {
            stdio: "inherit",
          },
        );
        child.on("exit", (code) =>
          code === 0 ? resolve() : reject(new Error(`benchmark on ${kind} exited with ${code}`)),
        );
      });
      results.push(JSON.parse(readFileSync(file, "utf8")) as TResult);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printSummary(results);
}

async function benchOne(kind: TBenchDbKind) {
  const institutions = Number(args.institutions);
  const spec = { institutions, seed: args.seed!, prefectures: PREFECTURES.map((p) => p.code) };
  let database: TProcessHandle = await openBenchDatabase(kind, { fresh: args.regenerate });
  let app: TProcessHandle | undefined;
  const result: Partial<TResult> = { db: kind, institutions, synth: null, http: null, duckdb: null };
  let loadBefore = 0;
  try {
    const cached = await hasSynthesizedData(database.url, spec);
    if (!cached && !args.regenerate) {
      // A half-filled or different database is rebuilt from scratch (faster than deleting).
      await database.stop();
      database = await openBenchDatabase(kind, { fresh: true });
    }
    // The app modules read DATABASE_URL once, on first import: only now is it final.
    process.env.DATABASE_URL = database.url;
    const { db } = await import("@/lib/db");
    if (!cached) {
      log(`${kind}: generating ${institutions.toLocaleString("en")} institutions (seed ${spec.seed}) …`);
      const { synthesize } = await import("../lib/synth");
      const synth = await synthesize({ ...spec, log: (line) => console.log(`[synth ${kind}] ${line}`) });
      const phases = synth.prefectures.reduce(
        (a, p) => ({
          generate: a.generate + p.phases.generate,
          write: a.write + p.phases.write,
          recount: a.recount + p.phases.recount,
        }),
        { generate: 0, write: 0, recount: 0 },
      );
      result.synth = { seconds: synth.seconds, phases };
      log(
        `${kind}: generated in ${synth.seconds.toFixed(0)} s (answers ${phases.generate.toFixed(0)} s, writes ${phases.write.toFixed(0)} s, recounts ${phases.recount.toFixed(0)} s)`,
      );
    } else {
      log(
        `${kind}: reusing the synthetic database (${institutions.toLocaleString("en")} institutions, seed ${spec.seed})`,
      );
    }

    const [largest] = await db.$queryRaw<{ code: string; n: bigint }[]>`
      SELECT "prefectureCode" AS code, count(*) AS n FROM "Institution" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
    const prefectureCode = largest!.code;
    result.largestPrefecture = prefectureCode;
    const accounts = await ensureBenchAccounts(prefectureCode);

    loadBefore = os.loadavg()[0]!;
    // --- in-process: the loader every page, the API and the exports share ---
    const { getSummaryView } = await import("@/lib/data/summary-views");
    const { parseSummaryParams } = await import("@/lib/summaries/params");
    const params = parseSummaryParams(new URLSearchParams());
    const officer = {
      role: "prefecture" as const,
      prefectureCode,
      userId: accounts.officer.id,
      email: accounts.officer.email,
      name: accounts.officer.name,
    };
    const admin = {
      role: "admin" as const,
      userId: accounts.admin.id,
      email: accounts.admin.email,
      name: accounts.admin.name,
    };
    const prefectureView = await getSummaryView(officer, params);
    const nationalView = await getSummaryView(admin, params);
    if (prefectureView.level !== "prefecture" || nationalView.level !== "national") throw new Error("unexpected views");
    result.payloadBytes = {
      prefecture: JSON.stringify(prefectureView).length,
      national: JSON.stringify(nationalView).length,
    };
    result.inProcess = {
      prefecture: await measure(() => getSummaryView(officer, params)),
      national: await measure(() => getSummaryView(admin, params)),
    };
    log(
      `${kind}: in-process prefecture ${fmtStats(result.inProcess.prefecture)}; national ${fmtStats(result.inProcess.national)}`,
    );

    const largestZone = [...prefectureView.zones].sort(
      (a, b) => b.summary.status.respondents - a.summary.status.respondents,
    )[0]!;
    const zoneParams = parseSummaryParams(
      new URLSearchParams({ scheme: prefectureView.scheme!.id, zone: largestZone.id }),
    );
    const zoneView = await getSummaryView(officer, zoneParams);
    result.zone = {
      name: largestZone.name,
      institutions: zoneView.level === "zone" ? zoneView.institutions.length : 0,
      inProcess: await measure(() => getSummaryView(officer, zoneParams), Math.min(ITERATIONS, 30)),
      http: null,
    };
    log(
      `${kind}: in-process zone ${largestZone.name} (${result.zone.institutions} institutions) ${fmtStats(result.zone.inProcess)}`,
    );

    const { recountClinicCounters } = await import("@/lib/services/counters");
    const [municipality] = await db.$queryRaw<{ code: string; n: bigint }[]>`
      SELECT "municipalityCode" AS code, count(*) AS n FROM "Institution" WHERE "prefectureCode" = ${prefectureCode}
      GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
    const cycleId = prefectureView.cycle.id;
    result.recount = {
      municipality: municipality!.code,
      institutions: Number(municipality!.n),
      one: await measure(() => recountClinicCounters(cycleId, [municipality!.code]), Math.min(ITERATIONS, 30)),
      prefecture: await measure(() => recountClinicCounters(cycleId), 5, 1),
    };
    log(
      `${kind}: recount of municipality ${municipality!.code} (${municipality!.n} institutions) ${fmtStats(result.recount.one)}; of prefecture ${prefectureCode} ${fmtStats(result.recount.prefecture)}`,
    );

    // --- over HTTP: next start, signed in, GET /api/v1/summaries ---
    if (!args["skip-http"]) {
      app = await startApp(database.url, { build: !args["skip-build"], distDir: DIST_DIR });
      const officerSession = await officerCookie(app, BENCH_ACCOUNTS.prefecture(prefectureCode), BENCH_PASSWORD);
      const adminCookie = await officerCookie(app, BENCH_ACCOUNTS.admin, BENCH_PASSWORD);
      const get = (cookie: string, level: string) => async () => {
        const response = await fetch(`${app!.url}/api/v1/summaries`, { headers: { cookie } });
        const body = (await response.json()) as { level?: string; data?: { level?: string } };
        const got = body.level ?? body.data?.level;
        if (!response.ok || got !== level)
          throw new Error(`GET /api/v1/summaries: HTTP ${response.status}, level ${got}`);
      };
      result.http = {
        prefecture: await measure(get(officerSession, "prefecture")),
        national: await measure(get(adminCookie, "national")),
      };
      const zoneGet = async () => {
        const response = await fetch(
          `${app!.url}/api/v1/summaries?scheme=${zoneParams.schemeId}&zone=${zoneParams.zoneId}`,
          { headers: { cookie: officerSession } },
        );
        if (!response.ok || ((await response.json()) as { level?: string }).level !== "zone")
          throw new Error(`zone view: HTTP ${response.status}`);
      };
      result.zone.http = await measure(zoneGet, Math.min(ITERATIONS, 30));
      log(`${kind}: HTTP prefecture ${fmtStats(result.http.prefecture)}; national ${fmtStats(result.http.national)}`);
      await app.stop();
      app = undefined;
    }

    // --- DuckDB on raw rows: the same figures, compared ---
    if (!args["skip-duckdb"]) {
      const duck = await import("./national-duckdb");
      let t = performance.now();
      const raw = await duck.exportRawRows();
      const exportSeconds = (performance.now() - t) / 1000;
      t = performance.now();
      const { connection, close } = await duck.loadDuckDb(raw);
      const loadSeconds = (performance.now() - t) / 1000;
      try {
        const years = [prefectureView.cycle.fiscalYear, prefectureView.cycle.fiscalYear - 1];
        const prefectureSql = duck.prefectureSql(prefectureCode, prefectureView.scheme!.id, years);
        const nationalSql = duck.nationalSql([nationalView.fiscalYear, nationalView.fiscalYear - 1]);
        const prefectureStats = await measure(() => duck.runFigures(connection, prefectureSql));
        const nationalStats = await measure(() => duck.runFigures(connection, nationalSql));
        const mismatches: string[] = [];
        let compared = 0;
        const check = (
          label: string,
          ours: Parameters<typeof duck.diffFigures>[1],
          theirs: Parameters<typeof duck.diffFigures>[2],
        ) => {
          compared += 1;
          mismatches.push(...duck.diffFigures(label, ours, theirs));
        };
        const pf = await duck.runFigures(connection, prefectureSql);
        const [now, before] = years;
        check(`${prefectureCode} ${now}`, duck.figuresOfSummary(prefectureView.prefecture.summary), pf.get(`${now}:*`));
        if (prefectureView.prefecture.previous)
          check(
            `${prefectureCode} ${before}`,
            duck.figuresOfSummary(prefectureView.prefecture.previous),
            pf.get(`${before}:*`),
          );
        // Last year's zone figures are on each zone's own view, not in the prefecture view.
        for (const zone of prefectureView.zones)
          check(`${zone.name} ${now}`, duck.figuresOfSummary(zone.summary), pf.get(`${now}:${zone.id}`));
        const nf = await duck.runFigures(connection, nationalSql);
        const fy = nationalView.fiscalYear;
        check(`全国 ${fy}`, duck.figuresOfSummary(nationalView.nation.summary), nf.get(`${fy}:*`));
        if (nationalView.nation.previous)
          check(`全国 ${fy - 1}`, duck.figuresOfSummary(nationalView.nation.previous), nf.get(`${fy - 1}:*`));
        for (const p of nationalView.prefectures) {
          if (p.summary) check(`${p.name} ${fy}`, duck.figuresOfSummary(p.summary), nf.get(`${fy}:${p.code}`));
        }
        result.duckdb = {
          exportSeconds,
          loadSeconds,
          rows: { institutions: raw.institutions.length, submissions: raw.submissions.length },
          prefecture: prefectureStats,
          national: nationalStats,
          mismatches,
          compared,
        };
        log(
          `${kind}: DuckDB prefecture ${fmtStats(prefectureStats)}; national ${fmtStats(nationalStats)}; ` +
            `${compared} groups compared, ${mismatches.length === 0 ? "all figures equal" : `${mismatches.length} MISMATCHES`}`,
        );
        for (const line of mismatches.slice(0, 50)) log(`  mismatch: ${line}`);
      } finally {
        close();
      }
    }
    await db.$disconnect();
  } finally {
    await app?.stop();
    await database.stop();
    if (args["drop-postgres"] && kind === "postgres") await dropPostgresBenchDatabase();
  }
  const final = { ...result, load: { before: loadBefore, after: os.loadavg()[0]! } } as TResult;
  if (args["result-file"]) {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(args["result-file"], JSON.stringify(final));
  } else {
    printSummary([final]);
  }
}

async function measure(body: () => Promise<unknown>, iterations = ITERATIONS, warmup = WARMUP): Promise<TStats> {
  for (let i = 0; i < warmup; i++) await body();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await body();
    times.push(performance.now() - started);
  }
  return percentiles(times);
}

function fmtStats(s: TStats): string {
  return `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (n=${s.n})`;
}

function printSummary(results: TResult[]) {
  const ms = (v: number | undefined) => (v === undefined ? "—".padStart(9) : `${v.toFixed(1)} ms`.padStart(9));
  const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");
  console.log("");
  console.log(
    `national dashboard benchmark — ${results[0]?.institutions.toLocaleString("en")} institutions, Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  console.log(`${"".padEnd(30)}${"p50".padStart(9)}${"p95".padStart(9)}   goal`);
  for (const r of results) {
    const name = `${r.db === "embedded" ? "embedded (PGlite)" : "PostgreSQL"} [load average ${r.load.before.toFixed(1)} → ${r.load.after.toFixed(1)}]`;
    const p = r.synth?.phases;
    console.log(
      r.synth && p
        ? `${name}: generated in ${r.synth.seconds.toFixed(0)} s (answers ${p.generate.toFixed(0)} s, writes ${p.write.toFixed(0)} s, recounts ${p.recount.toFixed(0)} s)`
        : `${name}: synthetic data reused from an earlier run`,
    );
    const rows: [string, TStats | undefined, number][] = [
      [`  prefecture ${r.largestPrefecture}, in-process`, r.inProcess.prefecture, GOALS.prefecture],
      [`  prefecture ${r.largestPrefecture}, HTTP`, r.http?.prefecture, GOALS.prefecture],
      ["  national, in-process", r.inProcess.national, GOALS.national],
      ["  national, HTTP", r.http?.national, GOALS.national],
      [`  DuckDB prefecture ${r.largestPrefecture}`, r.duckdb?.prefecture, NaN],
      ["  DuckDB national", r.duckdb?.national, NaN],
    ];
    for (const [label, stats, goal] of rows) {
      if (!stats) continue;
      const goalText = Number.isNaN(goal) ? "" : `≤ ${goal} ms ${verdict(stats.p95 <= goal)}`;
      console.log(`${label.padEnd(30)}${ms(stats.p50)}${ms(stats.p95)}   ${goalText}`);
    }
    if (r.duckdb) {
      const ratio = (ours: TStats | undefined, theirs: TStats) => (ours ? ours.p95 / theirs.p95 : NaN);
      const parts = [
        ["prefecture in-process", ratio(r.inProcess.prefecture, r.duckdb.prefecture)],
        ["prefecture HTTP", ratio(r.http?.prefecture, r.duckdb.prefecture)],
        ["national in-process", ratio(r.inProcess.national, r.duckdb.national)],
        ["national HTTP", ratio(r.http?.national, r.duckdb.national)],
      ] as const;
      console.log(
        `  our p95 / DuckDB p95: ${parts
          .filter(([, v]) => !Number.isNaN(v))
          .map(([l, v]) => `${l} ${v.toFixed(2)}× (${verdict(v <= GOALS.duckRatio)})`)
          .join(", ")}`,
      );
      console.log(
        `  DuckDB: exported ${r.duckdb.rows.institutions.toLocaleString("en")} institutions + ${r.duckdb.rows.submissions.toLocaleString("en")} reports in ${r.duckdb.exportSeconds.toFixed(1)} s, loaded in ${r.duckdb.loadSeconds.toFixed(1)} s; ` +
          `${r.duckdb.compared} groups compared: ${r.duckdb.mismatches.length === 0 ? "every figure equal" : `${r.duckdb.mismatches.length} mismatches`}`,
      );
    }
    console.log(
      `  for the record: zone ${r.zone.name} (${r.zone.institutions} institutions listed) in-process p95 ${r.zone.inProcess.p95.toFixed(1)} ms` +
        `${r.zone.http ? `, HTTP p95 ${r.zone.http.p95.toFixed(1)} ms` : ""}; ` +
        `recount after a change in municipality ${r.recount.municipality} (${r.recount.institutions} institutions) p50 ${r.recount.one.p50.toFixed(1)} ms, p95 ${r.recount.one.p95.toFixed(1)} ms; ` +
        `recount of the whole prefecture p50 ${r.recount.prefecture.p50.toFixed(0)} ms`,
    );
    console.log(
      `  payload: prefecture ${(r.payloadBytes.prefecture / 1024).toFixed(0)} KB, national ${(r.payloadBytes.national / 1024).toFixed(0)} KB (JSON)`,
    );
  }
}
