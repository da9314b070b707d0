// `npx tsx --import ./scripts/lib/register-server-only.mjs scripts/bench/respondent-save.ts [--duration 20] [--connections 50] [--skip-build]`
//
// Measures the respondent write path end to end, over HTTP, against the server
// (scripts/server.mjs) on the embedded database (PGlite in its own process) seeded with the demo
// prefecture:
//   1. draft saves: 50 concurrent clients, each a different clinic signed in with its own session,
//      saving its own ~20-item draft (each save names the draftVersion the previous one returned,
//      as the form does) — paced at one save per second per client, then saturated (each client
//      saves again as soon as it gets an answer), which gives the capacity;
//   2. submits: 50 concurrent clients submitting complete reports for distinct clinics;
//   3. the form page's client JavaScript, gzipped (what a browser downloads for /institution/cycles/…).
// Goal (issue 3): saves p95 ≤ 50 ms at 50 concurrent clients on 2 cores; form JS ≤ 250 KB gzipped.
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import type autocannon from "autocannon";
import { migrateDeploy } from "../lib/processes";
import {
  formatLatencyLine,
  percentiles,
  runLoad,
  signInForCookie,
  startApp,
  startDatabaseProcess,
} from "./http-support";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "50" },
    submits: { type: "string", default: "250" },
    "skip-build": { type: "boolean", default: false },
  },
});
const CONNECTIONS = Number(args.connections);
const SUBMITS = Number(args.submits);
const PASSWORD = "bench-password-123";

const log = (message: string) => console.log(`[bench] ${message}`);

const database = await startDatabaseProcess();
let app: { url: string; stop: () => Promise<void> } | undefined;
try {
  await migrateDeploy(database.url);
  process.env.DATABASE_URL = database.url;
  const { db } = await import("@/lib/db");
  const { seedBenchClinics } = await import("./bench-clinics");
  const { generateAnswers, truncateToDraft } = await import("../../prisma/seed/answers");
  const { createRandom } = await import("../../prisma/seed/random");
  const { softRuleSetFor } = await import("@/lib/questionnaire/soft-rule-sets");

  // One clinic and account per simulated client (saves and submits use different clinics).
  const total = CONNECTIONS + SUBMITS;
  const {
    cycle,
    definition,
    clinics: created,
    partners,
  } = await seedBenchClinics({
    count: total,
    namePrefix: "ベンチマーク診療所",
    codeDigit: "9",
    emailPrefix: "bench",
    municipalityCode: "182079",
    password: PASSWORD,
  });
  log(`seeded the demo prefecture and ${total} benchmark clinics`);

  app = await startApp(database.url, { build: !args["skip-build"] });
  log(`app at ${app.url}`);

  const cookies: string[] = [];
  for (let i = 0; i < total; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, total - i) }, (_, j) =>
        signInForCookie(app!.url, `bench-${i + j}@bench.renkei.jp`, PASSWORD),
      ),
    );
    cookies.push(...batch);
  }
  log(`signed in ${cookies.length} clients`);

  const draftUrl = `${app.url}/api/v1/respondent/cycles/${cycle.id}/draft`;
  const submitUrl = `${app.url}/api/v1/respondent/cycles/${cycle.id}/submit`;
  const random = createRandom("bench");
  const fullAnswers = Array.from({ length: total }, () =>
    generateAnswers(definition, { random, profile: { kind: "CLINIC", engagement: 0.7 }, partnerPool: partners }),
  );
  const explanations = Object.fromEntries(
    (softRuleSetFor(definition.versionKey)?.rules ?? []).map((rule) => [rule.id, "ベンチマークの説明"]),
  );
  const drafts = fullAnswers.slice(0, CONNECTIONS).map((answers) => truncateToDraft(definition, answers, random));

  // --- 1. draft saves ---
  const benchClinicIds = created.slice(0, CONNECTIONS).map((inst) => inst.id);
  const currentVersions = async () => {
    const rows = await db.submission.findMany({
      where: { cycleId: cycle.id, institutionId: { in: benchClinicIds } },
      select: { institutionId: true, draftVersion: true },
    });
    const byId = new Map(rows.map((r) => [r.institutionId, r.draftVersion]));
    return benchClinicIds.map((id) => byId.get(id) ?? 0);
  };
  const saveStatuses = new Map<number, number>();
  /**
   * Each connection is one clinic with one browser tab: it saves its draft, reads the new
   * draftVersion from the answer and names it in its next save, as the form does. The request
   * hooks are set per connection (setupClient) so each closes over its own clinic.
   */
  const saveRequestFor = (clinic: number, startVersion: number): autocannon.Request => {
    let version = startVersion;
    let edits = 0;
    return {
      method: "PUT",
      setupRequest: (request) => {
        edits += 1;
        const answers = { ...drafts[clinic], rep_department: `医事課${edits}` };
        return {
          ...request,
          headers: { "content-type": "application/json", cookie: cookies[clinic]!, origin: app!.url },
          body: JSON.stringify({ draftVersion: version, answers }),
        };
      },
      onResponse: (status, body) => {
        if (status === 200) version = (JSON.parse(body) as { draftVersion: number }).draftVersion;
        // A stale save says which version is current (as the form's reload would find it).
        if (status === 409) {
          const current = (JSON.parse(body) as { error?: { fieldErrors?: { _draftVersion?: string[] } } }).error
            ?.fieldErrors?._draftVersion?.[0];
          if (current) version = Number(current);
        }
      },
    };
  };
  const runSaves = (duration: number, startVersions: number[], times?: number[]) => {
    let nextClinic = 0;
    const next = () => {
      const clinic = nextClinic++ % CONNECTIONS;
      return saveRequestFor(clinic, startVersions[clinic] ?? 0);
    };
    return runLoad(
      {
        url: draftUrl,
        connections: CONNECTIONS,
        duration,
        requests: [saveRequestFor(0, 0)],
        setupClient: (client) => client.setRequests([next()]),
      },
      times,
      times ? saveStatuses : undefined,
    );
  };
  await runSaves(3, await currentVersions()); // warm-up: JIT, caches, connection pools
  await new Promise((r) => setTimeout(r, 2000)); // let saves still in flight finish
  // Paced: every client saves once a second (the form autosaves 1.2 s after typing stops, so a
  // person typing without pause saves less often than this). One autocannon instance per client,
  // started at staggered moments: people are not synchronised (a single instance's rate limiter
  // would fire all 50 clients on the same tick every second).
  const pacedTimes: number[] = [];
  const pacedStart = await currentVersions();
  const pacedRuns = await Promise.all(
    Array.from({ length: CONNECTIONS }, (_, clinic) =>
      new Promise((r) => setTimeout(r, (clinic * 1000) / CONNECTIONS)).then(() =>
        runLoad(
          {
            url: draftUrl,
            connections: 1,
            connectionRate: 1,
            duration: Number(args.duration),
            requests: [saveRequestFor(clinic, pacedStart[clinic] ?? 0)],
          },
          pacedTimes,
          saveStatuses,
        ),
      ),
    ),
  );
  const pacedResult = {
    requests: { average: pacedRuns.reduce((sum, r) => sum + r.requests.average, 0) },
    non2xx: pacedRuns.reduce((sum, r) => sum + r.non2xx, 0),
    errors: pacedRuns.reduce((sum, r) => sum + r.errors, 0),
  };
  await new Promise((r) => setTimeout(r, 1000));
  // Saturated: every client saves again as soon as the previous save returns (capacity).
  const saveTimes: number[] = [];
  const saveResult = await runSaves(Number(args.duration), await currentVersions(), saveTimes);

  // --- 2. submits (one per clinic) ---
  const submitTimes: number[] = [];
  let nextSubmitter = CONNECTIONS;
  const submitResult = await runLoad(
    {
      url: submitUrl,
      connections: CONNECTIONS,
      amount: SUBMITS,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const client = nextSubmitter++;
            return {
              ...request,
              headers: { "content-type": "application/json", cookie: cookies[client]!, origin: app!.url },
              // A clerk explains what the soft rules ask about (ADR 0019); only the ones that warn are kept.
              body: JSON.stringify({ draftVersion: 0, answers: fullAnswers[client], explanations }),
            };
          },
        },
      ],
    },
    submitTimes,
  );

  // --- 3. client JavaScript of the form page ---
  const html = await (
    await fetch(`${app.url}/institution/cycles/${cycle.id}`, { headers: { cookie: cookies[0]! } })
  ).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gzipped = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, app.url))).arrayBuffer());
    raw += body.length;
    gzipped += gzipSync(body, { level: 9 }).length;
  }

  const savedRevisions = await db.submissionRevision.count({
    where: { submission: { cycleId: cycle.id, institution: { name: { startsWith: "ベンチマーク診療所" } } } },
  });
  console.log("");
  console.log(
    formatLatencyLine(
      `draft save, ${CONNECTIONS} clients × 1/s`,
      percentiles(pacedTimes),
      pacedResult.requests.average,
      pacedResult.non2xx + pacedResult.errors,
    ),
  );
  console.log(
    formatLatencyLine(
      `draft save, ${CONNECTIONS} clients saturated`,
      percentiles(saveTimes),
      saveResult.requests.average,
      saveResult.non2xx + saveResult.errors,
    ),
  );
  console.log(
    formatLatencyLine(
      `submit (${CONNECTIONS} concurrent)`,
      percentiles(submitTimes),
      submitResult.requests.average,
      submitResult.non2xx + submitResult.errors,
    ),
  );
  console.log(`draft save responses by status: ${JSON.stringify(Object.fromEntries(saveStatuses))}`);
  console.log(`revisions created by the submits: ${savedRevisions} (expected ${SUBMITS})`);
  console.log(
    `form page client JS: ${scripts.length} files, ${(raw / 1024).toFixed(0)} KB raw, ${(gzipped / 1024).toFixed(0)} KB gzipped`,
  );
  await db.$disconnect();
} finally {
  await app?.stop();
  await database.stop();
}
