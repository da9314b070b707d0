// `npm run db:new-migration -- <name>` — writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the existing migrations to prisma/schema.prisma.
//
// Diffing from migrations needs a shadow database, which PGlite cannot provide (one database per
// instance), so this uses the PostgreSQL at TEST_POSTGRES_URL (default: the local test server):
// it creates a throwaway database there, lets Prisma create its shadow next to it, and drops it.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createTestDatabase } from "../tests/support/test-database";
import { run } from "./lib/processes";

const { positionals } = parseArgs({ allowPositionals: true });
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("使い方: npm run db:new-migration -- <name>   (name: 英小文字・数字・_)");
  process.exit(1);
}

const database = await createTestDatabase("postgres", "diff");
const tmp = path.join(os.tmpdir(), `renkei-migration-${process.pid}.sql`);
try {
  await run(
    "prisma",
    [
      "migrate",
      "diff",
      "--from-migrations",
      "prisma/migrations",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
      "-o",
      tmp,
    ],
    { DATABASE_URL: database.url },
    { quiet: true },
  );
  const sql = readFileSync(tmp, "utf8");
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    console.log("スキーマに変更はありません。");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`作成しました: ${dir}/migration.sql`);
  }
} finally {
  rmSync(tmp, { force: true });
  await database.stop();
}
