// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/pdf.ts [--institutions 14000] [--prefecture 13] [--zone-size 1000] [--db embedded|postgres] [--threads n] [--skip-build] [--skip-http] [--out dir]`
//
// The PDF documents at scale (issue 7), on synthetic data (架空, scripts/lib/synth.ts) for one large
// prefecture in a fresh embedded database (PGlite in its own process):
//   A. the council packet of the zone closest to --zone-size institutions: loading its bundle, and
//      rendering it in-process and in a renderer process (median of warm runs; first run reported);
//   B. the all-zones batch (every zone's packet + the prefecture summary, zipped) run by the job
//      service in this process with the renderer processes;
//   C. the same batch started over HTTP against `next start`, while a plain page is requested in a
//      loop (one request at a time): its latency without and during the batch (p50/p95/max).
// Goals on 2 cores: A ≤ 1.5 s, B ≤ 15 s for 14,000 institutions, C page p95 < 200 ms.
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { migrateDeploy } from "../lib/processes";
import { createTestDatabase } from "../../tests/support/test-database";
import {
  percentiles,
  processTreeRss,
  officerCookie,
  startApp,
  startDatabaseProcess,
  type TProcessHandle,
} from "./http-support";

const { values: args } = parseArgs({
  options: {
    institutions: { type: "string", default: "14000" },
    prefecture: { type: "string", default: "13" },
    "zone-size": { type: "string", default: "1000" },
    runs: { type: "string", default: "5" },
    threads: { type: "string" },
    /** Folder to keep the zone packet and the ZIP in, to look at them. */
    out: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    "skip-http": { type: "boolean", default: false },
    /** Batches started over HTTP back to back (C), for the server's memory after repeated batches. */
    batches: { type: "string", default: "2" },
    /** embedded (PGlite in its own process, default) or postgres (a fresh database at TEST_POSTGRES_URL). */
    db: { type: "string", default: "embedded" },
  },
});
const INSTITUTIONS = Number(args.institutions);
const PREFECTURE = args.prefecture!;
const RUNS = Number(args.runs);
const PASSWORD = "bench-password-123";
const OFFICER = "bench-pdf@example.jp";
// The e2e build folder of the PDF work (declared in tsconfig), so this never clashes with others.
const DIST_DIR = ".next-e2e-pdf";

if (args.threads) process.env.RENKEI_PDF_THREADS = args.threads;

const log = (message: string) => console.log(`[bench] ${message}`);
const ms = (v: number) => `${v.toFixed(0)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}`);
const database: TProcessHandle =
  args.db === "postgres" ? await createTestDatabase("postgres", "benchpdf") : await startDatabaseProcess();
let app: TProcessHandle | undefined;
try {
  if (args.db !== "postgres") await migrateDeploy(database.url);
  log(`database: ${args.db}`);
  process.env.DATABASE_URL = database.url;
  const { synthesize } = await import("../lib/synth");
  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const { unsafeCliViewer } = await import("@/lib/services/cli-viewer");
  const { getZonePacketInput } = await import("@/lib/data/documents");
  const { createPacketBatchJob, runPacketBatchJob } = await import("@/lib/services/document-jobs");
  const { getDocumentJobFile, getDocumentJobProgress } = await import("@/lib/data/document-jobs");
  const { renderDocument } = await import("@/lib/pdf/render");
  const { closePdfPool, pdfThreads, renderPdf } = await import("@/lib/pdf/pool");
  const { parseSummaryParams } = await import("@/lib/summaries/params");

  // ---- Data -----------------------------------------------------------------------------------
  let started = performance.now();
  const synth = await synthesize({
    institutions: INSTITUTIONS,
    prefectures: [PREFECTURE],
    log: (line) => log(line.trim()),
  });
  const prefecture = synth.prefectures[0]!;
  log(
    `synthetic ${prefecture.name}: ${prefecture.hospitals + prefecture.clinics} institutions, ${prefecture.zones.length} zones, ${prefecture.municipalities} municipalities (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
  const target = Number(args["zone-size"]);
  const zone = [...prefecture.zones].sort(
    (a, b) => Math.abs(a.institutions - target) - Math.abs(b.institutions - target),
  )[0]!;
  log(`zones (institutions): ${prefecture.zones.map((z) => `${z.name} ${z.institutions}`).join(", ")}`);
  const viewer = { ...unsafeCliViewer(PREFECTURE), email: OFFICER };
  const params = parseSummaryParams({ cycle: prefecture.cycles.clinicCurrent, scheme: prefecture.schemes.secondary });

  // ---- A. One zone's packet ----------------------------------------------------------------------
  log(`A. council packet of ${zone.name} (${zone.institutions} institutions), ${pdfThreads()} renderer processes`);
  const loads: number[] = [];
  let input = await getZonePacketInput(viewer, { ...params, zoneId: zone.id });
  for (let i = 0; i < 3; i++) {
    started = performance.now();
    input = await getZonePacketInput(viewer, { ...params, zoneId: zone.id });
    loads.push(performance.now() - started);
  }
  const request = { kind: "zonePacket" as const, input };
  const inProcess: number[] = [];
  let first = 0;
  let result: { bytes: Uint8Array; pages: number } = { bytes: new Uint8Array(), pages: 0 };
  for (let i = 0; i <= RUNS; i++) {
    started = performance.now();
    result = await renderDocument(request);
    if (i === 0) first = performance.now() - started;
    else inProcess.push(performance.now() - started);
  }
  await closePdfPool();
  started = performance.now();
  await renderPdf(request);
  const workerFirst = performance.now() - started;
  const inWorker: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    started = performance.now();
    await renderPdf(request);
    inWorker.push(performance.now() - started);
  }
  log(`   bundle load (DB → TZoneDashboard): median ${ms(median(loads))}`);
  log(
    `   render in-process: first ${ms(first)}, warm median ${ms(median(inProcess))} (min ${ms(Math.min(...inProcess))}, max ${ms(Math.max(...inProcess))})`,
  );
  log(
    `   render in a renderer process: new process (start + warm-up + render) ${ms(workerFirst)}, warm median ${ms(median(inWorker))}`,
  );
  log(`   ${result.pages} pages, ${kb(result.bytes.byteLength)}`);
  if (args.out) {
    mkdirSync(args.out, { recursive: true });
    writeFileSync(path.join(args.out, "zone-packet.pdf"), result.bytes);
  }
  const packetTotal = median(loads) + median(inWorker);

  // ---- B. All zones, in this process -----------------------------------------------------------
  log(
    `B. all-zones batch (${prefecture.zones.length} packets + the prefecture summary, ZIP) in-process with the job service`,
  );
  // How long the job blocks its own event loop (loading bundles, sending them to the renderer,
  // zipping): what a page request arriving during the batch waits for at most.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  started = performance.now();
  const { jobId } = await createPacketBatchJob(viewer, params);
  await runPacketBatchJob(jobId);
  const batchSeconds = (performance.now() - started) / 1000;
  delay.disable();
  const eld = { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 };
  log(`   event-loop delay of the job's thread: p50 ${ms(eld.p50)}, p99 ${ms(eld.p99)}, max ${ms(eld.max)}`);
  const job = await getDocumentJobProgress(viewer, jobId);
  log(
    `   ${job.status} ${job.done}/${job.total} documents in ${batchSeconds.toFixed(1)} s, ZIP ${kb(job.fileSize ?? 0)}`,
  );
  if (job.status !== "SUCCEEDED") throw new Error(job.errorMessage ?? "batch failed");
  if (args.out) writeFileSync(path.join(args.out, "all-zones.zip"), (await getDocumentJobFile(viewer, jobId)).bytes);
  await closePdfPool();

  // ---- C. Over HTTP, a page while the batch runs -------------------------------------------------
  type TStats = ReturnType<typeof percentiles>;
  let http: { pages: { page: string; baseline: TStats; during: TStats }[]; seconds: number; zip: number } | null = null;
  if (!args["skip-http"]) {
    await db.user.create({
      data: {
        email: OFFICER,
        name: "ベンチ 担当",
        role: "PREFECTURE",
        prefectureCode: PREFECTURE,
        passwordHash: await hashPassword(PASSWORD),
      },
    });
    app = await startApp(database.url, { build: !args["skip-build"], distDir: DIST_DIR });
    const cookie = await officerCookie(app, OFFICER, PASSWORD);
    const headers = { cookie };
    // Plain pages: sign-in (signed out: no database), the packets page the officer has open while the
    // batch runs (a few small queries), and the cycle list (heavy on 14,000 institutions by itself).
    const PAGES = ["/login", "/prefecture/packets", "/prefecture/cycles"] as const;
    const timePage = async (page: string) => {
      const t = performance.now();
      const response = await fetch(`${app!.url}${page}`, {
        headers: page === "/login" ? {} : headers,
        redirect: "manual",
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${page}: HTTP ${response.status}`);
      return performance.now() - t;
    };
    const sample = async (into: Record<string, number[]>) => {
      for (const page of PAGES) (into[page] ??= []).push(await timePage(page));
    };
    for (let i = 0; i < 5; i++) await sample({}); // warm the routes
    const baseline: Record<string, number[]> = {};
    const until = Date.now() + 8_000;
    while (Date.now() < until) {
      await sample(baseline);
      await new Promise((r) => setTimeout(r, 50));
    }
    // First PDF request: a renderer process starts (fonts, warm-up) before the batch.
    await fetch(
      `${app.url}/api/v1/pdf/packets/zone?cycle=${params.cycleId}&scheme=${params.schemeId}&zone=${prefecture.zones[0]!.id}`,
      { headers },
    ).then((r) => r.arrayBuffer());
    // Resident memory of every process of the server, sampled while the batches run.
    const rssPeak = new Map<string, number>();
    const sampleRss = () => {
      for (const { name, mb } of processTreeRss(app!.pid!).values())
        rssPeak.set(name, Math.max(rssPeak.get(name) ?? 0, mb));
    };
    const rssNow = () =>
      [...processTreeRss(app!.pid!).values()].map((p) => `${p.name} ${p.mb.toFixed(0)} MB`).join(", ");
    log(`   RSS before the batches: ${rssNow()}`);
    const during: Record<string, number[]> = {};
    let seconds = 0;
    let zipBytes = 0;
    let zipSize = 0;
    for (let batch = 0; batch < Number(args.batches); batch++) {
      started = performance.now();
      // The filter differs per batch, so back-to-back batches are new jobs, not the finished one.
      const queued = await fetch(`${app.url}/api/v1/pdf/jobs`, {
        method: "POST",
        // Same-origin, as the browser sends it: cross-site writes are refused (lib/http/api.ts).
        headers: { ...headers, "content-type": "application/json", origin: app.url },
        body: JSON.stringify({ cycle: params.cycleId, scheme: params.schemeId, confirmed: batch % 2 ? "1" : "0" }),
      });
      const { jobId: httpJob } = (await queued.json()) as { jobId: string };
      let status = "QUEUED";
      let lastPoll = 0;
      while (status === "QUEUED" || status === "RUNNING") {
        await sample(during);
        sampleRss();
        if (Date.now() - lastPoll > 700) {
          lastPoll = Date.now();
          const progress = (await (await fetch(`${app.url}/api/v1/pdf/jobs/${httpJob}`, { headers })).json()) as {
            status: string;
            fileSize: number | null;
          };
          status = progress.status;
          zipSize = progress.fileSize ?? 0;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      seconds = (performance.now() - started) / 1000;
      if (status !== "SUCCEEDED") throw new Error(`HTTP batch ended ${status}`);
      const zip = await fetch(`${app.url}/api/v1/pdf/jobs/${httpJob}/download`, { headers });
      zipBytes = (await zip.arrayBuffer()).byteLength;
      sampleRss();
      log(`   batch ${batch + 1}: ${seconds.toFixed(1)} s; RSS after: ${rssNow()}`);
    }
    log(
      `   RSS peak during the batches: ${[...rssPeak].map(([name, mb]) => `${name} ${mb.toFixed(0)} MB`).join(", ")}`,
    );
    http = {
      pages: PAGES.map((page) => ({
        page,
        baseline: percentiles(baseline[page]!),
        during: percentiles(during[page]!),
      })),
      seconds,
      zip: zipBytes || zipSize,
    };
    log(`C. under next start: batch ${seconds.toFixed(1)} s (polled), ZIP ${kb(http.zip)}`);
    const line = (label: string, s: ReturnType<typeof percentiles>) =>
      log(`   ${label.padEnd(34)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}  n=${s.n}`);
    for (const p of http.pages) {
      line(`GET ${p.page} idle`, p.baseline);
      line(`GET ${p.page} during the batch`, p.during);
    }
  }

  console.log("\n━━ PDF benchmark ━━");
  console.log(
    `data: ${prefecture.name}（架空）${prefecture.hospitals + prefecture.clinics} institutions, ${prefecture.zones.length} zones; ${args.db} database; ${availableParallelism()} cores, ${pdfThreads()} PDF renderer processes`,
  );
  console.log(
    `A. packet of ${zone.name} (${zone.institutions} institutions): ${result.pages} pages, ${kb(result.bytes.byteLength)}; load ${ms(median(loads))} + render ${ms(median(inWorker))} in a renderer = ${ms(packetTotal)} (goal ≤ 1,500 ms) ${packetTotal <= 1500 ? "✓" : "✗"}`,
  );
  console.log(
    `B. all-zones batch: ${batchSeconds.toFixed(1)} s, ZIP ${kb(job.fileSize ?? 0)} (goal ≤ 15 s) ${batchSeconds <= 15 ? "✓" : "✗"}; event-loop delay p99 ${ms(eld.p99)}, max ${ms(eld.max)}`,
  );
  if (http) {
    for (const p of http.pages) {
      console.log(
        `C. next start (batch ${http.seconds.toFixed(1)} s): GET ${p.page} p95 ${ms(p.baseline.p95)} idle → ${ms(p.during.p95)} during the batch (goal < 200 ms) ${p.during.p95 < 200 ? "✓" : "✗"}`,
      );
    }
  }
} finally {
  await app?.stop();
  const { stopJobQueue } = await import("@/lib/jobs/queue");
  await stopJobQueue();
  await database.stop();
}
process.exit(0);
