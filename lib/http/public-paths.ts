// The public side (公表) that anybody reads without signing in: the pages under /public and the
// JSON/open data under /api/v1/public. Matched on a path-segment boundary, so /publicity or
// /api/v1/public-admin are NOT public. Pure: the proxy imports it.

const PUBLIC_PREFIXES = ["/public", "/api/v1/public"] as const;

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** Cache-Control of the public side: shared caches may keep it a few minutes (pages change only
 * with a publication run, a hold or a withdrawal), and serve it stale while they revalidate. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";
