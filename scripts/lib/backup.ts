// `npm run renkei -- backup <file>` / `restore <file>`: a whole-database copy and its return.
//
// - PostgreSQL (DATABASE_URL): pg_dump's custom format and pg_restore (Debian: postgresql-client,
//   of the server's major version or newer). Restore replaces the objects the dump holds
//   (--clean --if-exists) in one transaction: it succeeds entirely or changes nothing.
// - The embedded default (.data/pglite): PGlite's own dump of its data folder (a gzipped tar,
//   `dumpDataDir`), and a restore that loads it into a fresh folder (`loadDataDir`); the folder
//   it replaces is kept beside it (.data/pglite.before-restore-<time>) until you delete it. The
//   embedded database is one process's folder, so `npm run demo` must be stopped first.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { EMBEDDED_DB_PORT } from "@/lib/database-url";
import { isPortFree } from "./embedded-db";

const exec = promisify(execFile);

export type TBackupIo = { out: (line: string) => void; err: (line: string) => void };

export const EMBEDDED_DATA_DIR = () => path.join(process.cwd(), ".data", "pglite");

export async function backupPostgres(databaseUrl: string, file: string): Promise<void> {
  await exec("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", file, databaseUrl], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  await exec(
    "pg_restore",
    ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--dbname", databaseUrl, file],
    { maxBuffer: 64 * 1024 * 1024 },
  );
}

export async function backupEmbedded(dataDir: string, file: string): Promise<void> {
  const db = await PGlite.create(dataDir);
  try {
    const dump = await db.dumpDataDir("gzip");
    writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/** Loads a dump into `dataDir`; the folder that was there is moved aside. Returns where to. */
export async function restoreEmbedded(file: string, dataDir: string): Promise<string | null> {
  const bytes = readFileSync(file);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new Error(`${file} は組み込みデータベースのバックアップ（gzip 圧縮の tar）ではありません。`);
  const aside = existsSync(dataDir)
    ? `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`
    : null;
  if (aside) renameSync(dataDir, aside);
  try {
    const db = await PGlite.create({ dataDir, loadDataDir: new Blob([bytes]) });
    await db.query("select 1");
    await db.close();
  } catch (error) {
    // Put the previous data back: a failed restore changes nothing.
    if (aside) {
      rmSync(dataDir, { recursive: true, force: true });
      renameSync(aside, dataDir);
    }
    throw error;
  }
  return aside;
}

/** The `backup` and `restore` commands (scripts/renkei.ts hands them over before opening a database). */
export async function runBackupCommand(argv: readonly string[], io: TBackupIo): Promise<number> {
  const [command, file] = argv;
  if (!file || argv.length > 2) {
    io.err(`使い方: npm run renkei -- ${command} <ファイル>`);
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (databaseUrl) {
    if (command === "backup") await backupPostgres(databaseUrl, file);
    else await restorePostgres(databaseUrl, file);
    io.out(command === "backup" ? `バックアップしました: ${file}` : `復元しました: ${file}`);
    return 0;
  }
  if (!(await isPortFree(EMBEDDED_DB_PORT))) {
    io.err("組み込みデータベースが使用中です。npm run demo を停止してから実行してください。");
    return 3;
  }
  const dataDir = EMBEDDED_DATA_DIR();
  if (command === "backup") {
    if (!existsSync(dataDir)) {
      io.err("データベースがありません（.data/pglite）。");
      return 3;
    }
    await backupEmbedded(dataDir, file);
    io.out(`バックアップしました: ${file}`);
    return 0;
  }
  if (!existsSync(file)) {
    io.err(`ファイルがありません: ${file}`);
    return 2;
  }
  const aside = await restoreEmbedded(file, dataDir);
  io.out(`復元しました: ${file}`);
  if (aside)
    io.out(`それまでのデータは ${path.relative(process.cwd(), aside)} に残してあります（不要なら削除してください）。`);
  return 0;
}
