import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { saveDraft, submitReport } from "@/lib/services/respondent-reports";
import { apiRoute, DEFAULT_MAX_BODY_BYTES, errorResponse, type TApiRoute } from "./api";

// The deadline rush's two requests — the autosave and the submit — are answered by the server entry
// (scripts/server.mjs) before Next's router sees them. Next's own handling of a request (routing,
// its request scope, the Web Request and Response around a route) costs ≈ 1.5 ms of CPU, more than
// all of Renkei's work for an autosave; on 2 cores shared with PostgreSQL that decided whether 300
// saves/s stayed under 100 ms (docs/decisions/0012, "Answered before Next's router").
//
// Nothing is answered differently: these are the very route handlers the app/api route files
// export (the same apiRoute: admission, session, origin check, body cap, validation, error
// mapping, headers); only the viewer is read from the request's Cookie header rather than through
// next/headers. Anything that does not match exactly (another method, a trailing slash, an encoded
// id) goes to Next, which answers it with the same handler.

/** PUT /api/v1/respondent/cycles/[cycleId]/draft — autosave: { draftVersion, answers } → { draftVersion, savedAt }. */
export const autosaveRoute = apiRoute<{ cycleId: string }>(({ viewer, params, body }) =>
  saveDraft(viewer, params.cycleId, body),
);

/** POST /api/v1/respondent/cycles/[cycleId]/submit — a new revision: → { submissionId, revision }. */
export const submitRoute = apiRoute<{ cycleId: string }>(({ viewer, params, body }) =>
  submitReport(viewer, params.cycleId, body),
);

type TDirectRoute = { method: string; path: RegExp; route: TApiRoute<{ cycleId: string }> };

// Ids are cuids; anything else is left to Next (and its 404).
const DIRECT_ROUTES: TDirectRoute[] = [
  { method: "PUT", path: /^\/api\/v1\/respondent\/cycles\/([A-Za-z0-9_-]{1,64})\/draft$/, route: autosaveRoute },
  { method: "POST", path: /^\/api\/v1\/respondent\/cycles\/([A-Za-z0-9_-]{1,64})\/submit$/, route: submitRoute },
];

/**
 * Answers the request if it is one of the direct routes (true), or leaves it untouched for Next
 * (false). Never throws: an unexpected failure is the same generic 500 with a reference as Next's
 * route would give.
 */
export function answerDirectly(request: IncomingMessage, response: ServerResponse): boolean {
  const url = request.url ?? "";
  const query = url.indexOf("?");
  const pathname = query === -1 ? url : url.slice(0, query);
  for (const { method, path, route } of DIRECT_ROUTES) {
    if (request.method !== method) continue;
    const match = path.exec(pathname);
    if (!match) continue;
    void answer(request, response, route, { cycleId: match[1]! });
    return true;
  }
  return false;
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  route: TApiRoute<{ cycleId: string }>,
  params: { cycleId: string },
): Promise<void> {
  let answered: Response;
  try {
    answered = await route.answerDirectly(await webRequestOf(request), params);
  } catch (error) {
    answered = errorResponse(error);
  }
  try {
    const body = Buffer.from(await answered.arrayBuffer());
    const headers: string[] = [];
    answered.headers.forEach((value, name) => {
      if (name !== "content-length") headers.push(name, value);
    });
    response.writeHead(answered.status, [...headers, "content-length", String(body.length)]);
    response.end(body);
  } catch {
    // The client went away; whatever was committed stays committed.
    response.destroy();
  }
}

/**
 * The Node request as a Web Request, the way Next builds it for a route: the Host header's origin
 * (https when the socket is TLS), every header as sent. The body is read here, keeping at most one
 * byte past the JSON routes' cap, so apiRoute answers 413 exactly as it does under Next without
 * this process holding an oversized body.
 */
async function webRequestOf(request: IncomingMessage): Promise<Request> {
  const headers = new Headers();
  const raw = request.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    if (kept > DEFAULT_MAX_BODY_BYTES) continue;
    chunks.push(chunk);
    kept += chunk.length;
  }
  const protocol = "encrypted" in request.socket && request.socket.encrypted ? "https" : "http";
  return new Request(`${protocol}://${request.headers.host ?? "localhost"}${request.url ?? "/"}`, {
    method: request.method,
    headers,
    body: kept > 0 ? Buffer.concat(chunks).subarray(0, DEFAULT_MAX_BODY_BYTES + 1) : undefined,
  });
}

// The server entry finds the function here: it is plain JavaScript outside Next's bundle, and this
// module lives inside it (registered by lib/server-start.ts when Next starts the server process).
const DIRECT_ROUTES_KEY = Symbol.for("renkei.answerDirectly");

export function registerDirectRoutes(): void {
  (globalThis as { [DIRECT_ROUTES_KEY]?: typeof answerDirectly })[DIRECT_ROUTES_KEY] = answerDirectly;
}
