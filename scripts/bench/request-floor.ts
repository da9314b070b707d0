// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/request-floor.ts [--calls 3000] [--rounds 3] [--skip-build]`
//
// How much of an autosave's app CPU is Next's own handling of a request, and what answering it
// before Next's router saves (docs/decisions/0012): one server instance (scripts/server.mjs) on
// PostgreSQL (TEST_POSTGRES_URL's server, a fresh database with 40 bench clinics), 8 clients with
// keep-alive, alternating within each round, each kind both through Next's router and answered
// directly by the server entry (lib/http/direct-routes.ts):
//   - a PUT to the autosave route without a session: answered 401 after the cookie read, before
//     any of Renkei's work — what every JSON request costs before Renkei does anything;
//   - the same PUT signed in: a real autosave (viewer, context, validation, the write statement).
// Then the idle cost of the instance (its job pollers) and of PostgreSQL over 20 s.
// Reports ms of app CPU per request (user + system of the instance's process tree), min / median.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { findFreePort } from "../lib/embedded-db";
import { createTestDatabase } from "../../tests/support/test-database";
import {
  buildApp,
  cpuMs,
  cpuSinceMs,
  cpuSnapshot,
  postgresPids,
  processTree,
  requestJson,
  signInForCookie,
  startServerInstance,
} from "./http-support";

const { values: args } = parseArgs({
  options: {
    calls: { type: "string", default: "3000" },
    rounds: { type: "string", default: "3" },
    "skip-build": { type: "boolean", default: false },
  },
});
const CALLS = Number(args.calls);
const ROUNDS = Number(args.rounds);
const CLIENTS = 8;
const DIST_DIR = ".next-bench-floor";
const PASSWORD = "bench-password-123";

await buildApp(DIST_DIR, !args["skip-build"]);
const database = await createTestDatabase("postgres", "floor");
process.env.DATABASE_URL = database.url;
const { seedBenchClinics } = await import("./bench-clinics");
const { cycle } = await seedBenchClinics({
  count: 40,
  namePrefix: "床診療所",
  codeDigit: "5",
  emailPrefix: "floor",
  municipalityCode: "182010",
  password: PASSWORD,
});
const instance = await startServerInstance(database.url, {
  distDir: DIST_DIR,
  port: await findFreePort(),
  secret: randomBytes(32).toString("base64url"),
});
const cookies: string[] = [];
for (let i = 0; i < 40; i++) cookies.push(await signInForCookie(instance.url, `floor-${i}@bench.renkei.jp`, PASSWORD));

const draftUrl = `${instance.url}/api/v1/respondent/cycles/${cycle.id}/draft`;
// The same route through Next's router: the server entry answers only an exact path, so a
// percent-encoded first letter of the id (which Next decodes to the same id) goes to Next.
const draftUrlThroughNext = `${instance.url}/api/v1/respondent/cycles/%${cycle.id.charCodeAt(0).toString(16)}${cycle.id.slice(1)}/draft`;

const appCpu = () => processTree(instance.child.pid!).reduce((total, pid) => total + cpuMs(pid), 0);
const versions = new Array<number>(cookies.length).fill(0);
const unauthenticated = (url: string) => async () =>
  (await requestJson(url, "PUT", { draftVersion: 0, answers: {} })).status === 401;
const autosave = (url: string) => async (i: number) => {
  const body = { draftVersion: versions[i], answers: { rep_department: `医事課${i}` } };
  const answered = await requestJson(url, "PUT", body, cookies[i]!);
  if (answered.status === 200) versions[i] = (JSON.parse(answered.body) as { draftVersion: number }).draftVersion;
  return answered.status === 200;
};
const kinds = {
  "401, through Next's router": unauthenticated(draftUrlThroughNext),
  "401, answered directly": unauthenticated(draftUrl),
  "autosave, through Next's router": autosave(draftUrlThroughNext),
  "autosave, answered directly": autosave(draftUrl),
};
const results = new Map<string, number[]>();
for (let round = 0; round <= ROUNDS; round++) {
  for (const [label, send] of Object.entries(kinds)) {
    let next = 0;
    let failed = 0;
    const before = appCpu();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        // Each client keeps to its own clinics, so two saves of one clinic never race.
        for (let i = client; next++ < CALLS; i = (i + CLIENTS) % cookies.length) if (!(await send(i))) failed += 1;
      }),
    );
    if (failed > 0) throw new Error(`${label}: ${failed} answers not as expected`);
    // Round 0 warms the instance up (JIT) and is not reported.
    if (round > 0) results.set(label, [...(results.get(label) ?? []), (appCpu() - before) / CALLS]);
  }
}

const [app0, db0] = [appCpu(), cpuSnapshot(postgresPids())];
await new Promise((resolve) => setTimeout(resolve, 20_000));
const idle = { app: (appCpu() - app0) / 20, db: cpuSinceMs(db0, postgresPids()) / 20 };

console.log(`\nms of app CPU per request, min / median of ${ROUNDS} rounds × ${CALLS} requests (${CLIENTS} clients)`);
for (const [label, samples] of results) {
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} ${sorted[0]!.toFixed(2)} / ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)}`);
}
console.log(`idle, ms of CPU per second: instance ${idle.app.toFixed(0)}, PostgreSQL ${idle.db.toFixed(0)}`);
await instance.stop();
await database.stop();
process.exit(0);
