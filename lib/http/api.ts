import "server-only";
import { randomUUID } from "node:crypto";
import { getViewer, viewerOfRequest } from "@/lib/auth/viewer";
import type { TViewer } from "@/lib/auth/viewer-types";
import { getEnv } from "@/lib/env";
import { AppError, GENERIC_ERROR_MESSAGE, isAppError } from "@/lib/errors";

// Every JSON route of Renkei goes through `apiRoute`: it resolves the viewer (401 without one),
// refuses cross-site writes, caps and parses the body, and maps errors — expected ones
// (AppError) to their status with a Japanese message and field errors, anything else to a 500
// with a generic message and a reference id that is also logged. Never a stack trace.

import type { TApiError } from "./types";
import { createAdmissionGate, isAdmissionRefused, type TAdmissionGate } from "./admission";
import { isHttpsRequest, JSON_CONTENT_SECURITY_POLICY, securityHeaders } from "./security-headers";
import {
  FOREIGN_ORIGIN_MESSAGE,
  NOT_JSON_MESSAGE,
  isJsonContentType,
  isSameOriginWrite,
  isWriteMethod,
} from "./request-guards";

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

type TContext<P> = { viewer: TViewer; request: Request; params: P; body: unknown };

/**
 * A JSON route: Next calls it with the request and its params; `answerDirectly` gives the same
 * answer outside Next's request scope (lib/http/direct-routes.ts), with the viewer read from the
 * request's own Cookie header instead of next/headers.
 */
export type TApiRoute<P> = ((request: Request, routeContext: { params: Promise<P> }) => Promise<Response>) & {
  answerDirectly: (request: Request, params: P) => Promise<Response>;
};

export function apiRoute<P = Record<string, string>>(
  handler: (context: TContext<P>) => Promise<unknown>,
  {
    maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
    rawBody = false,
  }: {
    maxBodyBytes?: number;
    /** The handler reads the request body itself (file uploads); `body` is then undefined. */
    rawBody?: boolean;
  } = {},
): TApiRoute<P> {
  const respond = async (request: Request, params: P | Promise<P>, viewerOf: () => Promise<TViewer | null>) =>
    withJsonSecurityHeaders(
      request,
      await processGate()
        .admit(() => answer(request, params, viewerOf))
        .catch((error: unknown) => refusedAsBusy(request, error)),
    );
  return Object.assign(
    (request: Request, routeContext: { params: Promise<P> }) => respond(request, routeContext.params, getViewer),
    {
      answerDirectly: (request: Request, params: P) => respond(request, params, () => viewerOfRequest(request.headers)),
    },
  );

  async function answer(
    request: Request,
    routeParams: P | Promise<P>,
    viewerOf: () => Promise<TViewer | null>,
  ): Promise<Response> {
    try {
      const viewer = await viewerOf();
      if (!viewer)
        throw new AppError("UNAUTHENTICATED", "ログインの有効期限が切れました。もう一度ログインしてください。");
      const isWrite = isWriteMethod(request.method);
      if (isWrite && !isSameOriginWrite(request.headers)) throw new AppError("FORBIDDEN", FOREIGN_ORIGIN_MESSAGE);
      const body = isWrite && !rawBody ? await readJsonBody(request, maxBodyBytes) : undefined;
      const params = await routeParams;
      const result = await handler({ viewer, request, params, body });
      return result instanceof Response ? result : Response.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  }
}

/**
 * The security headers on a route's answer where the proxy did not set them (proxy.ts does not
 * run for the respondent's JSON routes); where it ran, it sets its own over these.
 */
function withJsonSecurityHeaders(request: Request, response: Response): Response {
  if (response.headers.has("Content-Security-Policy")) return response;
  response.headers.set("Content-Security-Policy", JSON_CONTENT_SECURITY_POLICY);
  for (const [name, value] of Object.entries(securityHeaders({ https: isHttpsRequest(request.headers, request.url) })))
    response.headers.set(name, value);
  return response;
}

// Waiting for a database connection that never came (pg-pool's connection timeout, Prisma's
// P2028 for a transaction that could not start or ran out of time) means nothing was committed:
// the honest answer is "busy, try again" (503), not a system error (docs/decisions/0012).
const NOTHING_WRITTEN = /timeout exceeded when trying to connect|Unable to start a transaction in the given time|P2028/;

export const BUSY_MESSAGE =
  "ただいま大変混み合っています。この操作はまだ保存されていません。少し待ってからもう一度お試しください。";

// One gate per process, whatever bundle this module was loaded from (each route's chunk may hold
// its own copy of the module; the limits are the process's).
const GATE_KEY = Symbol.for("renkei.admissionGate");
function processGate(): TAdmissionGate {
  const holder = globalThis as { [GATE_KEY]?: TAdmissionGate };
  holder[GATE_KEY] ??= createAdmissionGate(getEnv().admission);
  return holder[GATE_KEY];
}

function refusedAsBusy(request: Request, error: unknown): Response {
  if (!isAdmissionRefused(error)) throw error;
  return errorResponse(new AppError("BUSY", isWriteMethod(request.method) ? BUSY_MESSAGE : BUSY_READ_MESSAGE));
}

/** How long a client should wait after a 503 (the form's autosave retries after 5 s itself). */
const BUSY_RETRY_AFTER_SECONDS = "5";

const BUSY_READ_MESSAGE = "ただいま大変混み合っています。少し待ってから画面を再読み込みしてください。";

export function errorResponse(error: unknown): Response {
  if (
    !isAppError(error) &&
    error instanceof Error &&
    NOTHING_WRITTEN.test(`${error.message} ${String((error as { code?: unknown }).code ?? "")}`)
  ) {
    console.warn(`[renkei] database busy, nothing written: ${error.message.split("\n")[0]}`);
    return errorResponse(new AppError("BUSY", BUSY_MESSAGE));
  }
  if (isAppError(error)) {
    const payload: TApiError = { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    const headers: HeadersInit = error.code === "BUSY" ? { "Retry-After": BUSY_RETRY_AFTER_SECONDS } : {};
    return Response.json({ error: payload }, { status: error.status, headers });
  }
  const reference = randomUUID().slice(0, 8);
  console.error(`[renkei] unexpected error ${reference}`, error);
  const payload: TApiError = {
    code: "INTERNAL",
    message: `${GENERIC_ERROR_MESSAGE}（参照番号: ${reference}）`,
    reference,
  };
  return Response.json({ error: payload }, { status: 500 });
}

async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  if (text.trim() === "") return undefined;
  if (!isJsonContentType(request.headers)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", NOT_JSON_MESSAGE);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(
      "INVALID_INPUT",
      "送信された内容を読み取れませんでした。画面を再読み込みしてからもう一度お試しください。",
    );
  }
}

function tooLarge(maxBytes: number) {
  return new AppError("TOO_LARGE", `送信された内容が大きすぎます（上限 ${Math.round(maxBytes / 1024)} KB）。`);
}
