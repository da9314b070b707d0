// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/roster-import.ts [--rows 15000] [--memory] [--postgres]`
//
// Times a 15,000-row 医療機関名簿 (Shift_JIS CSV, generated with valid codes) through the same
// services the web uses — check/preview, then the apply job — on the embedded database (PGlite
// over its socket, file-backed in a temporary folder unless --memory), and measures how long the
// rest of the app would wait meanwhile (a probe runs `select 1` every 50 ms during the apply).
// --postgres runs the same on a throwaway database of the PostgreSQL at TEST_POSTGRES_URL.
// Prints one line per step.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { findFreePort, startEmbeddedDatabase } from "../lib/embedded-db";
import { migrateDeploy } from "../lib/processes";
import { createTestDatabase } from "../../tests/support/test-database";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "15000" },
    memory: { type: "boolean", default: false },
    postgres: { type: "boolean", default: false },
  },
});
const ROWS = Number(args.rows);

const dataDir = args.memory || args.postgres ? undefined : mkdtempSync(path.join(os.tmpdir(), "renkei-bench-"));
const database = args.postgres
  ? await createTestDatabase("postgres", "bench")
  : await startEmbeddedDatabase({ port: await findFreePort(), dataDir });
process.env.DATABASE_URL = database.url;
const where = args.postgres ? "PostgreSQL" : `embedded PGlite (${dataDir ? "file-backed" : "in memory"})`;

try {
  if (!args.postgres) await migrateDeploy(database.url);
  // The app's modules read DATABASE_URL when first imported.
  const { db } = await import("@/lib/db");
  const { seedPrefectures } = await import("@/prisma/seed/demo");
  const { FUKUI_MUNICIPALITIES } = await import("@/prisma/seed/fukui");
  const { tableToFile } = await import("@/lib/export/table-file");
  const { createImportPreview, applyImportJob, runImportJob } = await import("@/lib/services/import-jobs");
  const { getImportJob } = await import("@/lib/data/import-jobs");
  const { unsafeCliViewer } = await import("@/lib/services/cli-viewer");
  const { syntheticRoster } = await import("./roster-file");
  const { formatOutcome } = await import("@/lib/prefecture/import-preview");

  await seedPrefectures();
  await db.municipality.createMany({
    data: FUKUI_MUNICIPALITIES.map((m) => ({ code: m.code, prefectureCode: "18", name: m.name })),
  });
  const viewer = unsafeCliViewer("18");

  const results: { step: string; ms: number; note: string }[] = [];
  const time = async <T>(step: string, body: () => Promise<T>, note: (value: T) => string) => {
    const started = performance.now();
    const value = await body();
    results.push({ step, ms: performance.now() - started, note: note(value) });
    return value;
  };

  /** Longest wait of a trivial query while `body` runs: what other requests feel on PGlite. */
  const withProbe = async (body: () => Promise<void>) => {
    let running = true;
    let worst = 0;
    const probe = (async () => {
      while (running) {
        const started = performance.now();
        await db.$queryRaw`select 1`;
        worst = Math.max(worst, performance.now() - started);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await body();
    running = false;
    await probe;
    return worst;
  };

  const run = async (
    label: string,
    table: ReturnType<typeof syntheticRoster>,
    options: { deactivateMissing?: boolean } = {},
  ) => {
    const file = await tableToFile(table, "csv-sjis");
    const { jobId, preview } = await time(
      `${label}: check + preview (${(file.bytes.byteLength / 1024 / 1024).toFixed(1)} MB)`,
      () => createImportPreview(viewer, { kind: "ROSTER", file: { name: "roster.csv", bytes: file.bytes } }),
      (r) =>
        r.preview.ok
          ? JSON.stringify((r.preview.details as { counts: unknown }).counts)
          : `${r.preview.stats.errorCount} errors`,
    );
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors.slice(0, 3)));
    await applyImportJob(viewer, jobId, options);
    let worst = 0;
    await time(
      `${label}: apply job`,
      async () => {
        worst = await withProbe(() => runImportJob(jobId));
      },
      () => "",
    );
    const job = await getImportJob(viewer, jobId);
    if (job.status !== "SUCCEEDED") throw new Error(job.errorMessage ?? job.status);
    results[results.length - 1]!.note =
      `${formatOutcome(job.result!)}; other queries waited up to ${worst.toFixed(0)} ms`;
  };

  const base = syntheticRoster(ROWS);
  await run("first import (all new)", base);
  await run("same file again", base);
  const changed = syntheticRoster(ROWS);
  const changedRows = changed.rows
    .map((row, i) => (i % 10 === 0 ? [...row.slice(0, 7), `${row[7]}0`.slice(0, 13), row[8]!] : row))
    .slice(0, ROWS - 300);
  await run(
    "10% changed, 300 missing, deactivate",
    { header: changed.header, rows: changedRows },
    { deactivateMissing: true },
  );

  console.log(
    `\nroster import benchmark — ${ROWS.toLocaleString("en")} rows, ${where}, Node ${process.version}, ${os.cpus().length} CPUs`,
  );
  for (const r of results) console.log(`${r.step.padEnd(58)} ${(r.ms / 1000).toFixed(2).padStart(7)} s  ${r.note}`);
  console.log(`institutions: ${await db.institution.count()}, audit events: ${await db.auditEvent.count()}`);
  await db.$disconnect();
} finally {
  await database.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
