import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { availableParallelism, setPriority } from "node:os";
import path from "node:path";
import type { TDocumentRequest } from "./props";
import type { TRenderResult } from "./render";

// Rendering a PDF is synchronous CPU work (a 200-page render stalled another request for 8.5 s in
// the probe) and memory-hungry (fonts, font subsets, layout caches and the document's buffers:
// ~150–250 MB while a batch runs). Every document is therefore rendered in a **renderer process**,
// a child of this server process (lib/pdf/render-process.mjs), and the request only awaits the
// bytes. Processes, not worker threads: a thread's memory is the server's (glibc keeps what a
// finished batch freed), so with threads a batch pushed the server to 551–607 MB (0013); a
// process's memory goes back to the system when it exits, and the server stays at its own size
// (issue 18: ≤ 512 MB per process). One set of renderers per server process, kept on globalThis so
// every route bundle of the Next server shares it.
//
// Bounded and recycled:
// - none while idle: a renderer starts with the first document and exits IDLE_TIMEOUT_MS after
//   its last;
// - its JavaScript heap is capped (RENKEI_PDF_HEAP_MB, default 256 MB old generation): a
//   document that would need more fails alone, the server carries on;
// - it exits after RECYCLE_AFTER documents (RENKEI_PDF_RECYCLE_AFTER) and a fresh one takes the
//   next, returning whatever fontkit and pdfkit caches had kept;
// - it runs at a lower CPU priority (RENKEI_PDF_NICE, default 10), so pages keep their CPU while a
//   batch renders and the batch still gets every idle cycle.

/**
 * Renderer processes: RENKEI_PDF_THREADS, or one fewer than the cores (at least 1), so one core
 * always remains for requests and the database. Measured on 2 cores (scripts/bench/pdf.ts): one
 * renderer made the 14-document batch faster than two (the second only competes with the job's
 * own bundle loading and the database), and kept pages faster meanwhile.
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
const niceness = () => {
  const nice = Number(process.env.RENKEI_PDF_NICE ?? 10);
  return Number.isInteger(nice) && nice >= 0 && nice <= 19 ? nice : 10;
};

type TTask = {
  id: number;
  request: TDocumentRequest | null;
  resolve: (result: TRenderResult | null) => void;
  reject: (error: Error) => void;
};
type TRenderer = {
  child: ChildProcess;
  ready: boolean;
  task: TTask | null;
  documents: number;
  retiring: boolean;
  timer?: NodeJS.Timeout;
};
type TReply =
  { type: "ready" } | { id: number; ok: true; result: TRenderResult } | { id: number; ok: false; message: string };
type TState = { renderers: Set<TRenderer>; queue: TTask[]; nextId: number };

const globalForPool = globalThis as unknown as { renkeiPdfRenderers?: TState };
const state = (): TState => (globalForPool.renkeiPdfRenderers ??= { renderers: new Set(), queue: [], nextId: 1 });

export function rendererFile(): string {
  const file = path.join(process.cwd(), "lib", "pdf", "render-process.mjs");
  if (!existsSync(file))
    throw new Error(`PDF の作成処理（${file}）が見つかりません。アプリのフォルダで起動してください。`);
  return file;
}

function spawnRenderer(): TRenderer {
  // The server's own heap limit (NODE_OPTIONS, scripts/lib/processes.ts) is not the renderer's.
  const { NODE_OPTIONS: _serverOptions, ...env } = process.env;
  // spawn with an IPC channel rather than fork: Turbopack resolves fork()'s path as a module
  // request and fails the build (vercel/next.js#97952); spawn's is traced as a plain file.
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb()}`, rendererFile()], {
    serialization: "advanced",
    env: { ...env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const renderer: TRenderer = { child, ready: false, task: null, documents: 0, retiring: false };
  try {
    if (child.pid) setPriority(child.pid, niceness());
  } catch {
    // not permitted here: render at normal priority
  }
  child.on("message", (reply: TReply) => onReply(renderer, reply));
  child.on("error", (error) => console.error("[renkei] PDF renderer process error", error));
  child.on("exit", (code, signal) => onExit(renderer, code, signal));
  state().renderers.add(renderer);
  return renderer;
}

/** A starting or busy renderer keeps the server process alive (a CLI awaiting a PDF); an idle one never. */
function hold(renderer: TRenderer, busy: boolean) {
  if (busy) {
    renderer.child.ref();
    renderer.child.channel?.ref();
  } else {
    renderer.child.unref();
    renderer.child.channel?.unref();
  }
}

function onReply(renderer: TRenderer, reply: TReply) {
  if ("type" in reply) {
    renderer.ready = true;
  } else {
    const task = renderer.task;
    if (!task || task.id !== reply.id) return;
    clearTimeout(renderer.timer);
    renderer.task = null;
    renderer.documents++;
    if (reply.ok) task.resolve(reply.result);
    else task.reject(new Error(reply.message));
    if (renderer.documents >= recycleAfter()) retire(renderer);
  }
  if (!renderer.retiring) renderer.timer = setTimeout(() => retire(renderer), IDLE_TIMEOUT_MS).unref();
  hold(renderer, false);
  pump();
}

function onExit(renderer: TRenderer, code: number | null, signal: NodeJS.Signals | null) {
  clearTimeout(renderer.timer);
  state().renderers.delete(renderer);
  if (renderer.task) {
    const reason = signal ?? `exit code ${code}`;
    renderer.task.reject(new Error(`PDF renderer process ended while rendering (${reason})`));
    renderer.task = null;
  }
  if (!renderer.ready && !renderer.retiring) {
    // It died before it could render anything (a broken install, no memory): starting another
    // would fail the same way, so the documents waiting for it fail now, with the reason logged.
    console.error(`[renkei] PDF renderer process could not start (${signal ?? `exit code ${code}`})`);
    for (const task of state().queue.splice(0)) task.reject(new Error("PDF renderer process could not start"));
    return;
  }
  pump();
}

function retire(renderer: TRenderer) {
  renderer.retiring = true;
  clearTimeout(renderer.timer);
  if (!renderer.task) renderer.child.kill();
}

/** Hands queued documents to idle renderers, starting new ones up to the limit. */
function pump() {
  const { renderers, queue } = state();
  while (queue.length > 0) {
    let renderer = [...renderers].find((r) => r.ready && !r.task && !r.retiring);
    if (!renderer) {
      const starting = [...renderers].some((r) => !r.ready && !r.retiring);
      const live = [...renderers].filter((r) => !r.retiring).length;
      if (!starting && live < pdfThreads()) spawnRenderer();
      return;
    }
    assign(renderer, queue.shift()!);
  }
}

function assign(renderer: TRenderer, task: TTask) {
  clearTimeout(renderer.timer);
  renderer.task = task;
  hold(renderer, true);
  if (task.request === null) {
    // The warm-up: starting the renderer was the work.
    renderer.task = null;
    task.resolve(null);
    hold(renderer, false);
    renderer.timer = setTimeout(() => retire(renderer), IDLE_TIMEOUT_MS).unref();
    return;
  }
  renderer.timer = setTimeout(() => {
    task.reject(new Error(`PDF rendering took longer than ${TASK_TIMEOUT_MS / 1000} s`));
    renderer.task = null;
    renderer.retiring = true;
    renderer.child.kill("SIGKILL");
  }, TASK_TIMEOUT_MS);
  renderer.child.send({ id: task.id, request: task.request });
}

function enqueue(request: TDocumentRequest | null): Promise<TRenderResult | null> {
  return new Promise((resolve, reject) => {
    const current = state();
    current.queue.push({ id: current.nextId++, request, resolve, reject });
    pump();
  });
}

/** Starts a renderer (fonts, warm-up) ahead of the first document; it exits again when left idle. */
export function warmPdfPool(): void {
  enqueue(null).catch(() => undefined);
}

/** Renders one document in a renderer process. */
export async function renderPdf(request: TDocumentRequest): Promise<TRenderResult> {
  const result = await enqueue(request);
  if (!result) throw new Error("PDF renderer returned nothing");
  // Structured clone delivers a Uint8Array; callers hand it to Response or zip as is.
  return result;
}

/** Ends every renderer (tests, benchmarks, shutdown); queued documents are refused. */
export async function closePdfPool(): Promise<void> {
  const current = globalForPool.renkeiPdfRenderers;
  globalForPool.renkeiPdfRenderers = undefined;
  if (!current) return;
  for (const task of current.queue.splice(0)) task.reject(new Error("PDF renderers closed"));
  await Promise.all(
    [...current.renderers].map(
      (renderer) =>
        new Promise<void>((resolve) => {
          if (renderer.child.exitCode !== null || renderer.child.signalCode !== null) return resolve();
          renderer.child.once("exit", () => resolve());
          renderer.retiring = true;
          renderer.child.kill();
        }),
    ),
  );
}
