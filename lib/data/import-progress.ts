import "server-only";

// Progress of running imports, kept in the memory of the process that runs them. The apply is one
// transaction, and rows written inside it are invisible to other sessions until it commits, so a
// progress counter in the database could only move at phase boundaries; this map moves with
// every chunk. Readers merge it with the job row (lib/data/import-jobs.ts). Kept on globalThis so
// every route bundle of the Next server sees the same map.
export type TLiveProgress = { phase: string; done: number; total: number };

const globalForProgress = globalThis as unknown as { renkeiImportProgress?: Map<string, TLiveProgress> };

export const liveProgress: Map<string, TLiveProgress> = (globalForProgress.renkeiImportProgress ??= new Map());
