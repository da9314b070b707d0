// @ts-check
// Renkei's production server: `node scripts/server.mjs --port 3000` (npm start, npm run demo, the
// end-to-end run, the benchmarks and docs/deploy start it) in place of `next start`, with the
// same options (--port/-p, --hostname/-H, PORT) and the same Next request handler.
// The one difference: each request is first offered to the routes Renkei answers itself — the
// respondent's autosave and submit, the deadline rush's hot path — which skip Next's router
// (lib/http/direct-routes.ts, docs/decisions/0012). Plain JavaScript, so production needs no
// TypeScript loader; the routes live in Next's server bundle and register themselves when Next
// starts the process (instrumentation.ts → lib/server-start.ts).
import { createServer } from "node:http";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
// Not $HOSTNAME (containers set it to their own name): all interfaces unless asked, as `next start`.
const hostname = values.hostname;
// As `next start` does, before Next is loaded (it reads NODE_ENV on import).
if (process.env.NODE_ENV !== "production") Object.assign(process.env, { NODE_ENV: "production" });

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const DIRECT_ROUTES_KEY = Symbol.for("renkei.answerDirectly");
/** @type {{ [DIRECT_ROUTES_KEY]?: (request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => boolean }} */
const registry = globalThis;

const server = createServer((request, response) => {
  if (registry[DIRECT_ROUTES_KEY]?.(request, response)) return;
  void handle(request, response);
});
server.listen(port, hostname, () => {
  console.log(`✓ Renkei ready on http://${hostname ?? "localhost"}:${port}`);
});

// A stop request (Ctrl-C, systemd, the demo's supervisor) lets requests in progress finish, then
// exits; a second one exits at once.
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    process.once(signal, () => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
