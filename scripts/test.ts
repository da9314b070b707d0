// `npm test` — the whole suite, in the order that fails fastest:
//   1. types (tsc) and formatting       4. integration on PostgreSQL (TEST_POSTGRES_URL)
//   2. unit + component tests           5. end-to-end in Chromium against a built app
//   3. integration on the embedded DB      on a freshly seeded embedded database
// Steps whose tools are missing (no PostgreSQL server, no Chromium, no poppler) are skipped
// with a note saying how to enable them — except when CI=true, where nothing may be skipped.
//
// Options: --only <step,…> (types,unit,integration,postgres,e2e), --e2e-grep <pattern>.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { findFreePort } from "./lib/embedded-db";
import { run, serverMemoryEnv, start } from "./lib/processes";
import { createTestDatabase, isPostgresReachable, testPostgresUrl } from "../tests/support/test-database";
import { chromiumPath, hasPoppler } from "../tests/support/tools";

const { values: args } = parseArgs({
  options: { only: { type: "string" }, "e2e-grep": { type: "string" } },
});
const ci = process.env.CI === "true";
const only = args.only ? new Set(args.only.split(",")) : null;
const wanted = (step: string) => !only || only.has(step);

type TResult = { step: string; status: "passed" | "failed" | "skipped"; seconds: number; note?: string };
const results: TResult[] = [];

function exec(command: string, argv: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, argv, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);

async function step(name: string, body: () => Promise<number | { skip: string }>) {
  if (!wanted(name.split(" ")[0]!)) return;
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  let outcome: number | { skip: string };
  try {
    outcome = await body();
  } catch (error) {
    console.error(error);
    outcome = 1;
  }
  const seconds = (Date.now() - started) / 1000;
  if (typeof outcome === "object") {
    results.push({ step: name, status: ci ? "failed" : "skipped", seconds, note: outcome.skip });
    console.log(ci ? `✗ CI=true: cannot skip — ${outcome.skip}` : `↷ skipped — ${outcome.skip}`);
  } else {
    results.push({ step: name, status: outcome === 0 ? "passed" : "failed", seconds });
  }
}

const vitest = (projects: string[], env: Record<string, string> = {}) =>
  exec(process.execPath, [bin("vitest"), "run", ...projects.flatMap((p) => ["--project", p])], env);

await step("types and formatting", async () => {
  const tsc = await exec(process.execPath, [
    path.join("node_modules", "typescript", "bin", "tsc"),
    "--noEmit",
    "-p",
    ".",
  ]);
  // One code style (.prettierrc.json); `npm run format` fixes what this reports.
  const prettier = path.join("node_modules", "prettier", "bin", "prettier.cjs");
  const format = await exec(process.execPath, [prettier, "--check", "--log-level", "warn", "."]);
  return tsc || format;
});

await step("unit + components", async () => {
  if (!(await hasPoppler())) {
    if (ci)
      return {
        skip: "pdftotext (poppler-utils) is missing; PDF text checks need it: apt-get install -y poppler-utils",
      };
    console.log("note: pdftotext not found — PDF text checks are skipped (apt-get install -y poppler-utils)");
  }
  return vitest(["unit", "components"]);
});

await step("integration (embedded PGlite)", () => vitest(["integration"]));

await step("postgres integration (PostgreSQL)", async () => {
  if (!(await isPostgresReachable())) {
    return {
      skip: `no PostgreSQL at ${testPostgresUrl()} — start one or set TEST_POSTGRES_URL to run the data-layer tests against it`,
    };
  }
  return vitest(["integration"], { TEST_DB: "postgres" });
});

await step("e2e (Chromium)", async () => {
  const chromium = chromiumPath();
  if (!chromium) return { skip: "Chromium not found — apt-get install -y chromium (or set CHROMIUM_PATH)" };
  return runEndToEnd(chromium);
});

async function runEndToEnd(chromium: string): Promise<number> {
  // RENKEI_E2E_DIST_DIR lets two end-to-end runs on one machine build apart (tsconfig declares the folders).
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    RENKEI_DIST_DIR: process.env.RENKEI_E2E_DIST_DIR || ".next-e2e",
  };
  console.log("building the app…");
  await run("next", ["build"], env, { quiet: true });

  // The embedded default (CI); RENKEI_E2E_DB=postgres runs the same suite, both instances included,
  // on a fresh database at TEST_POSTGRES_URL.
  const database = await createTestDatabase(process.env.RENKEI_E2E_DB === "postgres" ? "postgres" : "embedded", "e2e");
  // Seed in this process: the seed uses the app's modules, which read DATABASE_URL on import,
  // and seals the demo second-factor secret with the servers' NEXTAUTH_SECRET.
  process.env.DATABASE_URL = database.url;
  const authSecret = randomBytes(32).toString("base64url");
  process.env.NEXTAUTH_SECRET = authSecret;
  const { seedDemo } = await import("../prisma/seed/demo");
  await seedDemo();

  // Two app instances of the one build on the one database, as in production behind a proxy
  // (docs/deploy/README.md). The first runs no job workers, so every job it queues (the PDF
  // batches of pdf.spec.ts and two-instances.spec.ts) is run by the second and its files are
  // served by whichever instance is asked.
  const instances = [await findFreePort(), await findFreePort()];
  // The second instance has a mail server configured (cycle-mail.spec.ts starts it on this port and
  // reads what arrives); the first has none, so both ways of the mail screens are exercised.
  const smtpPort = await findFreePort();
  const urls = instances.map((port) => `http://localhost:${port}`);
  const servers = instances.map((port, i) =>
    start("server", ["--port", String(port)], {
      ...env,
      ...serverMemoryEnv(),
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: authSecret,
      NEXTAUTH_URL: urls[i],
      RENKEI_JOB_WORKERS: i === 0 ? "0" : "1",
      ...(i === 1 ? { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(smtpPort), SMTP_FROM: "renkei@e2e.example.jp" } : {}),
    }),
  );
  const baseUrl = urls[0]!;
  try {
    await Promise.all(urls.map((url) => waitFor(`${url}/login`)));
    const grep = args["e2e-grep"] ? ["--grep", args["e2e-grep"]] : [];
    return await exec(
      process.execPath,
      [
        path.join("node_modules", "@playwright", "test", "cli.js"),
        "test",
        "-c",
        "tests/e2e/playwright.config.ts",
        ...grep,
      ],
      {
        E2E_BASE_URL: baseUrl,
        E2E_SECOND_URL: urls[1],
        E2E_SMTP_PORT: String(smtpPort),
        E2E_DATABASE_URL: database.url,
        CHROMIUM_PATH: chromium,
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
      },
    );
  } finally {
    // The servers first (their job workers let go of the database), then the database.
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            if (server.exitCode !== null) return resolve();
            setTimeout(resolve, 5_000).unref();
            server.once("exit", () => resolve());
            server.kill("SIGTERM");
          }),
      ),
    );
    await database.stop();
  }
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`app did not start at ${url}`);
}

console.log("\n━━ summary ━━");
for (const r of results) {
  const mark = r.status === "passed" ? "✓" : r.status === "skipped" ? "↷" : "✗";
  console.log(`${mark} ${r.step.padEnd(36)} ${r.seconds.toFixed(1).padStart(6)} s${r.note ? `  (${r.note})` : ""}`);
}
const skipped = results.filter((r) => r.status === "skipped");
if (skipped.length > 0)
  console.log(`\n${skipped.length} step(s) skipped; see the notes above. CI=true runs everything.`);
const failed = results.some((r) => r.status === "failed");
process.exit(failed ? 1 : 0);
