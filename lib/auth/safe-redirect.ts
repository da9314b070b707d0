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

// Any origin serves for resolving a path on our own site; a target on another origin (including
// an absolute URL naming our own host) is then refused.
const PATH_BASE = "http://renkei.invalid";

/**
 * The same check for a target that arrives without our origin at hand (a form field, a search
 * parameter on the second-factor pages): a same-site path, "/" when the target would leave the
 * site, or null when none was given (the caller picks its default).
 */
export function safeRelativePath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw === "") return null;
  return safeCallbackPath(raw, PATH_BASE);
}
