// `npm run demo` — one command from a fresh clone to Renkei at http://localhost:3000 with demo data.
//
// With no DATABASE_URL it starts the embedded default (PGlite on loopback, data in .data/),
// applies the migrations, seeds the demo prefecture on first start, builds and starts Next.
// With DATABASE_URL it does the same against that PostgreSQL.
//
// Options: --dev (next dev instead of build + start), --port <n>, --reset (delete the embedded
// data and start over), --skip-build (reuse the existing .next build).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { EMBEDDED_DB_PORT } from "@/lib/database-url";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-db";
import { migrateDeploy, run, serverMemoryEnv, start } from "./lib/processes";

const { values: args } = parseArgs({
  options: {
    dev: { type: "boolean", default: false },
    port: { type: "string", default: "3000" },
    reset: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
  },
});

const ROOT = process.cwd();
const DATA_DIR = path.join(ROOT, ".data");
const PGLITE_DIR = path.join(DATA_DIR, "pglite");
const port = Number(args.port);
const baseUrl = `http://localhost:${port}`;

function log(message: string) {
  console.log(`[renkei] ${message}`);
}

/** A per-installation session secret, generated once and kept out of git (.data/). */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

function newestSourceChange(): number {
  const roots = ["app", "components", "lib", "public"].map((d) => path.join(ROOT, d));
  const files = ["package-lock.json", "next.config.js", "tailwind.config.ts", "tsconfig.json"].map((f) =>
    path.join(ROOT, f),
  );
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir) || dir.includes(`${path.sep}generated`)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  roots.forEach(walk);
  for (const file of files) if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  return existsSync(buildId) && statSync(buildId).mtimeMs > newestSourceChange();
}

async function waitForServer(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not answer at ${url}`);
}

async function main() {
  const started = Date.now();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = process.env.DATABASE_URL?.trim();

  if (!databaseUrl) {
    if (args.reset && existsSync(PGLITE_DIR)) {
      rmSync(PGLITE_DIR, { recursive: true, force: true });
      log("組み込みデータベースを初期化しました（.data/pglite を削除）");
    }
    embedded = await startEmbeddedDatabase({ dataDir: PGLITE_DIR, port: EMBEDDED_DB_PORT });
    databaseUrl = embedded.url;
    log(`組み込みデータベース（PGlite）を起動しました: 127.0.0.1:${EMBEDDED_DB_PORT}（データ: .data/pglite）`);
  } else {
    log("DATABASE_URL の PostgreSQL を使用します");
  }

  let stopping = false;
  const stop = async (code = 0) => {
    stopping = true;
    child?.kill("SIGTERM");
    await embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  let child: ReturnType<typeof start> | undefined;
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  await migrateDeploy(databaseUrl);
  log("マイグレーションを適用しました");

  // The seed uses the app's own modules, which read DATABASE_URL when first imported, and seals
  // the demo second-factor secret with the key the app will use (from NEXTAUTH_SECRET).
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET = authSecret();
  const seed = await import("../prisma/seed/demo");
  if (await seed.isDatabaseSeeded()) {
    log("既存のデータを使用します（最初からやり直すには npm run demo -- --reset）");
  } else {
    const seedStarted = Date.now();
    await seed.seedDemo();
    log(`デモデータ（架空）を作成しました（${((Date.now() - seedStarted) / 1000).toFixed(1)} 秒）`);
  }

  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: baseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (!args.dev && !args["skip-build"] && !buildIsCurrent()) {
    log("アプリをビルドしています（初回は1〜2分かかります）…");
    await run("next", ["build"], { ...env, NODE_ENV: "production" });
  }
  const startServer = () =>
    args.dev
      ? start("next", ["dev", "--port", String(port)], env)
      : start("server", ["--port", String(port)], { ...env, ...serverMemoryEnv(), NODE_ENV: "production" });
  // Supervisor: a server process that dies (a crash, kill -9, out of memory) is started again, after
  // a pause that doubles while it keeps dying within a minute of starting (1 s … 30 s). The embedded
  // database lives in this process and keeps running; queued jobs resume on the new server.
  let restartDelayMs = 1_000;
  const supervise = () => {
    const startedAt = Date.now();
    child = startServer();
    child.on("exit", (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt > 60_000) restartDelayMs = 1_000;
      log(
        `サーバーのプロセスが終了しました（${signal ?? `終了コード ${code}`}）。${restartDelayMs / 1000} 秒後に再起動します`,
      );
      setTimeout(() => {
        if (!stopping) supervise();
      }, restartDelayMs);
      restartDelayMs = Math.min(restartDelayMs * 2, 30_000);
    });
  };
  supervise();

  await waitForServer(`${baseUrl}/login`);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`
  Renkei（連携）が起動しました（${seconds} 秒）: ${baseUrl}

  デモ用アカウント（パスワード: renkei-demo）
    admin@demo.renkei.jp    全国管理者（2段階認証あり）
    pref@demo.renkei.jp     福井県 担当者（2段階認証あり）
    council@demo.renkei.jp  丹南 協議の場 委員
    clinic@demo.renkei.jp   診療所（丹南・鯖江市）
    hub@demo.renkei.jp      丹南 在宅医療連携拠点

  2段階認証の確認コード: npm run renkei -- demo-totp
  （認証アプリに登録するキー: RENKEIDEMOTOTPKEYFORPREFANDADMIN）

  停止: Ctrl+C
`);
}

main().catch((error: unknown) => {
  console.error("[renkei] 起動に失敗しました:", error instanceof Error ? error.message : error);
  process.exit(1);
});
