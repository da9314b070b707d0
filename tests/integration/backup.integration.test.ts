// `renkei backup` / `restore` round trips: the embedded database's own dump (PGlite data folder)
// and pg_dump/pg_restore for PostgreSQL (when the suite runs on PostgreSQL). A change made after
// the backup is gone after the restore; what was there at the backup is back, byte for byte.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from "@/scripts/lib/backup";
import { createTestDatabase } from "@/tests/support/test-database";

const tmp = mkdtempSync(path.join(tmpdir(), "renkei-backup-it-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("backup and restore", () => {
  it("the embedded database: a dump of the data folder restores what was there", async () => {
    const dataDir = path.join(tmp, "pglite");
    const file = path.join(tmp, "embedded.tar.gz");
    const before = await PGlite.create(dataDir);
    await before.exec(`create table report (id int primary key, answer text);
      insert into report values (1, '在宅医療を実施'), (2, '時間外対応');`);
    await before.close();

    await backupEmbedded(dataDir, file);

    const changed = await PGlite.create(dataDir);
    await changed.exec(`delete from report where id = 1; insert into report values (3, 'バックアップ後');`);
    await changed.close();

    const aside = await restoreEmbedded(file, dataDir);
    expect(aside).toMatch(/pglite\.before-restore-/);
    const restored = await PGlite.create(dataDir);
    const { rows } = await restored.query<{ id: number; answer: string }>(`select * from report order by id`);
    await restored.close();
    expect(rows).toEqual([
      { id: 1, answer: "在宅医療を実施" },
      { id: 2, answer: "時間外対応" },
    ]);
    // The folder it replaced is kept as it was.
    const previous = await PGlite.create(aside!);
    expect((await previous.query(`select id from report order by id`)).rows).toEqual([{ id: 2 }, { id: 3 }]);
    await previous.close();
    // Not a backup: refused, and the data stays.
    await expect(restoreEmbedded(path.join(dataDir, "PG_VERSION"), dataDir)).rejects.toThrow(/バックアップ/);
  }, 120_000);

  it.runIf(process.env.RENKEI_TEST_DB_KIND === "postgres")(
    "PostgreSQL: pg_dump and pg_restore return the database to the backup",
    async () => {
      const database = await createTestDatabase("postgres", "backup");
      const file = path.join(tmp, "postgres.dump");
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(`insert into "Prefecture" (code, name) values ('99', 'バックアップ県')`);
        await backupPostgres(database.url, file);
        await client.query(`update "Prefecture" set name = '変更後' where code = '99'`);
        await client.query(`insert into "Prefecture" (code, name) values ('98', '後から')`);
        await client.end();
        await restorePostgres(database.url, file);
        const check = new pg.Client({ connectionString: database.url });
        await check.connect();
        const { rows } = await check.query(`select code, name from "Prefecture" where code in ('98', '99')`);
        const migrations = await check.query(`select count(*)::int as n from _prisma_migrations`);
        await check.end();
        expect(rows).toEqual([{ code: "99", name: "バックアップ県" }]);
        expect(migrations.rows[0].n).toBeGreaterThan(0);
      } finally {
        await client.end().catch(() => undefined);
        await database.stop();
      }
    },
    120_000,
  );
});
