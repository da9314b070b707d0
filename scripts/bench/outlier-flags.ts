// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/outlier-flags.ts [--institutions 14000] [--prefecture 13] [--db embedded|postgres] [--repeat 7]`
//
// Outlier flags at scale (issue 16): the job `review-flags.compute` for the current clinic-report
// cycle of the largest synthetic prefecture (架空, scripts/lib/synth.ts; 東京都 ≈ 14,000
// institutions), i.e. read every submitted report's count answers with its institution kind and
// zone, judge every count item against its peers (lib/aggregation/outliers.ts) and replace the
// cycle's flags in one transaction. Also times the pure judging alone. Prints min / median over
// --repeat runs after one warm-up. Goal on 2 cores: ≤ 2 s (it runs off the request path).
import { availableParallelism, cpus } from "node:os";
import { parseArgs } from "node:util";
import { migrateDeploy } from "../lib/processes";
import { startDatabaseProcess, type TProcessHandle } from "./http-support";
import { createTestDatabase } from "../../tests/support/test-database";

const { values: args } = parseArgs({
  options: {
    institutions: { type: "string", default: "14000" },
    prefecture: { type: "string", default: "13" },
    db: { type: "string", default: "embedded" },
    repeat: { type: "string", default: "7" },
  },
});
const REPEAT = Number(args.repeat);
const GOAL_MS = 2000;
const log = (message: string) => console.log(`[bench] ${message}`);
const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
};

log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), node ${process.version}`);
const database: TProcessHandle =
  args.db === "postgres" ? await createTestDatabase("postgres", "benchoutliers") : await startDatabaseProcess();
try {
  if (args.db !== "postgres") await migrateDeploy(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.RENKEI_REVIEW_FLAGS_INTERVAL_MS = "0";
  const { synthesize } = await import("../lib/synth");
  const { db } = await import("@/lib/db");
  const { computeOutlierFlags, countItemKeys } = await import("@/lib/services/outlier-flags");
  const { getDefinition } = await import("@/lib/data/questionnaires");
  const { findOutliers, OUTLIER_DEFAULTS } = await import("@/lib/aggregation/outliers");

  let started = performance.now();
  const synth = await synthesize({
    institutions: Number(args.institutions),
    prefectures: [args.prefecture!],
    log: (line) => log(line.trim()),
  });
  const prefecture = synth.prefectures[0]!;
  const cycleId = prefecture.cycles.clinicCurrent;
  log(
    `synthetic ${prefecture.name}: ${prefecture.hospitals + prefecture.clinics} institutions, ${prefecture.submissions} reports in 2 years, ${prefecture.zones.length} zones (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );

  // ---- The job, end to end: the open year (reports still arriving) and last year (all in) -------
  for (const [label, id] of [
    ["current year", cycleId],
    ["previous year", prefecture.cycles.clinicPrevious],
  ] as const) {
    const runs: number[] = [];
    let last: Awaited<ReturnType<typeof computeOutlierFlags>> = null;
    for (let i = 0; i < REPEAT + 1; i++) {
      started = performance.now();
      last = await computeOutlierFlags(id);
      if (i > 0) runs.push(performance.now() - started); // the first run warms plans and caches
    }
    const job = stats(runs);
    log(
      `review-flags.compute, ${label} (${args.db}): ${last?.submissions} submitted reports, ${last?.flags} flags — min ${job.min.toFixed(0)} ms, median ${job.median.toFixed(0)} ms (goal ≤ ${GOAL_MS} ms): ${job.median <= GOAL_MS ? "OK" : "OVER"}`,
    );
  }

  // ---- The pure judging alone (same subjects, in memory) ---------------------------------------
  const cycle = await db.reportingCycle.findUniqueOrThrow({
    where: { id: cycleId },
    select: { questionnaireVersionId: true },
  });
  const keys = countItemKeys(await getDefinition(cycle.questionnaireVersionId));
  const rows = await db.submission.findMany({
    where: { cycleId, revision: { gt: 0 } },
    select: { id: true, answers: true, institution: { select: { kind: true, municipalityCode: true } } },
  });
  const subjects = rows.map((r) => ({
    id: r.id,
    kind: r.institution!.kind,
    zone: r.institution!.municipalityCode.slice(0, 5),
    values: Object.fromEntries(
      Object.entries(r.answers as Record<string, unknown>).filter(
        (e): e is [string, number] => keys.includes(e[0]) && typeof e[1] === "number",
      ),
    ),
  }));
  const pure: number[] = [];
  for (let i = 0; i < REPEAT + 1; i++) {
    started = performance.now();
    findOutliers(subjects, keys, OUTLIER_DEFAULTS);
    if (i > 0) pure.push(performance.now() - started);
  }
  const judge = stats(pure);
  log(
    `findOutliers alone: ${subjects.length} subjects × ${keys.length} count items — min ${judge.min.toFixed(0)} ms, median ${judge.median.toFixed(0)} ms`,
  );
  const byItem = await db.outlierFlag.groupBy({
    by: ["itemKey", "method"],
    where: { cycleId },
    _count: { _all: true },
  });
  log(`flags by item and rule: ${byItem.map((g) => `${g.itemKey}/${g.method} ${g._count._all}`).join(", ")}`);
  await db.$disconnect();
} finally {
  await database.stop();
}
