import "server-only";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./api";
import { PUBLIC_CACHE_CONTROL } from "./public-paths";

// The JSON routes of the public side (/api/v1/public): no viewer (nobody signs in), GET only,
// and answers that shared caches may keep: the ETag is the publication version, so a browser or
// proxy revalidates with If-None-Match and gets 304 until the next run, hold or withdrawal.

type TPublicContext<P> = { request: Request; params: P; url: URL };

/** A public answer: the body plus the publication version its content rests on (the ETag). */
export type TPublicAnswer = { body: unknown; version: string } | Response;

export function publicRoute<P = Record<string, string>>(
  handler: (context: TPublicContext<P>) => Promise<TPublicAnswer>,
) {
  return async (request: Request, routeContext: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = await routeContext.params;
      const answer = await handler({ request, params, url: new URL(request.url) });
      if (answer instanceof Response) return answer;
      const etag = `"${answer.version}"`;
      const headers = { etag, "cache-control": PUBLIC_CACHE_CONTROL, "access-control-allow-origin": "*" };
      if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
      return Response.json(answer.body, { headers });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const publicNotFound = (what = "公表されている情報") =>
  new AppError("NOT_FOUND", `${what}が見つかりません。公表されていないか、取り下げられた可能性があります。`);

/** A file of the public side (open data): cacheable, with the same ETag rule. */
export function publicFile(
  request: Request,
  bytes: Uint8Array,
  fileName: string,
  contentType: string,
  version: string,
) {
  const etag = `"${version}"`;
  const headers: Record<string, string> = {
    etag,
    "cache-control": PUBLIC_CACHE_CONTROL,
    "access-control-allow-origin": "*",
    "content-type": contentType,
    "content-disposition": `inline; filename="${fileName}"`,
    "x-content-type-options": "nosniff",
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers });
}
