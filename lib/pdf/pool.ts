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

/**
 * Threads: RENKEI_PDF_THREADS, or one fewer than the cores (at least 1), so one core always remains
 * for the request thread and the database. Measured on 2 cores (scripts/bench/pdf.ts): one thread
 * rendered the 14-document batch in 6.6 s against 10.3 s with two (the second thread only competes
 * with the job's own bundle loading and the database), and kept pages faster meanwhile.
 */
export function pdfThreads(): number {
  const configured = Number(process.env.RENKEI_PDF_THREADS);
  if (Number.isInteger(configured) && configured > 0) return configured;
  return Math.max(1, availableParallelism() - 1);
}

/** A single document may take this long (a 2,000-institution packet takes ~2 s). */
const TASK_TIMEOUT_MS = 120_000;

const globalForPool = globalThis as unknown as { renkeiPdfPool?: Piscina<TDocumentRequest, TRenderResult> };

export function workerFile(): string {
  const file = path.join(process.cwd(), "lib", "pdf", "worker.mjs");
  if (!existsSync(file))
    throw new Error(`PDF の作成処理（${file}）が見つかりません。アプリのフォルダで起動してください。`);
  return file;
}

export function pdfPool(): Piscina<TDocumentRequest, TRenderResult> {
  globalForPool.renkeiPdfPool ??= new Piscina<TDocumentRequest, TRenderResult>({
    filename: workerFile(),
    minThreads: 1,
    maxThreads: pdfThreads(),
    // Threads beyond the first stop after a minute without work (each holds ~150 MB of fonts and caches).
    idleTimeout: 60_000,
  });
  return globalForPool.renkeiPdfPool;
}

/** Starts the pool's first thread (fonts, warm-up) ahead of the first request. */
export function warmPdfPool(): void {
  pdfPool();
}

/** Renders one document off the request thread. */
export async function renderPdf(request: TDocumentRequest): Promise<TRenderResult> {
  return pdfPool().run(request, { signal: AbortSignal.timeout(TASK_TIMEOUT_MS) });
}

export async function closePdfPool(): Promise<void> {
  const pool = globalForPool.renkeiPdfPool;
  globalForPool.renkeiPdfPool = undefined;
  await pool?.destroy();
}
