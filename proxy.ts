import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/env";
import { ROLE_HOME, isRole, roleForPath } from "@/lib/auth/roles";
import { FOREIGN_ORIGIN_MESSAGE, isSameOriginWrite, isWriteMethod } from "@/lib/http/request-guards";
import { contentSecurityPolicy, createNonce, isHttpsRequest, securityHeaders } from "@/lib/http/security-headers";
import { isPublicPath } from "@/lib/http/public-paths";

/**
 * Runs before every request. It never authorizes (CVE-2025-29927 showed why a proxy must not be
 * the only gate: pages and actions check the viewer themselves through the data layer). It:
 * - puts the security headers and a per-request CSP nonce on every response;
 * - refuses cross-site writes to server actions and next-auth (the JSON routes check the same
 *   rule themselves in lib/http/api.ts, with the same helper);
 * - lets anybody read the public side (/public, /api/v1/public: lib/http/public-paths.ts);
 * - sends signed-out visitors of a role area to sign-in, sessions still waiting for their second
 *   factor to /two-factor, and people who wander into another role's area back to their own
 *   home, so nobody sees a bare error for a mistyped URL.
 */
export async function proxy(request: NextRequest) {
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const response = (await route(request, csp)) ?? passThrough(request, csp);
  response.headers.set("Content-Security-Policy", csp);
  const https = isHttpsRequest(request.headers, request.url);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

async function route(request: NextRequest, csp: string): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (isWriteMethod(request.method) && !pathname.startsWith("/api/v1/") && !isSameOriginWrite(request.headers)) {
    return NextResponse.json({ error: { code: "FORBIDDEN", message: FOREIGN_ORIGIN_MESSAGE } }, { status: 403 });
  }
  // 公表: the public side is read without a session; nothing about the visitor is looked up.
  if (isPublicPath(pathname)) return null;
  const area = roleForPath(pathname);
  if (!area) return null;
  const token = await getToken({ req: request, secret: getAuthSecret() });
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  if (token.mfaPending) {
    // Password passed, second factor not yet: only the /two-factor pages (not a role area).
    const twoFactor = new URL("/two-factor", request.url);
    twoFactor.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(twoFactor);
  }
  if (isRole(token.role) && area !== token.role) {
    return NextResponse.redirect(new URL(ROLE_HOME[token.role], request.url));
  }
  return passThrough(request, csp);
}

/** Next reads the nonce from the request's CSP header and puts it on the scripts it renders. */
function passThrough(request: NextRequest, csp: string): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Not for the respondent's JSON routes (autosave, submit: the deadline rush). For /api/v1 the
  // proxy only adds headers — the routes check origin and viewer themselves — and running it costs
  // every autosave a second request pipeline; apiRoute sets the same headers there
  // (docs/decisions/0012).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/respondent/).*)"],
};
