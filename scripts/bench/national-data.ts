// The national benchmark's databases, kept between runs so the benchmark does not regenerate
// 113,000 institutions every time:
// - embedded: a file-backed PGlite in .data/bench-national/pglite (ignored by git), served by its
//   own process (scripts/db-server.ts) like `npm run demo` serves the app's;
// - postgres: the database `renkei_bench_national` on the PostgreSQL at TEST_POSTGRES_URL.
// A database is reused only when the synthesize run that filled it finished (its audit event
// `system.synth` names the same seed, size and prefectures); otherwise it is rebuilt.
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrateDeploy } from "../lib/processes";
import { testPostgresUrl } from "../../tests/support/test-database";
import { SYNTH_AUDIT_ACTION } from "../lib/synth-reference";
import { startDatabaseProcess, type TProcessHandle } from "./http-support";

export type TBenchDbKind = "embedded" | "postgres";

export const EMBEDDED_BENCH_DIR = path.join(process.cwd(), ".data", "bench-national", "pglite");
export const POSTGRES_BENCH_DB = "renkei_bench_national";

/** Starts (or connects to) the benchmark database; `fresh` discards what it held. */
export async function openBenchDatabase(kind: TBenchDbKind, { fresh }: { fresh: boolean }): Promise<TProcessHandle> {
  if (kind === "embedded") {
    if (fresh) rmSync(EMBEDDED_BENCH_DIR, { recursive: true, force: true });
    const handle = await startDatabaseProcess({ dataDir: EMBEDDED_BENCH_DIR });
    await migrateDeploy(handle.url);
    return handle;
  }
  const adminUrl = testPostgresUrl();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`drop database if exists "${POSTGRES_BENCH_DB}" with (force)`);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [POSTGRES_BENCH_DB]);
    if (exists.rowCount === 0) await admin.query(`create database "${POSTGRES_BENCH_DB}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${POSTGRES_BENCH_DB}`;
  await migrateDeploy(url.toString());
  return { url: url.toString(), stop: async () => undefined };
}

/** Drops the cached PostgreSQL database (--drop-postgres). */
export async function dropPostgresBenchDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: testPostgresUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${POSTGRES_BENCH_DB}" with (force)`);
  } finally {
    await admin.end();
  }
}

export type TSynthSpec = { institutions: number; seed: string; prefectures: string[] };

/**
 * Whether the database holds a finished synthesize run of this spec and nothing else. Read with a
 * plain connection: the app modules bind to the first DATABASE_URL they see, and the database
 * may still be replaced by a fresh one.
 */
export async function hasSynthesizedData(url: string, spec: TSynthSpec): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const last = await client.query<{ after: { seed?: string; institutions?: number; prefectures?: string[] } | null }>(
      `select "after" from "AuditEvent" where "action" = $1 order by "id" desc limit 1`,
      [SYNTH_AUDIT_ACTION],
    );
    const after = last.rows[0]?.after;
    if (!after) return false;
    const same =
      after.seed === spec.seed &&
      after.institutions === spec.institutions &&
      JSON.stringify([...(after.prefectures ?? [])].sort()) === JSON.stringify([...spec.prefectures].sort());
    if (!same) return false;
    const count = await client.query<{ n: string }>(`select count(*) as n from "Institution"`);
    return Number(count.rows[0]?.n) === spec.institutions;
  } finally {
    await client.end();
  }
}

export const BENCH_PASSWORD = "bench-national-password";
export const BENCH_ACCOUNTS = {
  admin: "bench-admin@bench.renkei.jp",
  prefecture: (code: string) => `bench-pref${code}@bench.renkei.jp`,
};

/** The two accounts the benchmark signs in with (outside the synthetic data, recreated each run). */
export async function ensureBenchAccounts(prefectureCode: string) {
  const { db } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const admin = await db.user.upsert({
    where: { email: BENCH_ACCOUNTS.admin },
    create: { email: BENCH_ACCOUNTS.admin, name: "ベンチマーク 管理者", role: "ADMIN", passwordHash },
    update: { passwordHash, isActive: true },
  });
  const officer = await db.user.upsert({
    where: { email: BENCH_ACCOUNTS.prefecture(prefectureCode) },
    create: {
      email: BENCH_ACCOUNTS.prefecture(prefectureCode),
      name: "ベンチマーク 担当者",
      role: "PREFECTURE",
      prefectureCode,
      passwordHash,
    },
    update: { passwordHash, isActive: true, prefectureCode },
  });
  // Sign-in failures of earlier runs must not slow the accounts down.
  await db.signInThrottle.deleteMany({});
  return { admin, officer };
}
