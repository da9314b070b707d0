// Cross-site request checks shared by the JSON routes (lib/http/api.ts) and proxy.ts (server
// actions and next-auth's own POSTs). Pure: headers in, a decision out; no Next or React import,
// so the proxy can use it.

export const FOREIGN_ORIGIN_MESSAGE = "この操作は Renkei の画面から行ってください。";
export const NOT_JSON_MESSAGE = "送信形式が正しくありません（application/json で送信してください）。";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const isWriteMethod = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

/**
 * Whether a write comes from one of our own pages. Browsers send Origin on every cross-origin
 * request and on every same-origin POST/PUT/PATCH/DELETE, so a write without one is a
 * hand-made request or a very old browser: refused, together with foreign and opaque ("null")
 * origins. The session cookie's SameSite=Lax is the first line; this is the second.
 */
export function isSameOriginWrite(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return false;
  try {
    return new URL(origin).host === host.split(",")[0]!.trim();
  } catch {
    return false;
  }
}

/** JSON bodies only under their own media type (a text/plain "simple request" skips CORS preflight). */
export function isJsonContentType(headers: Headers): boolean {
  const type = headers.get("content-type");
  return !!type && type.split(";")[0]!.trim().toLowerCase() === "application/json";
}
