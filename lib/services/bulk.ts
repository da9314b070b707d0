import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/db";
import type { TDb } from "./import-handler";

// Bulk statements for imports: one INSERT or UPDATE per chunk of thousands of rows, each column
// sent as one array parameter and spread with unnest(). On the embedded database this is about
// five times faster than Prisma's createMany (which sends one parameter per cell), and the
// transaction that holds the single PGlite session is that much shorter. Table and column names
// are constants written in the services, never input.

export type TColumnType = "text" | "int" | "float8" | "boolean" | "jsonb" | "timestamp" | { enum: string };

export type TColumn = readonly [name: string, type: TColumnType];

const ident = (name: string) => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad identifier ${name}`);
  return Prisma.raw(`"${name}"`);
};

const arrayCast = (type: TColumnType) =>
  Prisma.raw(
    typeof type === "object"
      ? "::text[]"
      : type === "timestamp"
        ? "::text[]"
        : type === "boolean"
          ? "::boolean[]"
          : `::${type}[]`,
  );

/** The unnest column `u.cN` as the table column's type. */
function valueOf(index: number, type: TColumnType): Prisma.Sql {
  const ref = Prisma.raw(`u.c${index}`);
  if (typeof type === "object") return Prisma.sql`${ref}::${ident(type.enum)}`;
  if (type === "timestamp") return Prisma.sql`(${ref}::timestamptz AT TIME ZONE 'UTC')`;
  return ref;
}

function param(value: unknown, type: TColumnType): unknown {
  if (value === undefined || value === null) return null;
  if (type === "jsonb") return JSON.stringify(value);
  if (type === "timestamp") return value instanceof Date ? value.toISOString() : String(value);
  return value;
}

function unnest(columns: readonly TColumn[], rows: readonly (readonly unknown[])[]): Prisma.Sql {
  const arrays = columns.map(([, type], c) => Prisma.sql`${rows.map((row) => param(row[c], type))}${arrayCast(type)}`);
  const names = columns.map((_, c) => Prisma.raw(`c${c}`));
  return Prisma.sql`unnest(${Prisma.join(arrays)}) AS u(${Prisma.join(names)})`;
}

export const NOW_UTC = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** INSERT … SELECT FROM unnest(…), with `constants` (column → SQL) added to every row. */
export async function bulkInsert(
  tx: TDb,
  table: string,
  columns: readonly TColumn[],
  rows: readonly (readonly unknown[])[],
  {
    constants = {},
    onConflict,
    chunk = 5000,
  }: { constants?: Record<string, Prisma.Sql>; onConflict?: Prisma.Sql; chunk?: number } = {},
): Promise<number> {
  let count = 0;
  const constantNames = Object.keys(constants);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const target = Prisma.join([...columns.map(([name]) => ident(name)), ...constantNames.map(ident)]);
    const values = Prisma.join([
      ...columns.map(([, type], c) => valueOf(c, type)),
      ...constantNames.map((n) => constants[n]!),
    ]);
    count +=
      await tx.$executeRaw`INSERT INTO ${ident(table)} (${target}) SELECT ${values} FROM ${unnest(columns, part)} ${onConflict ?? Prisma.empty}`;
  }
  return count;
}

/**
 * UPDATE … FROM unnest(…) matched on the first column (`key`); the other columns are set. Each
 * row then carries the values of `expect` (compared with the target row, for optimistic
 * concurrency). `set` adds assignments (e.g. updatedAt; `t` is the target row), `where` further
 * conditions. Returns how many rows were updated, so callers can detect rows that changed
 * meanwhile.
 */
export async function bulkUpdate(
  tx: TDb,
  table: string,
  columns: readonly TColumn[],
  rows: readonly (readonly unknown[])[],
  {
    expect = [],
    set = {},
    where,
    chunk = 5000,
  }: { expect?: readonly TColumn[]; set?: Record<string, Prisma.Sql>; where?: Prisma.Sql; chunk?: number } = {},
): Promise<number> {
  let count = 0;
  const [key, ...rest] = columns;
  if (!key) return 0;
  const all = [...columns, ...expect];
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const assignments = Prisma.join([
      ...rest.map(([name, type], c) => Prisma.sql`${ident(name)} = ${valueOf(c + 1, type)}`),
      ...Object.entries(set).map(([name, sql]) => Prisma.sql`${ident(name)} = ${sql}`),
    ]);
    const conditions = [
      Prisma.sql`t.${ident(key[0])} = ${valueOf(0, key[1])}`,
      ...expect.map(([name, type], e) => Prisma.sql`t.${ident(name)} = ${valueOf(columns.length + e, type)}`),
      ...(where ? [where] : []),
    ];
    count += await tx.$executeRaw`
      UPDATE ${ident(table)} AS t SET ${assignments}
      FROM ${unnest(all, part)}
      WHERE ${Prisma.join(conditions, " AND ")}`;
  }
  return count;
}

/** Audit rows (lib/services/audit auditRow) written in bulk. */
export function insertAuditRows(tx: TDb, rows: readonly Prisma.AuditEventCreateManyInput[]): Promise<number> {
  return bulkInsert(
    tx,
    "AuditEvent",
    [
      ["actorId", "text"],
      ["actorEmail", "text"],
      ["actorRole", { enum: "Role" }],
      ["action", "text"],
      ["entityType", "text"],
      ["entityId", "text"],
      ["prefectureCode", "text"],
      ["summary", "text"],
      ["before", "jsonb"],
      ["after", "jsonb"],
    ],
    rows.map((r) => [
      r.actorId,
      r.actorEmail,
      r.actorRole,
      r.action,
      r.entityType,
      r.entityId,
      r.prefectureCode,
      r.summary,
      r.before,
      r.after,
    ]),
    { constants: { at: NOW_UTC } },
  );
}

let counter = Math.floor(Math.random() * 1_679_616);

/**
 * An id in the shape of Prisma's cuid() (c + time + counter + randomness, lower-case base 36),
 * for rows inserted by bulk statements, which Prisma's default does not reach.
 */
export function newId(): string {
  counter = (counter + 1) % 1_679_616;
  const time = Date.now().toString(36).padStart(8, "0");
  const count = counter.toString(36).padStart(4, "0");
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(12, "0")
    .slice(-12);
  return `c${time}${count}${random}`;
}

/**
 * Refreshes the planner's statistics of tables a bulk write changed. PostgreSQL's autovacuum does
 * this in time, but the embedded database (PGlite, single user) has no autovacuum: without it the
 * planner keeps estimating from never-analysed tables (a few hundred rows for 14,000 institutions)
 * and picks nested loops where a hash join is right. ANALYZE samples, so it takes milliseconds
 * for these tables.
 */
export async function refreshPlannerStatistics(client: TDb, tables?: readonly string[]): Promise<void> {
  if (!tables)
    await client.$executeRaw`ANALYZE`; // every table: after seeding or generating data
  else for (const table of tables) await client.$executeRaw`ANALYZE ${ident(table)}`;
}
