// The embedded database with a data folder commits durably by default (docs/decisions/0012):
// PostgreSQL inside PGlite runs with fsync on and the WAL opened with O_DSYNC, and a checkpoint
// really fsyncs the data files through PGlite's Node file system. Relaxed mode is PGlite's own.
import fs, { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findFreePort, startEmbeddedDatabase } from "@/scripts/lib/embedded-db";

const folders: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  delete process.env.RENKEI_EMBEDDED_DURABILITY;
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function withDatabase<T>(dataDir: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const database = await startEmbeddedDatabase({ port: await findFreePort(), dataDir });
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
    await database.stop();
  }
}

const setting = async (client: pg.Client, name: string) =>
  ((await client.query(`show ${name}`)).rows[0] as Record<string, string>)[name];

describe("the embedded database's commits", () => {
  it("are durable by default: fsync on, WAL with O_DSYNC, checkpoints fsync the files", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "renkei-durable-"));
    folders.push(dataDir);
    const fsync = vi.spyOn(fs, "fsyncSync");
    await withDatabase(dataDir, async (client) => {
      expect(await setting(client, "fsync")).toBe("on");
      expect(await setting(client, "wal_sync_method")).toBe("open_datasync");
      await client.query("create table kept (id int primary key, note text)");
      await client.query("insert into kept values (1, '提出済み')");
      fsync.mockClear();
      await client.query("checkpoint");
      expect(fsync).toHaveBeenCalled();
    });
    // A committed row is there after a restart.
    const rows = await withDatabase(dataDir, async (client) => (await client.query("select note from kept")).rows);
    expect(rows).toEqual([{ note: "提出済み" }]);
  }, 240_000); // three starts of PGlite with a data folder (initdb) on a busy machine

  it("are PGlite's own when RENKEI_EMBEDDED_DURABILITY=relaxed", async () => {
    process.env.RENKEI_EMBEDDED_DURABILITY = "relaxed";
    const dataDir = mkdtempSync(path.join(tmpdir(), "renkei-relaxed-"));
    folders.push(dataDir);
    await withDatabase(dataDir, async (client) => {
      expect(await setting(client, "fsync")).toBe("off");
    });
  }, 240_000);
});
