import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/env";
import { ROLE_HOME, isRole, roleForPath } from "@/lib/auth/roles";

/**
 * Redirects only — never authorization. Pages and actions check the viewer themselves through
 * the data layer (CVE-2025-29927 showed why a proxy must not be the only gate). Here we merely
 * send signed-out visitors to the sign-in page and people who wander into another role's area
 * back to their own home, so nobody sees a bare error for a mistyped URL.
 */
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: getAuthSecret() });
  const { pathname, search } = request.nextUrl;
  if (!token) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  if (token.mfaPending) {
    // Password passed, second factor not yet: only the /two-factor pages (outside this matcher).
    const twoFactor = new URL("/two-factor", request.url);
    twoFactor.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(twoFactor);
  }
  const area = roleForPath(pathname);
  if (area && isRole(token.role) && area !== token.role) {
    return NextResponse.redirect(new URL(ROLE_HOME[token.role], request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/institution/:path*", "/hub/:path*", "/prefecture/:path*", "/council/:path*", "/admin/:path*"],
};
