// The one Prisma client of the process. Only lib/data, lib/services, lib/auth and scripts import
// it; pages and actions go through the data layer (docs/decisions/0002-auth-and-scoping.md).
// server-only: a client component importing it (directly or through a helper) fails the build
// instead of shipping the database client to the browser. Scripts load it through
// scripts/lib/register-server-only.mjs, tests through the alias in vitest.config.ts.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";

const globalForDb = globalThis as unknown as { renkeiDb?: PrismaClient };

// Limits for a deadline rush (docs/decisions/0012-deadline-rush-write-path.md):
// - POOL_MAX connections per process (RENKEI_DB_POOL_MAX, default 10). N instances use up to
//   N × POOL_MAX of PostgreSQL's max_connections (100 by default: keep N × POOL_MAX ≤ 80). The
//   respondent's writes are single statements, so 10 is more than two cores can keep busy.
// - A request waits up to 30 s for a free connection before failing — before it wrote anything.
// - Interactive transactions (reviews, imports, a new cycle) wait up to 15 s for a connection
//   and may run 60 s (Prisma's defaults, 2 s and 5 s, turned a busy minute into HTTP 500s).
export const POOL_MAX = Math.max(1, Number(process.env.RENKEI_DB_POOL_MAX) || 10);
export const TRANSACTION_LIMITS = { maxWait: 15_000, timeout: 60_000 } as const;

function createClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: getEnv().DATABASE_URL,
    max: POOL_MAX,
    connectionTimeoutMillis: 30_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_LIMITS });
}

// Creating the client opens no connection; the pool connects on the first query, so importing
// this module during `next build` is harmless.
export const db: PrismaClient = globalForDb.renkeiDb ?? createClient();
if (getEnv().NODE_ENV !== "production") globalForDb.renkeiDb = db;

export type { PrismaClient };
export { Prisma } from "./generated/prisma/client";
