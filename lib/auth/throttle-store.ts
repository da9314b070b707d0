import "server-only";
import { db } from "@/lib/db";
import {
  THROTTLE_RULES,
  attemptKey,
  delayAfterFailures,
  throttleKeys,
  type TAttemptScope,
  type TSignInScope,
  type TThrottleKey,
  type TThrottleScope,
} from "./throttle-policy";

// Throttling state lives in the database (SignInThrottle), so every app instance and a restarted
// one see the same counts (docs/decisions/0014-throttling-and-sessions.md). Password sign-ins
// count against four keys at once; second-factor codes and reset requests against one key each
// (the "attempt" functions below).

export type TThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: TThrottleScope };

/** Whether an attempt may be checked now; refused attempts are not counted as failures. */
export async function checkSignInThrottle(email: string, address: string, now: Date): Promise<TThrottleVerdict> {
  return verdictFor(throttleKeys(email, address), now);
}

async function verdictFor(keys: TThrottleKey[], now: Date): Promise<TThrottleVerdict> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  let worst: TThrottleVerdict = { allowed: true };
  for (const row of rows) {
    const waitMs = row.nextAttemptAt.getTime() - now.getTime();
    if (waitMs <= 0) continue;
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    if (worst.allowed || retryAfterSeconds > worst.retryAfterSeconds) {
      worst = { allowed: false, retryAfterSeconds, scope: row.scope as TThrottleScope };
    }
  }
  return worst;
}

/**
 * Counts one failure against every key and sets when the next attempt may come. Returns the
 * longest resulting wait.
 */
export async function recordSignInFailure(
  email: string,
  address: string,
  now: Date,
): Promise<{ retryAfterSeconds: number; failures: Record<TSignInScope, number> }> {
  const failures = {} as Record<TSignInScope, number>;
  let retryAfterSeconds = 0;
  for (const { scope, key } of throttleKeys(email, address)) {
    const counted = await countKey({ scope, key }, now);
    failures[scope] = counted.failures;
    retryAfterSeconds = Math.max(retryAfterSeconds, counted.retryAfterSeconds);
  }
  return { retryAfterSeconds, failures };
}

/**
 * Counts one failure against a key, atomically (an upsert that restarts the count when the last
 * failure is older than the key's window), and sets when the next attempt may come.
 */
async function countKey(
  { scope, key }: TThrottleKey,
  now: Date,
): Promise<{ failures: number; retryAfterSeconds: number }> {
  const windowStart = new Date(now.getTime() - THROTTLE_RULES[scope].windowSeconds * 1000);
  const [row] = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" ("key", "scope", "failures", "lastFailureAt", "nextAttemptAt")
    VALUES (${key}, ${scope}, 1, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."lastFailureAt" < ${windowStart} THEN 1
                        ELSE "SignInThrottle"."failures" + 1 END,
      "lastFailureAt" = ${now}
    RETURNING "failures"`;
  const failures = Number(row?.failures ?? 1);
  const retryAfterSeconds = delayAfterFailures(scope, failures);
  await db.signInThrottle.update({
    where: { key },
    data: { nextAttemptAt: new Date(now.getTime() + retryAfterSeconds * 1000) },
  });
  return { failures, retryAfterSeconds };
}

/** A successful sign-in forgets this account's failures (the address's own count stays). */
export async function clearSignInThrottle(email: string, address: string): Promise<void> {
  const keys = throttleKeys(email, address).filter((k) => k.scope === "pair" || k.scope === "account");
  await db.signInThrottle.deleteMany({ where: { key: { in: keys.map((k) => k.key) } } });
}

/** After a password reset, the account starts afresh from every address. */
export async function clearAccountThrottle(client: Pick<typeof db, "signInThrottle">, email: string): Promise<void> {
  await client.signInThrottle.deleteMany({
    where: { OR: [{ key: `account:${email}` }, { key: { startsWith: "pair:", endsWith: `|${email}` } }] },
  });
}

/** Drops rows whose window has passed (called from the sign-in path now and then). */
export async function pruneSignInThrottle(now: Date): Promise<void> {
  const maxWindow = Math.max(...Object.values(THROTTLE_RULES).map((r) => r.windowSeconds));
  await db.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: new Date(now.getTime() - maxWindow * 1000) } } });
}

// ---- Other attempts: one key each (second-factor codes per account, reset requests) -----------

/** Whether another attempt (a code, a reset request) may be made now. */
export async function checkAttempt(scope: TAttemptScope, subject: string, now: Date): Promise<TThrottleVerdict> {
  return verdictFor([attemptKey(scope, subject)], now);
}

/** Counts one attempt (a wrong code, or a request limited per period); returns the wait it sets. */
export async function countAttempt(scope: TAttemptScope, subject: string, now: Date): Promise<number> {
  return (await countKey(attemptKey(scope, subject), now)).retryAfterSeconds;
}

/** Forgets the attempts of one key (a right code). */
export async function clearAttempts(scope: TAttemptScope, subject: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: attemptKey(scope, subject).key } });
}
