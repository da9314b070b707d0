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

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: getEnv().DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter });
}

// Creating the client opens no connection; the pool connects on the first query, so importing
// this module during `next build` is harmless.
export const db: PrismaClient = globalForDb.renkeiDb ?? createClient();
if (getEnv().NODE_ENV !== "production") globalForDb.renkeiDb = db;

export type { PrismaClient };
export { Prisma } from "./generated/prisma/client";
