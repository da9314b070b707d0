// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/public-search.ts
//    [--db postgres|embedded] [--institutions 113000] [--seed renkei-synth] [--repeat 5] [--iterations 60]
//    [--fresh] [--prefectures 13] [--page-url http://localhost:3000/public/13]`
//
// The public institution search (公表, docs/decisions/0017-publication.md) over the synthetic
// national data set (`npm run renkei -- synth`, 113,000 institutions, 47 prefectures): every
// prefecture's closed 令和6年度 clinic cycle is published by the real publication run, then the
// search of the largest prefecture is timed in-process with the public cache switched off
// (RENKEI_PUBLIC_CACHE=0: every call goes to the database, as the first visitor after a run):
// by function near a municipality, by name, by area, by disease, by code, a deep page, and the
// zone and municipality counts. Each query runs `iterations` times per round, `repeat` rounds;
// prints p50/p95 per query and the min / median of the rounds' p95. Goal: p95 ≤ 100 ms on 2 cores.
// --prefectures 13 generates only Tokyo's share of the 113,000 (≈ 14,400, the largest prefecture):
// every search reads one prefecture's live run through the (runId, …) indexes, so the other
// prefectures' rows change little; the full set takes ≈ 3 minutes on a quiet machine.
// With --page-url, also fetches public pages of a running app and prints their transfer size
// (gzip, as a phone receives them).
//
// Its own databases (never the other benchmarks'): the PostgreSQL database renkei_bench_public at
// TEST_POSTGRES_URL, or a file-backed PGlite in .data/bench-public; reused while they hold the same
// synthetic data, --fresh rebuilds.
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { PREFECTURES } from "@/lib/domain/prefectures";
import { migrateDeploy } from "../lib/processes";
import { SYNTH_DEFAULT_SEED } from "../lib/synth-reference";
import { testPostgresUrl } from "../../tests/support/test-database";
import { percentiles, startDatabaseProcess, type TProcessHandle } from "./http-support";
import { hasSynthesizedData } from "./national-data";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "postgres" },
    institutions: { type: "string", default: "113000" },
    seed: { type: "string", default: SYNTH_DEFAULT_SEED },
    repeat: { type: "string", default: "5" },
    iterations: { type: "string", default: "60" },
    fresh: { type: "boolean", default: false },
    "page-url": { type: "string", multiple: true },
    /** Only these prefectures (e.g. 13: Tokyo, the largest). The search reads one prefecture's rows. */
    prefectures: { type: "string" },
  },
});
const log = (message: string) => console.log(`[bench] ${message}`);
const POSTGRES_DB = "renkei_bench_public";
const EMBEDDED_DIR = path.join(process.cwd(), ".data", "bench-public", "pglite");

async function openDatabase(fresh: boolean): Promise<TProcessHandle> {
  if (args.db === "embedded") {
    if (fresh) rmSync(EMBEDDED_DIR, { recursive: true, force: true });
    const handle = await startDatabaseProcess({ dataDir: EMBEDDED_DIR });
    await migrateDeploy(handle.url);
    return handle;
  }
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  try {
    if (fresh) await admin.query(`drop database if exists "${POSTGRES_DB}" with (force)`);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [POSTGRES_DB]);
    if (exists.rowCount === 0) await admin.query(`create database "${POSTGRES_DB}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPostgresUrl());
  url.pathname = `/${POSTGRES_DB}`;
  await migrateDeploy(url.toString());
  return { url: url.toString(), stop: async () => undefined };
}

const spec = {
  institutions: Number(args.institutions),
  seed: args.seed!,
  prefectures: args.prefectures ? args.prefectures.split(",") : PREFECTURES.map((p) => p.code),
};
let database = await openDatabase(args.fresh);
try {
  const cached = await hasSynthesizedData(database.url, spec);
  if (!cached && !args.fresh) {
    await database.stop();
    database = await openDatabase(true);
  }
  process.env.DATABASE_URL = database.url;
  process.env.RENKEI_PUBLIC_CACHE = "0";
  const { db } = await import("@/lib/db");
  if (!cached) {
    log(`generating ${spec.institutions.toLocaleString("en")} institutions …`);
    const { synthesize } = await import("../lib/synth");
    const synth = await synthesize({ ...spec, log: (line) => console.log(`[synth] ${line}`) });
    log(`generated in ${synth.seconds.toFixed(0)} s`);
  }
  await publishEverywhere(db);
  await timeSearches(db);
  for (const url of args["page-url"] ?? []) await transferSize(url);
} finally {
  await database.stop();
}

/** Publishes every prefecture's newest closed clinic cycle with the real run (unless live already). */
async function publishEverywhere(db: (typeof import("@/lib/db"))["db"]) {
  const { runPublication } = await import("@/lib/services/publication");
  const cycles = await db.reportingCycle.findMany({
    where: { kind: "CLINIC_REPORT", status: "CLOSED" },
    orderBy: [{ prefectureCode: "asc" }, { fiscalYear: "desc" }],
    distinct: ["prefectureCode"],
    select: { id: true, prefectureCode: true, publishAt: true, publication: { select: { liveRunId: true } } },
  });
  const started = performance.now();
  let rows = 0;
  for (const cycle of cycles) {
    if (cycle.publication?.liveRunId) continue;
    await db.publicationSetting.upsert({
      where: { cycleId: cycle.id },
      create: { cycleId: cycle.id, prefectureCode: cycle.prefectureCode, status: "SCHEDULED" },
      update: { status: "SCHEDULED" },
    });
    if (!cycle.publishAt || cycle.publishAt > new Date())
      await db.reportingCycle.update({
        where: { id: cycle.id },
        data: { publishAt: new Date(Date.now() - 86_400_000) },
      });
    const outcome = await runPublication(cycle.id, "SCHEDULED");
    if (outcome.ran) rows += outcome.institutions;
  }
  if (rows > 0)
    log(
      `published ${cycles.length} prefectures, ${rows.toLocaleString("en")} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  else log(`reusing the publications (${await db.publishedInstitution.count()} public rows)`);
}

async function timeSearches(db: (typeof import("@/lib/db"))["db"]) {
  const publicData = await import("@/lib/data/public");
  const [largest] = await db.$queryRaw<{ code: string; n: bigint }[]>`
    SELECT "prefectureCode" AS code, count(*) AS n FROM "PublishedInstitution" GROUP BY 1 ORDER BY 2 DESC LIMIT 1`;
  const live = (await publicData.getLivePublication(largest!.code))!;
  const sample = await db.publishedInstitution.findFirstOrThrow({
    where: { runId: live.runId, f2ha: true },
    orderBy: { code: "asc" },
    select: { municipalityCode: true, name: true, code: true, zoneCode: true },
  });
  const [disease] = await publicData.publicDiseases(live);
  const fragment = [...sample.name].slice(0, 2).join("");
  log(
    `prefecture ${largest!.code}: ${Number(largest!.n).toLocaleString("en")} published institutions; load ${os.loadavg()[0]!.toFixed(2)}`,
  );
  const queries: { label: string; run: () => Promise<unknown> }[] = [
    {
      label: "在宅医療 near a municipality",
      run: () =>
        publicData.searchPublicInstitutions(live, {
          fn: "f2ha",
          municipality: sample.municipalityCode,
          near: true,
          page: 1,
        }),
    },
    {
      label: `name contains "${fragment}"`,
      run: () => publicData.searchPublicInstitutions(live, { q: fragment, page: 1 }),
    },
    {
      label: "area 循環器 + 1号",
      run: () => publicData.searchPublicInstitutions(live, { area: "9", fn: "f1", page: 1 }),
    },
    {
      label: `disease ${disease ?? "(none)"}`,
      run: () => publicData.searchPublicInstitutions(live, { disease: disease ?? "高血圧", page: 1 }),
    },
    {
      label: "code prefix",
      run: () => publicData.searchPublicInstitutions(live, { q: sample.code.slice(0, 6), page: 1 }),
    },
    { label: "every institution, page 200", run: () => publicData.searchPublicInstitutions(live, { page: 200 }) },
    { label: "zone counts (prefecture page)", run: () => publicData.publicCounts(live, "zone") },
    {
      label: "municipality counts of a zone",
      run: () => publicData.publicCounts(live, "municipality", sample.zoneCode ?? undefined),
    },
    { label: "live publication (every request)", run: () => publicData.getLivePublication(live.prefectureCode) },
  ];
  const iterations = Number(args.iterations);
  const rounds = Number(args.repeat);
  for (const query of queries) {
    const p95s: number[] = [];
    let last = { p50: 0, p95: 0 };
    for (let round = 0; round < rounds; round++) {
      await query.run(); // warm the plan
      const times: number[] = [];
      for (let i = 0; i < iterations; i++) {
        const started = performance.now();
        await query.run();
        times.push(performance.now() - started);
      }
      last = percentiles(times);
      p95s.push(last.p95);
    }
    const sorted = [...p95s].sort((a, b) => a - b);
    log(
      `${query.label.padEnd(34)} p50 ${last.p50.toFixed(1)} ms, p95 ${last.p95.toFixed(1)} ms (last round); p95 over ${rounds} rounds: min ${sorted[0]!.toFixed(1)} / median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms`,
    );
  }
}

/**
 * Bytes a phone downloads for one public page on a first visit: the HTML and every script and
 * stylesheet it references, each gzip-compressed (as a reverse proxy sends them).
 */
async function transferSize(url: string) {
  const response = await fetch(url);
  const html = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(html);
  const assets = [
    ...new Set([...text.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)),
  ];
  let assetBytes = 0;
  for (const asset of assets) {
    const body = new Uint8Array(await (await fetch(new URL(asset, url))).arrayBuffer());
    assetBytes += gzipSync(body).byteLength;
  }
  const htmlGzip = gzipSync(html).byteLength;
  log(
    `${url}: HTTP ${response.status}, HTML ${(html.byteLength / 1024).toFixed(1)} KB (gzip ${(htmlGzip / 1024).toFixed(1)} KB), ` +
      `${assets.length} scripts/styles gzip ${(assetBytes / 1024).toFixed(1)} KB, total ${((htmlGzip + assetBytes) / 1024).toFixed(1)} KB`,
  );
}
