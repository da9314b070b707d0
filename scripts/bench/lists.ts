// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/lists.ts [--clinics 14000] [--repeat 7] [--postgres]`
//
// Times one page of the prefecture's submissions list (lib/data/review.ts listRespondents) for a
// prefecture the size of 東京 (~14,000 clinics) in each order: the SQL-ordered columns (市区町村,
// 名称) read one page; the Submission columns (期限までの日数, 状況, 日時) read a light projection of
// every matching respondent (and their submissions: half the added clinics have one) and sort it
// in memory. Seeds the demo prefecture plus `--clinics`
// more on the embedded PGlite (its own process), or with --postgres on a throwaway database of
// the PostgreSQL at TEST_POSTGRES_URL. Prints min / median per order, and the ratio to the default.
import { parseArgs } from "node:util";
import { migrateDeploy } from "../lib/processes";
import { startDatabaseProcess } from "./http-support";
import { createTestDatabase } from "../../tests/support/test-database";

const { values: args } = parseArgs({
  options: {
    clinics: { type: "string", default: "14000" },
    repeat: { type: "string", default: "7" },
    postgres: { type: "boolean", default: false },
  },
});
const REPEAT = Number(args.repeat);

const database = args.postgres ? await createTestDatabase("postgres", "bench") : await startDatabaseProcess();
try {
  if (!args.postgres) await migrateDeploy(database.url);
  process.env.DATABASE_URL = database.url;
  const { seedBenchClinics } = await import("./bench-clinics");
  const { listRespondents } = await import("@/lib/data/review");
  const { findCycle } = await import("@/lib/data/cycles");
  const { unsafeCliViewer } = await import("@/lib/services/cli-viewer");
  const { ZRespondentFilter } = await import("@/lib/prefecture/filters");

  const seeded = await seedBenchClinics({
    count: 1,
    padding: Number(args.clinics),
    namePrefix: "一覧ベンチ診療所",
    codeDigit: "9",
    emailPrefix: "list-bench",
    municipalityCode: "182079",
    password: "bench-password-123",
  });
  const viewer = unsafeCliViewer("18");
  const cycle = await findCycle(viewer, seeded.cycle.id);
  // Half the added clinics have started (a draft or a submitted report), as in the weeks before a deadline.
  const { db } = await import("@/lib/db");
  const started = await db.institution.findMany({
    where: { name: { startsWith: "一覧ベンチ診療所" }, submissions: { none: { cycleId: cycle.id } } },
    select: { id: true },
  });
  await db.submission.createMany({
    data: started
      .filter((_, i) => i % 2 === 0)
      .map((inst, i) => ({
        cycleId: cycle.id,
        questionnaireVersionId: cycle.questionnaireVersionId,
        prefectureCode: "18",
        institutionId: inst.id,
        status: i % 3 === 0 ? ("SUBMITTED" as const) : ("DRAFT" as const),
        revision: i % 3 === 0 ? 1 : 0,
        submittedAt: i % 3 === 0 ? new Date(Date.now() - i * 60_000) : null,
      })),
  });
  const orders = [
    { sort: "area", dir: "asc" },
    { sort: "name", dir: "desc" },
    { sort: "deadline", dir: "asc" },
    { sort: "status", dir: "desc" },
    { sort: "updated", dir: "desc" },
  ];
  const results: { order: string; min: number; median: number; total: number }[] = [];
  for (const order of orders) {
    const filter = ZRespondentFilter.parse({ ...order, page: "3" });
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < REPEAT + 1; i++) {
      const started = performance.now();
      total = (await listRespondents(viewer, cycle, filter)).total;
      if (i > 0) times.push(performance.now() - started); // the first run warms the plans
    }
    times.sort((a, b) => a - b);
    results.push({ order: `${order.sort} ${order.dir}`, min: times[0]!, median: times[times.length >> 1]!, total });
  }
  const base = results[0]!.median;
  console.log(
    `[bench] submissions list, page 3 of ${results[0]!.total} respondents, ${args.postgres ? "PostgreSQL" : "embedded PGlite"}, ${REPEAT} runs each`,
  );
  for (const r of results) {
    console.log(
      `[bench] ${r.order.padEnd(14)} min ${r.min.toFixed(0)} ms  median ${r.median.toFixed(0)} ms  (×${(r.median / base).toFixed(1)})`,
    );
  }
} finally {
  await database.stop();
}
