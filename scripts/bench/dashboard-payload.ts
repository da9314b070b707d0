// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/dashboard-payload.ts [--db embedded|postgres] [--prefecture 13]`
//
// What a dashboard sends (issue 18, memory), on the national synthetic data set that
// scripts/bench/national-dashboard.ts generates and keeps (run that first): the JSON of
// GET /api/v1/summaries for the largest prefecture's view and its largest zone's view, raw and
// compressed (gzip, brotli), with the share of each top-level field, and the props the dashboard
// page hands to its client components (what the page's RSC payload carries besides its HTML).
import { brotliCompressSync, gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { ensureBenchAccounts, openBenchDatabase, type TBenchDbKind } from "./national-data";

const { values: args } = parseArgs({
  options: { db: { type: "string", default: "embedded" }, prefecture: { type: "string", default: "13" } },
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const sizes = (value: unknown) => {
  const json = Buffer.from(JSON.stringify(value));
  return { raw: json.length, gzip: gzipSync(json).length, brotli: brotliCompressSync(json).length };
};
const line = (label: string, value: unknown) => {
  const s = sizes(value);
  console.log(
    `${label.padEnd(44)} ${kb(s.raw).padStart(8)} raw ${kb(s.gzip).padStart(7)} gzip ${kb(s.brotli).padStart(7)} br`,
  );
};

const database = await openBenchDatabase(args.db as TBenchDbKind, { fresh: false });
try {
  process.env.DATABASE_URL = database.url;
  const accounts = await ensureBenchAccounts(args.prefecture!);
  const { getSummaryView } = await import("@/lib/data/summary-views");
  const { parseSummaryParams } = await import("@/lib/summaries/params");
  const { dashboardClientProps } = await import("./dashboard-client-props");
  const officer = {
    role: "prefecture" as const,
    prefectureCode: args.prefecture!,
    userId: accounts.officer.id,
    email: accounts.officer.email,
    name: accounts.officer.name,
  };
  const prefecture = await getSummaryView(officer, parseSummaryParams(new URLSearchParams()));
  if (prefecture.level !== "prefecture") throw new Error("expected the prefecture view");
  const largest = [...prefecture.zones].sort((a, b) => b.summary.status.respondents - a.summary.status.respondents)[0]!;
  const zone = await getSummaryView(
    officer,
    parseSummaryParams(new URLSearchParams({ scheme: prefecture.scheme!.id, zone: largest.id })),
  );
  console.log(`payload of the dashboards of ${prefecture.cycle.prefectureName} (${args.db})`);
  for (const [name, view] of [
    ["prefecture view", prefecture],
    [`zone view ${largest.name}`, zone],
  ] as const) {
    line(`GET /api/v1/summaries — ${name}`, view);
    for (const [key, value] of Object.entries(view)) line(`  .${key}`, value);
    line(`  page client-component props`, dashboardClientProps(view));
  }
} finally {
  await database.stop();
}
