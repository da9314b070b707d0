/** A same-site path to go on to after a sign-in step, or null (no open redirect through it). */
export function sameSitePath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || /[\u0000-\u001f\\\\]/.test(value)) return null;
  try {
    const url = new URL(value, "http://renkei.invalid");
    return url.origin === "http://renkei.invalid" ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}
