// Durable commits for the embedded database (issue 18, docs/decisions/0012). PGlite 0.5.14 starts
// PostgreSQL with `-F` (fsync off), and its Node file system (Emscripten NODEFS) has no fsync:
// `fsync()` is a silent no-op and `fdatasync()` returns 0 without doing anything. Two changes make
// a commit reach the disk before it is acknowledged:
// - PostgreSQL runs with fsync on and `wal_sync_method=open_datasync`: the WAL is opened with
//   O_DSYNC, which NODEFS passes to Node as O_SYNC, so every WAL write of a commit returns only
//   once it is on disk (no fsync call needed, none of the no-op paths involved);
// - NODEFS gets a real fsync (files: fsync on their descriptor; directories: opened and fsynced
//   by path), so checkpoints flush the data files before PostgreSQL recycles the WAL that
//   covered them. A failing fsync reports EIO, and PostgreSQL then stops rather than continue on
//   data it cannot trust (as it does on a real disk error).
// RENKEI_EMBEDDED_DURABILITY=relaxed restores PGlite's own behaviour (fsync off; the data folder is
// then only flushed every RENKEI_EMBEDDED_SYNC_MS by embedded-db.ts).
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";

/** Whether commits are made durable (the default) or left to the periodic flush. */
export function embeddedDurable(): boolean {
  return process.env.RENKEI_EMBEDDED_DURABILITY !== "relaxed";
}

/** PostgreSQL's start parameters in PGlite for durable commits. */
export function durableStartParams(): string[] {
  return [...PGlite.defaultStartParams.filter((p) => p !== "-F"), "-c", "wal_sync_method=open_datasync"];
}

const WASI_EIO = 29;

type TStream = { nfd?: number; node: unknown };
type TNodeFs = { stream_ops: { fsync?: (stream: TStream) => number }; realPath: (node: unknown) => string };

/**
 * Gives PGlite's Node file system a real fsync. Call right after PGlite.create (the stream
 * operations are shared by every file it opens). Counts the calls, for the benchmark.
 */
export function installNodeFsFsync(db: PGlite): { calls: () => number } {
  const module = (db as unknown as { Module?: { FS?: { filesystems?: { NODEFS?: TNodeFs } } } }).Module;
  const nodeFs = module?.FS?.filesystems?.NODEFS;
  if (!nodeFs) throw new Error("PGlite's Node file system was not found: cannot make commits durable");
  let calls = 0;
  nodeFs.stream_ops.fsync = (stream) => {
    calls++;
    try {
      if (typeof stream.nfd === "number") fs.fsyncSync(stream.nfd);
      else {
        const descriptor = fs.openSync(nodeFs.realPath(stream.node), "r");
        try {
          fs.fsyncSync(descriptor);
        } finally {
          fs.closeSync(descriptor);
        }
      }
      return 0;
    } catch {
      return WASI_EIO;
    }
  };
  return { calls: () => calls };
}
