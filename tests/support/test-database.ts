// Databases for integration and end-to-end tests. Both kinds speak the PostgreSQL protocol and
// are initialised with `prisma migrate deploy`, like production:
// - "embedded" (default): a fresh in-memory PGlite served on a free loopback port;
// - "postgres": a fresh database created on the PostgreSQL at TEST_POSTGRES_URL (CI runs both).
import pg from "pg";
import { findFreePort, startEmbeddedDatabase } from "../../scripts/lib/embedded-db";
import { migrateDeploy } from "../../scripts/lib/processes";

export type TTestDatabaseKind = "embedded" | "postgres";
export type TTestDatabase = { kind: TTestDatabaseKind; url: string; stop: () => Promise<void> };

export const DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test";

export function testPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL?.trim() || DEFAULT_TEST_POSTGRES_URL;
}

/** Whether a PostgreSQL server answers at TEST_POSTGRES_URL (used to decide what to skip). */
export async function isPostgresReachable(url = testPostgresUrl()): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function createTestDatabase(kind: TTestDatabaseKind, label = "it"): Promise<TTestDatabase> {
  if (kind === "embedded") {
    const db = await startEmbeddedDatabase({ port: await findFreePort() });
    await migrateDeploy(db.url);
    return { kind, url: db.url, stop: db.stop };
  }
  const adminUrl = new URL(testPostgresUrl());
  const name = `renkei_${label}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl.toString());
  url.pathname = `/${name}`;
  await migrateDeploy(url.toString());
  return {
    kind,
    url: url.toString(),
    stop: async () => {
      const client = new pg.Client({ connectionString: adminUrl.toString() });
      await client.connect();
      await client.query(`drop database if exists "${name}" with (force)`);
      await client.end();
    },
  };
}
