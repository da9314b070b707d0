// Response headers every answer of Renkei carries (docs/decisions/0014-throttling-and-sessions.md).
// Pure; proxy.ts sets them on pages, JSON and downloads alike, except on the respondent's JSON
// writes (the autosave and submit of the deadline rush), which the proxy does not run for: there
// apiRoute sets them itself with the JSON policy (docs/decisions/0012).

/**
 * The Content-Security-Policy of one response. Scripts run only with the per-request nonce
 * (Next adds it to its own scripts when it finds this header on the request) and what they
 * load ('strict-dynamic'); no inline script, no eval outside development. Styles keep
 * 'unsafe-inline': tremor's charts and Next's style attributes set inline styles, and CSS cannot
 * run code.
 */
export function contentSecurityPolicy(nonce: string, { development }: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy of a JSON answer: it loads nothing, runs nothing and is never framed. */
export const JSON_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Whether the request reached us over https (directly, or through the reverse proxy). */
export function isHttpsRequest(headers: Headers, url: string): boolean {
  return (headers.get("x-forwarded-proto") ?? new URL(url).protocol).startsWith("https");
}

export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers without CSP frame-ancestors.
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Browsers ignore HSTS over plain http; sending it only on https keeps local demos reachable.
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A fresh unguessable nonce per response (128 bits). Web Crypto: works in the proxy's runtime. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
