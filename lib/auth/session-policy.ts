// Session lifetimes (docs/decisions/0014-throttling-and-sessions.md). Pure.

/** A token not renewed for 8 hours (one working day) expires; renewal happens every 15 minutes of use. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** However often it is renewed, a session ends 12 hours after its sign-in (ASVS 3.3.2 L2). */
export const SESSION_ABSOLUTE_MAX_AGE_SECONDS = 12 * 60 * 60;

export const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Tokens without a sign-in time predate the rule and are refused (one extra sign-in). */
export function isWithinAbsoluteLifetime(signedInAt: number | undefined, now: Date): boolean {
  if (typeof signedInAt !== "number") return false;
  const age = epochSeconds(now) - signedInAt;
  return age >= -60 && age <= SESSION_ABSOLUTE_MAX_AGE_SECONDS;
}
