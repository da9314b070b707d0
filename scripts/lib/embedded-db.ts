// The embedded default database: PGlite (PostgreSQL compiled to WASM, from npm) served over the
// PostgreSQL wire protocol on loopback. The app, the Prisma CLI and the scripts then all connect
// with the same adapter-pg code path as production; only the URL differs
// (docs/decisions/0001-database.md).
//
// Limits worth knowing: PGlite is one database session, so pglite-socket queues queries from all
// connections and an open transaction makes every other connection wait. Never point
// shadow-database commands (migrate dev / migrate diff --from-migrations) at it.
import { mkdirSync } from "node:fs";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = {
  url: string;
  port: number;
  stop: () => Promise<void>;
};

export type StartEmbeddedDatabaseOptions = {
  /** Folder for the data files; omit for an in-memory database (tests). */
  dataDir?: string;
  port: number;
};

export async function startEmbeddedDatabase({
  dataDir,
  port,
}: StartEmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  if (!(await isPortFree(port))) {
    throw new Error(
      `ポート ${port} は使用中です。別の Renkei（npm run demo）が動いていないか確認してください。` +
        ` (port ${port} is already in use)`,
    );
  }
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 64 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, "127.0.0.1");
  });
}

/** A free loopback port chosen by the OS (for tests that run side by side). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
