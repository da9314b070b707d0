import "server-only";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import Piscina from "piscina";
import type { TDocumentRequest } from "./props";
import type { TRenderResult } from "./render";

// Rendering a PDF is synchronous CPU work that blocks Node's event loop (a 200-page render stalled
// another request for 8.5 s in the probe), so every document is rendered in a worker thread of
// this pool and the request thread only awaits the bytes. One pool per server process, kept on
// globalThis so every route bundle of the Next server shares it.
//
// The worker is lib/pdf/worker.mjs, loaded by path from the project folder: it is not part of
// Next's build output, which is what makes it work identically under `next start` and `next dev`.
//
// Memory (issue 18: ≤ 512 MB per process, and worker threads live inside the server process):
// - no thread while idle: threads start with the first document and stop IDLE_TIMEOUT_MS after
//   the last (each holds ~150 MB of fonts, font subsets and caches);
// - each thread's JavaScript heap is capped (RENKEI_PDF_HEAP_MB, default 256 MB old generation):
//   a document that would need more fails alone instead of taking the server with it;
// - the pool is replaced after RECYCLE_AFTER documents (RENKEI_PDF_RECYCLE_AFTER): the old one
//   finishes what it has and its threads exit, returning what fontkit and pdfkit caches kept.

/**
 * Threads: RENKEI_PDF_THREADS, or one fewer than the cores (at least 1), so one core always remains
 * for the request thread and the database. Measured on 2 cores (scripts/bench/pdf.ts): one thread
 * rendered the 14-document batch in 6.6 s against 10.3 s with two (the second thread only competes
 * with the job's own bundle loading and the database), and kept pages faster meanwhile.
 */
export function pdfThreads(): number {
  return positiveSetting("RENKEI_PDF_THREADS") ?? Math.max(1, availableParallelism() - 1);
}

function positiveSetting(name: string): number | null {
  const configured = Number(process.env[name]);
  return Number.isInteger(configured) && configured > 0 ? configured : null;
}

/** A single document may take this long (a 2,000-institution packet takes ~2 s). */
const TASK_TIMEOUT_MS = 120_000;
const IDLE_TIMEOUT_MS = 60_000;
const recycleAfter = () => positiveSetting("RENKEI_PDF_RECYCLE_AFTER") ?? 50;
const heapMb = () => positiveSetting("RENKEI_PDF_HEAP_MB") ?? 256;

type TPool = Piscina<TDocumentRequest | null, TRenderResult | null>;
type TGeneration = { pool: TPool; documents: number };
const globalForPool = globalThis as unknown as { renkeiPdfPool?: TGeneration };

export function workerFile(): string {
  const file = path.join(process.cwd(), "lib", "pdf", "worker.mjs");
  if (!existsSync(file))
    throw new Error(`PDF の作成処理（${file}）が見つかりません。アプリのフォルダで起動してください。`);
  return file;
}

function createPool(): TPool {
  return new Piscina<TDocumentRequest | null, TRenderResult | null>({
    filename: workerFile(),
    minThreads: 0,
    maxThreads: pdfThreads(),
    idleTimeout: IDLE_TIMEOUT_MS,
    resourceLimits: { maxOldGenerationSizeMb: heapMb() },
  });
}

function generation(): TGeneration {
  let current = globalForPool.renkeiPdfPool;
  if (current && current.documents >= recycleAfter()) {
    // Recycle: new documents go to a fresh pool; the old one ends when its work is done.
    const old = current.pool;
    void old.close().catch(() => old.destroy());
    current = undefined;
  }
  globalForPool.renkeiPdfPool = current ??= { pool: createPool(), documents: 0 };
  return current;
}

/** Starts a thread (fonts, warm-up) ahead of the first document; it stops again when left idle. */
export function warmPdfPool(): void {
  generation()
    .pool.run(null)
    .catch(() => undefined);
}

/** Renders one document off the request thread. */
export async function renderPdf(request: TDocumentRequest): Promise<TRenderResult> {
  const current = generation();
  current.documents++;
  const result = await current.pool.run(request, { signal: AbortSignal.timeout(TASK_TIMEOUT_MS) });
  if (!result) throw new Error("PDF worker returned nothing");
  return result;
}

export async function closePdfPool(): Promise<void> {
  const current = globalForPool.renkeiPdfPool;
  globalForPool.renkeiPdfPool = undefined;
  await current?.pool.destroy();
}
