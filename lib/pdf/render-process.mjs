// The PDF renderer process: a child of the server process (lib/pdf/pool.ts forks it), so the
// fonts, layout caches and PDF buffers of a batch live and die in their own address space and
// never count against the server's memory (issue 18: ≤ 512 MB per process). Plain JavaScript on
// purpose: it is loaded by path from the project folder, outside Next's bundles, so it works the
// same under `next start`, `next dev`, the tests and the benchmarks. It registers tsx's loader and
// imports the TypeScript renderer (lib/pdf/render.tsx) from source; tsx caches the compiled
// modules on disk, so a new process is ready in about a second after the first.
//
// Protocol (IPC with `serialization: "advanced"`, so the PDF bytes travel as a Uint8Array):
//   parent → child: { id, request }            request: a TDocumentRequest
//   child → parent: { type: "ready" }          once, after the fonts are loaded
//                   { id, ok: true, result }   result: { bytes, pages }
//                   { id, ok: false, message }
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const here = path.dirname(fileURLToPath(import.meta.url));
register({ tsconfig: path.join(here, "..", "..", "tsconfig.json") });

const { renderDocument, warmUp } = await import("./render.tsx");

// The server went away (stopped, or killed with -9): nothing is left to render for.
process.on("disconnect", () => process.exit(0));

process.on("message", async ({ id, request }) => {
  try {
    const result = await renderDocument(request);
    process.send?.({ id, ok: true, result });
  } catch (error) {
    process.send?.({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});

// Fonts parsed and the layout code compiled before the first real document.
await warmUp();
process.send?.({ type: "ready" });
