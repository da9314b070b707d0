// `npm run renkei -- <command>` — the command line for IT staff and automation (README, "Command
// line"). With no DATABASE_URL it uses the embedded database: the running `npm run demo` if there
// is one, otherwise it opens the embedded data folder (.data/pglite) itself for the command.
import { existsSync } from "node:fs";
import path from "node:path";
import { EMBEDDED_DB_PORT } from "@/lib/database-url";
import { isPortFree, startEmbeddedDatabase, type EmbeddedDatabase } from "./lib/embedded-db";
import { migrateDeploy } from "./lib/processes";
// The database client connects lazily, on its first query; the embedded default's URL is fixed
// (lib/database-url.ts), so importing the commands before the embedded database starts is fine.
import { needsDatabase, runRenkei } from "./lib/renkei-commands";

const argv = process.argv.slice(2);
const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
const wantsDatabase = needsDatabase(argv);

let embedded: EmbeddedDatabase | undefined;
let exitCode = 0;
try {
  // Backups read the data folder or pg_dump the server themselves: no client, no socket server.
  if (argv[0] === "backup" || argv[0] === "restore") {
    const { runBackupCommand } = await import("./lib/backup");
    process.exit(await runBackupCommand(argv, io));
  }
  if (wantsDatabase && !process.env.DATABASE_URL?.trim() && (await isPortFree(EMBEDDED_DB_PORT))) {
    const dataDir = path.join(process.cwd(), ".data", "pglite");
    if (!existsSync(dataDir)) {
      io.err("データベースがありません。先に `npm run demo` を一度実行するか、DATABASE_URL を設定してください。");
      process.exit(3);
    }
    embedded = await startEmbeddedDatabase({ dataDir, port: EMBEDDED_DB_PORT });
    // As `npm run demo` does on every start: a checkout newer than the data gets its migrations.
    await migrateDeploy(embedded.url);
  }
  exitCode = await runRenkei(argv, io);
  if (wantsDatabase) {
    // Import applies are queued as well as run here; the queue's client must let go too.
    const { stopJobQueue } = await import("@/lib/jobs/queue");
    await stopJobQueue();
    const { db } = await import("@/lib/db");
    await db.$disconnect();
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  io.err(`エラーが発生しました。何も書き込まれていません。\n${message}`);
  exitCode = 3;
} finally {
  await embedded?.stop();
}
process.exit(exitCode);
