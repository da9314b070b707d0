// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/hot-path.ts [--db postgres|embedded] [--calls 2000] [--rounds 5]`
//
// CPU of the pieces of one autosave, in this process, without HTTP (issue 18,
// docs/decisions/0012): what the app spends per request on the session (next-auth's token decoder
// against the verified-token cache), on the viewer (the ORM query with its nested include against
// the one raw statement), on a raw statement through Prisma against the same through the pg pool,
// on the draft validation of a generated report, and on a whole `saveDraft`. The database is a fresh one (PostgreSQL on TEST_POSTGRES_URL's server,
// or PGlite in its own process), seeded with the demo and 50 bench clinics. Each piece runs
// `calls` times per round; the table gives µs of this process's CPU (user + system) per call,
// min / median over the rounds, so other processes on the shared machine weigh less than in a
// wall-clock figure.
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import { createTestDatabase } from "../../tests/support/test-database";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "postgres" },
    calls: { type: "string", default: "2000" },
    rounds: { type: "string", default: "5" },
  },
});
const CALLS = Number(args.calls);
const ROUNDS = Number(args.rounds);
const kind = args.db === "embedded" ? "embedded" : "postgres";

const database = await createTestDatabase(kind, "hotpath");
process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET ??= "hot-path-bench-secret-hot-path-bench-secret";
const { db } = await import("@/lib/db");
const { hotQuery } = await import("@/lib/db");
const { seedBenchClinics } = await import("./bench-clinics");
const { loadViewer } = await import("@/lib/auth/viewer");
const { decodeSessionClaims } = await import("@/lib/auth/session-token");
const { decode } = await import("next-auth/jwt");
const { getAuthSecret } = await import("@/lib/env");
const { saveDraft } = await import("@/lib/services/respondent-reports");
const { Prisma } = await import("@/lib/db");

const { validateAnswers } = await import("@/lib/questionnaire/answer-schema");
const { generateAnswers } = await import("../../prisma/seed/answers");
const { createRandom } = await import("../../prisma/seed/random");
const { cycle, clinics, definition, partners } = await seedBenchClinics({
  count: 50,
  namePrefix: "ホットパス診療所",
  codeDigit: "7",
  emailPrefix: "hot",
  municipalityCode: "182010",
  password: "bench-password-123",
});
const user = await db.user.findFirstOrThrow({ where: { institutionId: clinics[0]!.id } });
const token = await encode({
  token: { sub: user.id, role: "institution", sessionVersion: 0, signedInAt: Math.floor(Date.now() / 1000) },
  secret: getAuthSecret(),
});

/** The viewer read as it was before (the ORM query with its nested include), for comparison. */
const ormViewer = () =>
  db.user.findUnique({
    where: { id: user.id },
    include: {
      zones: { include: { zone: { include: { municipalities: { select: { municipalityCode: true } } } } } },
      institution: { select: { prefectureCode: true, isActive: true } },
      hub: { select: { prefectureCode: true, isActive: true } },
    },
  });
const contextSql = Prisma.sql`
  SELECT c."id", s."id" AS "sId", s."answers", s."draftVersion", i."municipalityCode"
  FROM "ReportingCycle" c
  LEFT JOIN "Submission" s ON s."cycleId" = c."id" AND s."institutionId" = ${clinics[0]!.id}
  LEFT JOIN "Institution" i ON i."id" = ${clinics[0]!.id}
  WHERE c."id" = ${cycle.id}`;
// A report as the rush benchmark's clinics fill it in, parsed from JSON as a request's body is.
const report = JSON.stringify(
  generateAnswers(definition, {
    random: createRandom("hot-path"),
    profile: { kind: "CLINIC", engagement: 0.7 },
    partnerPool: partners,
  }),
);
let version = 0;
const pieces: [string, () => Promise<unknown>][] = [
  ["session: next-auth decode", () => decode({ token, secret: getAuthSecret() })],
  ["session: decodeSessionClaims (cached)", () => decodeSessionClaims(token)],
  ["viewer: ORM findUnique + include", ormViewer],
  ["viewer: loadViewer (raw)", () => loadViewer(user.id, 0)],
  ["raw statement via Prisma $queryRaw", () => db.$queryRaw(contextSql)],
  ["raw statement via hotQuery (pg pool)", () => hotQuery(contextSql)],
  ["validateAnswers (draft, a generated report)", async () => validateAnswers(definition, JSON.parse(report), "draft")],
  [
    "saveDraft (service, no HTTP)",
    async () => {
      const viewer = (await loadViewer(user.id, 0))!;
      const result = await saveDraft(viewer, cycle.id, {
        draftVersion: version,
        answers: { rep_department: `医事課${version}` },
      });
      version = result.draftVersion;
    },
  ],
];

const cpuMicros = () => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};
const results = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [label, piece] of pieces) {
    for (let i = 0; i < 50; i++) await piece(); // warm
    const started = cpuMicros();
    for (let i = 0; i < CALLS; i++) await piece();
    results.set(label, [...(results.get(label) ?? []), (cpuMicros() - started) / CALLS]);
  }
}
console.log(`\n${kind}: µs of this process's CPU per call, min / median of ${ROUNDS} rounds × ${CALLS} calls`);
for (const [label, samples] of results) {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(42)} ${sorted[0]!.toFixed(0).padStart(6)} / ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0).padStart(6)}`,
  );
}
await db.$disconnect();
await database.stop();
process.exit(0);
