/**
 * The path to follow after sign-in, or "/" when the target would leave the site.
 *
 * Prefix checks are not enough: browsers read `/\host`, `/<TAB>/host` and `/<LF>/host` as
 * `//host` (the URL parser turns backslashes into slashes and drops tabs and newlines), so the
 * target is resolved with the same parser and its origin compared with ours. Pure: used by the
 * sign-in form (browser) and next-auth's redirect callback (server).
 */
export function safeCallbackPath(raw: string | undefined | null, origin: string): string {
  if (!raw) return "/";
  let target: URL;
  try {
    target = new URL(raw, origin);
  } catch {
    return "/";
  }
  if (target.origin !== new URL(origin).origin) return "/";
  return `${target.pathname}${target.search}${target.hash}`;
}
