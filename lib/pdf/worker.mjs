// The PDF worker thread (piscina). Plain JavaScript on purpose: the pool loads this file by path
// from the project folder, outside Next's bundles, so it works the same under `next start`,
// `next dev`, the tests and the benchmark. It registers tsx's loader for this thread only and
// imports the TypeScript renderer (lib/pdf/render.tsx) from source; tsx caches the compiled
// modules on disk, so a new thread starts in well under a second after the first.
//
// Input: a TDocumentRequest (plain, structured-clone data). Output: { bytes, pages }.
import { setPriority } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

// Render at a lower CPU priority than the request thread. On Linux the nice value is per thread and
// setpriority(0) applies to the calling thread only, so this lowers this worker thread and nothing
// else: pages keep their CPU while a batch renders, and the batch still gets every idle cycle.
// RENKEI_PDF_NICE (0–19, default 10). Elsewhere (or if refused) the call is a no-op.
try {
  const nice = Number(process.env.RENKEI_PDF_NICE ?? 10);
  if (Number.isInteger(nice) && nice > 0 && nice <= 19) setPriority(nice);
} catch {
  // not permitted or not supported: render at normal priority
}

const here = path.dirname(fileURLToPath(import.meta.url));
register({ tsconfig: path.join(here, "..", "..", "tsconfig.json") });

const { renderDocument, warmUp } = await import("./render.tsx");

// Fonts parsed and the layout code JIT-compiled before the first real task: the pool resolves
// its first task only after this module has finished loading.
await warmUp();

// `null` is the pool's warm-up task: loading this module was the work.
export default async function render(request) {
  return request === null ? null : renderDocument(request);
}
