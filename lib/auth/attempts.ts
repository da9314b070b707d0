import "server-only";
import { db } from "@/lib/db";
import { checkThrottle, registerFailure, type TThrottleCheck } from "./throttle-policy";

// Counting attempts other than password sign-ins (second-factor codes, reset requests) with the
// sign-in throttle: the same LoginThrottle table (shared by every app instance), the same policy,
// under keys of their own ("2fa:<userId>", "reset:<email>", "reset-client:<address>").

export async function attemptCheck(key: string, now = new Date()): Promise<TThrottleCheck> {
  return checkThrottle(await db.loginThrottle.findUnique({ where: { email: key } }), now);
}

/** Counts one attempt (a failure, or a request that is limited per period); returns the state after it. */
export async function countAttempt(key: string, now = new Date()): Promise<TThrottleCheck> {
  const next = registerFailure(await db.loginThrottle.findUnique({ where: { email: key } }), now);
  await db.loginThrottle.upsert({ where: { email: key }, create: { email: key, ...next }, update: next });
  return checkThrottle(next, now);
}

export async function clearAttempts(key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { email: key } });
}
