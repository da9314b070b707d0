// The embedded default database: PGlite (PostgreSQL compiled to WASM, from npm) served over the
// PostgreSQL wire protocol on loopback. The app, the Prisma CLI and the scripts then all connect
// with the same adapter-pg code path as production; only the URL differs
// (docs/decisions/0001-database.md).
//
// Limits worth knowing: PGlite is one database session, so pglite-socket queues queries from all
// connections and an open transaction makes every other connection wait. Never point
// shadow-database commands (migrate dev / migrate diff --from-migrations) at it.
//
// Durability: PGlite 0.5.14 on its own cannot fsync on commit (it starts PostgreSQL with fsync off
// and its Node file system has no fsync). With a data folder, commits are made durable by default
// (scripts/lib/embedded-durability.ts: the WAL written with O_DSYNC, a real fsync for
// checkpoints): an acknowledged write survives a power cut, as on PostgreSQL.
// RENKEI_EMBEDDED_DURABILITY=relaxed keeps PGlite's behaviour — a committed write is then in the
// operating system's cache only, and the data folder's file system is flushed (`sync -f`, i.e.
// syncfs) in a child process at most every RENKEI_EMBEDDED_SYNC_MS (default 1000; 0 turns it off)
// while there are writes, so a power cut loses at most about the last second.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { durableStartParams, embeddedDurable, installNodeFsFsync } from "./embedded-durability";

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
  if (dataDir) await initialiseDataDir(dataDir);
  const durable = Boolean(dataDir) && embeddedDurable();
  const db = await PGlite.create(dataDir, durable ? { startParams: durableStartParams() } : {});
  if (durable) installNodeFsFsync(db);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 64 });
  const activity = { wrote: false };
  keepExtendedQueriesTogether(server, activity);
  await server.start();
  const flusher = dataDir && !durable ? startFlusher(dataDir, activity) : null;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await server.stop();
      await db.close();
      await flusher?.stop();
    },
  };
}

/**
 * A new data folder is initialised (PostgreSQL's initdb) in a short-lived child process. PGlite runs
 * initdb in a second WASM instance; once it is done its memory is freed but stays with the process
 * (≈ 400 MB external at its peak, ≈ +100–150 MB RSS afterwards, measured), so a host that
 * initialised its own folder ran ≈ 450 MB before its first query, against ≈ 300 MB when it opens
 * an existing one (issue 18: ≤ 512 MB per process).
 */
async function initialiseDataDir(dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(path.join(dataDir, "PG_VERSION"))) return;
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve("@electric-sql/pglite")).href;
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)});
    const db = await PGlite.create(process.argv[1]);
    await db.close();`;
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, ["--input-type=module", "-e", script, dataDir], (error, _stdout, stderr) =>
      error ? reject(new Error(`embedded database initialisation failed: ${stderr || error.message}`)) : resolve(),
    ),
  );
}

/** Flushes the data folder's file system to disk at most every interval while there was activity. */
function startFlusher(dataDir: string, activity: { wrote: boolean }) {
  const configured = Number(process.env.RENKEI_EMBEDDED_SYNC_MS ?? 1000);
  const intervalMs = Number.isFinite(configured) && configured >= 0 ? configured : 1000;
  const flush = () =>
    new Promise<void>((resolve) => execFile("sync", ["-f", dataDir], () => resolve())).catch(() => undefined);
  if (intervalMs === 0) return { stop: flush };
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (!activity.wrote || running) return;
    activity.wrote = false;
    running = flush().finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await flush();
    },
  };
}

/**
 * pglite-socket 0.2.17 queues every protocol message on its own and gives a connection priority
 * only inside an explicit transaction. node-postgres sends each query as an extended-protocol
 * sequence (Parse, Bind, Describe, Execute … Sync) using the *unnamed* statement and portal, so
 * under concurrency another connection's Parse/Bind can run in between and the first one fails
 * with `portal "" does not exist` (reproduced: concurrent sign-ins). We extend the queue's
 * connection affinity to a whole sequence: from a connection's first extended-protocol message
 * until its Sync (or a simple Query), only that connection's messages run. The queue already
 * waits when the favoured connection has nothing queued, exactly as it does for transactions.
 */
function keepExtendedQueriesTogether(server: PGLiteSocketServer, activity: { wrote: boolean }) {
  type TQueue = {
    db: PGlite;
    enqueue: (handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void) => Promise<number>;
    clearQueueForHandler: (handlerId: number) => void;
  };
  const queue = (server as unknown as { queryQueue: TQueue }).queryQueue;
  const SYNC = 0x53; // 'S'
  const SIMPLE_QUERY = 0x51; // 'Q'
  const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // P B D E C H
  const ownerOf = new WeakMap<Uint8Array, number>();
  let sequenceOwner: number | null = null;

  const enqueue = queue.enqueue.bind(queue);
  queue.enqueue = (handlerId, message, onData) => {
    ownerOf.set(message, handlerId);
    return enqueue(handlerId, message, onData);
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    if (sequenceOwner === handlerId) sequenceOwner = null;
    clear(handlerId);
  };

  const db = queue.db;
  queue.db = new Proxy(db, {
    get(target, property, receiver) {
      if (property === "isInTransaction") return () => target.isInTransaction() || sequenceOwner !== null;
      if (property === "execProtocolRawStream") {
        return async (message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
          const result = await target.execProtocolRawStream(message, options);
          // Any statement may write; the flusher only needs to know that something ran.
          activity.wrote = true;
          const type = message[0]!;
          if (type === SYNC || type === SIMPLE_QUERY) sequenceOwner = null;
          else if (EXTENDED.has(type)) sequenceOwner = ownerOf.get(message) ?? null;
          return result;
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
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
