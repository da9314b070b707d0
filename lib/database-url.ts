// Where the database is. Shared by the app (lib/db.ts), the Prisma CLI (prisma.config.ts) and the
// scripts, so all three agree without anyone having to set anything on a fresh machine.
//
// No DATABASE_URL → the embedded default: PGlite served over the PostgreSQL wire protocol on
// loopback by `npm run demo` (scripts/lib/embedded-db.ts). With DATABASE_URL → that PostgreSQL.
export const EMBEDDED_DB_PORT = 54329;
export const EMBEDDED_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_DB_PORT}/postgres`;

export function resolveDatabaseUrl(env: Record<string, string | undefined> = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : EMBEDDED_DATABASE_URL;
}
