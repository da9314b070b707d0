// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/prepared-statements.ts [--calls 3000] [--rounds 3]`
//
// What preparing the hot statements saves (lib/db.ts `hotQuery`, docs/decisions/0012): the viewer
// read, the write context read and a whole `saveDraft`, each `calls` times per round, with the
// statements prepared once per connection and then unnamed (RENKEI_DB_PREPARED_STATEMENTS=false),
// alternating within each round. Reports µs of CPU per call of this process and of PostgreSQL
// (every postgres process of the machine: run it on a quiet one), min / median over the rounds.
// PostgreSQL only (TEST_POSTGRES_URL's server): the embedded database never prepares them.
import { parseArgs } from "node:util";
import { createTestDatabase } from "../../tests/support/test-database";
import { cpuMs, postgresPids } from "./http-support";

const { values: args } = parseArgs({
  options: { calls: { type: "string", default: "3000" }, rounds: { type: "string", default: "3" } },
});
const CALLS = Number(args.calls);
const ROUNDS = Number(args.rounds);

const database = await createTestDatabase("postgres", "prepared");
process.env.DATABASE_URL = database.url;
const { db } = await import("@/lib/db");
const { reloadEnv } = await import("@/lib/env");
const { seedBenchClinics } = await import("./bench-clinics");
const { loadViewer } = await import("@/lib/auth/viewer");
const { readWriteContext } = await import("@/lib/services/respondent-write");
const { saveDraft } = await import("@/lib/services/respondent-reports");

const { cycle, clinics } = await seedBenchClinics({
  count: 10,
  namePrefix: "準備文診療所",
  codeDigit: "6",
  emailPrefix: "prepared",
  municipalityCode: "182010",
  password: "bench-password-123",
});
const user = await db.user.findFirstOrThrow({ where: { institutionId: clinics[0]!.id } });
const viewer = (await loadViewer(user.id, 0))!;
if (viewer.role !== "institution") throw new Error("the bench clinic's account is not an institution's");
let version = 0;
const pieces: [string, () => Promise<unknown>][] = [
  ["viewer (loadViewer)", () => loadViewer(user.id, 0)],
  ["write context (readWriteContext)", () => readWriteContext(viewer, cycle.id, true)],
  [
    "saveDraft (service: context + update)",
    async () => {
      const result = await saveDraft(viewer, cycle.id, {
        draftVersion: version,
        answers: { rep_department: `医事課${version}` },
      });
      version = result.draftVersion;
    },
  ],
];

const postgresCpu = () => postgresPids().reduce((total, pid) => total + cpuMs(pid), 0);
const ownCpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const results = new Map<string, { app: number[]; db: number[] }>();
for (let round = 0; round < ROUNDS; round++) {
  for (const prepared of [true, false]) {
    process.env.RENKEI_DB_PREPARED_STATEMENTS = String(prepared);
    reloadEnv();
    for (const [label, piece] of pieces) {
      for (let i = 0; i < 50; i++) await piece(); // warm (and prepare)
      const [app0, db0] = [ownCpu(), postgresCpu()];
      for (let i = 0; i < CALLS; i++) await piece();
      const key = `${label}, ${prepared ? "prepared" : "unnamed"}`;
      const entry = results.get(key) ?? { app: [], db: [] };
      entry.app.push(((ownCpu() - app0) * 1000) / CALLS);
      entry.db.push(((postgresCpu() - db0) * 1000) / CALLS);
      results.set(key, entry);
    }
  }
}

const minMedian = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${sorted[0]!.toFixed(0).padStart(5)} / ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0).padStart(5)}`;
};
console.log(`\nµs of CPU per call, min / median of ${ROUNDS} rounds × ${CALLS} calls: this process | PostgreSQL`);
for (const [label, { app, db: server }] of [...results].sort(([a], [b]) => a.localeCompare(b)))
  console.log(`${label.padEnd(52)} ${minMedian(app)} | ${minMedian(server)}`);
await db.$disconnect();
await database.stop();
process.exit(0);
