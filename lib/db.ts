// The one Prisma client of the process. Only lib/data, lib/services, lib/auth and scripts import
// it; pages and actions go through the data layer (docs/decisions/0002-auth-and-scoping.md).
// server-only: a client component importing it (directly or through a helper) fails the build
// instead of shipping the database client to the browser. Scripts load it through
// scripts/lib/register-server-only.mjs, tests through the alias in vitest.config.ts.
import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { getEnv } from "./env";

const globalForDb = globalThis as unknown as { renkeiDb?: PrismaClient; renkeiPool?: pg.Pool };

// Limits for a deadline rush (docs/decisions/0012-deadline-rush-write-path.md):
// - POOL_MAX connections per process (RENKEI_DB_POOL_MAX, default 10). N instances use up to
//   N × POOL_MAX of PostgreSQL's max_connections (100 by default: keep N × POOL_MAX ≤ 80). The
//   respondent's writes are single statements, so 10 is more than two cores can keep busy.
// - A request waits up to 30 s for a free connection before failing — before it wrote anything.
// - Interactive transactions (reviews, imports, a new cycle) wait up to 15 s for a connection
//   and may run 60 s (Prisma's defaults, 2 s and 5 s, turned a busy minute into HTTP 500s).
export const POOL_MAX = Math.max(1, Number(process.env.RENKEI_DB_POOL_MAX) || 10);
export const TRANSACTION_LIMITS = { maxWait: 15_000, timeout: 60_000 } as const;

// One pg pool per process, shared by Prisma (through adapter-pg) and by `hotQuery`, so the
// limits above hold for both together.
function createPool(): pg.Pool {
  const pool = new pg.Pool({
    connectionString: getEnv().DATABASE_URL,
    max: POOL_MAX,
    connectionTimeoutMillis: 30_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (a restart) must not end the process: hotQuery may
  // use the pool before Prisma attaches its own listener. The pool replaces the connection.
  pool.on("error", (error) => console.warn(`[renkei] idle database connection lost: ${error.message}`));
  return pool;
}

function createClient(pool: pg.Pool): PrismaClient {
  // disposeExternalPool: `$disconnect()` ends the pool, as it did when the adapter owned it.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_LIMITS });
}

// Creating the client opens no connection; the pool connects on the first query, so importing
// this module during `next build` is harmless.
const pool: pg.Pool = globalForDb.renkeiPool ?? createPool();
export const db: PrismaClient = globalForDb.renkeiDb ?? createClient(pool);
if (getEnv().NODE_ENV !== "production") Object.assign(globalForDb, { renkeiDb: db, renkeiPool: pool });

// The values `hotQuery` returns are those `db.$queryRaw` returns: int8 as bigint, `timestamp`
// (Prisma's DateTime, stored as UTC without a zone) as a Date in UTC, jsonb parsed.
const HOT_PARSERS: Record<number, (value: string) => unknown> = {
  20: (value) => BigInt(value),
  1114: (value) => new Date(`${value.replace(" ", "T")}Z`),
};
const hotTypes = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    (format ?? "text") === "text" && HOT_PARSERS[oid] ? HOT_PARSERS[oid] : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig;

/**
 * A raw statement straight on the pool, for the few statements of the respondent's hot path
 * (viewer, save, submit: docs/decisions/0012). Same SQL and same results as `db.$queryRaw`, without
 * the Prisma client's per-query work (request serialisation, the query plan, result tagging), which
 * cost as much CPU as the statement. Dates are sent as UTC ISO strings, as Prisma sends them, so
 * the process time zone never matters. Errors are pg's (message and SQLSTATE `code`); the callers
 * that inspect errors (isCounterRowProblem, the 503 mapping in lib/http/api.ts) read only those.
 *
 * On PostgreSQL each statement is prepared once per connection (a named statement): the server
 * then neither parses nor plans it again, and the text is not sent again — a `saveDraft` cost
 * PostgreSQL 627 µs of CPU unnamed against 163 µs prepared (scripts/bench/prepared-statements.ts,
 * ADR 0012). Not on the embedded database: PGlite is ONE session behind all the pool's
 * connections, where a second connection preparing the same name would fail.
 * RENKEI_DB_PREPARED_STATEMENTS=false turns it off (a pooler that cannot keep prepared statements
 * per client).
 */
export async function hotQuery<T>(statement: Prisma.Sql): Promise<T[]> {
  const values = statement.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const prepared = getEnv().RENKEI_DB_PREPARED_STATEMENTS === "true" && (prepares ?? (await preparesStatements()));
  const name = prepared ? statementName(statement.text) : undefined;
  const result = await pool.query<T & pg.QueryResultRow>({ text: statement.text, values, types: hotTypes, name });
  return result.rows;
}

// Whether the server keeps one session per connection (PostgreSQL) or is PGlite: asked once per
// process, before the first hot statement. If asking fails, that statement runs unnamed (which
// always works) and the next one asks again.
let prepares: boolean | undefined;
let asking: Promise<boolean> | undefined;
function preparesStatements(): Promise<boolean> {
  asking ??= pool
    .query<{ version: string }>("SELECT version() AS version")
    .then(({ rows }) => (prepares = !/PGlite/i.test(rows[0]?.version ?? "PGlite")))
    .catch(() => {
      asking = undefined;
      return false;
    });
  return asking;
}

// The hot path's statements come in a handful of shapes (booleans choose clauses; values are
// parameters), so a name per text is a bounded set. Past the bound a text runs unnamed, so an
// unexpected caller with variable text cannot fill each connection with prepared statements.
const PREPARED_MAX = 64;
const preparedNames = new Map<string, string>();
function statementName(text: string): string | undefined {
  const known = preparedNames.get(text);
  if (known || preparedNames.size >= PREPARED_MAX) return known;
  const name = `renkei_hot_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
  preparedNames.set(text, name);
  return name;
}

export type { PrismaClient };
export { Prisma } from "./generated/prisma/client";
