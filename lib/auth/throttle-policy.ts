// Failed sign-in throttling as pure decisions (persisted by throttle-store.ts; the reasons are in
// docs/decisions/0014-throttling-and-sessions.md). Each failed attempt counts against four keys:
// the account from this client address (pair), the account from anywhere, the client address
// for any account, and the whole service. Past a few free tries each key makes the next attempt
// wait, doubling per failure up to a cap. Nothing locks: the account-wide cap is 30 seconds, so
// someone guessing an officer's password can slow the officer down but never shut them out,
// while the guesser's own client (pair, address) is slowed to one try every 15 minutes.

export type TSignInScope = "pair" | "account" | "address" | "global";
/**
 * Other attempts counted in the same table, one key each: wrong second-factor codes per account,
 * and password-reset requests per e-mail address and per client (lib/services/password-reset.ts).
 */
export type TAttemptScope = "second_factor" | "reset_email" | "reset_client";
export type TThrottleScope = TSignInScope | TAttemptScope;

type TRule = {
  /** Failures allowed without any delay. */
  freeFailures: number;
  capSeconds: number;
  /** Failures older than this (counted from the last one) are forgotten. */
  windowSeconds: number;
  /**
   * A quota rather than a guard against guessing: past the free count every attempt waits the
   * whole cap at once (reset requests send mail, so a flood stops at the quota).
   */
  quota?: true;
};

export const THROTTLE_RULES: Record<TThrottleScope, TRule> = {
  pair: { freeFailures: 3, capSeconds: 15 * 60, windowSeconds: 60 * 60 },
  account: { freeFailures: 5, capSeconds: 30, windowSeconds: 60 * 60 },
  address: { freeFailures: 10, capSeconds: 15 * 60, windowSeconds: 60 * 60 },
  // Many clients at once (a botnet): a short pause for every sign-in, never longer than 2 s.
  global: { freeFailures: 300, capSeconds: 2, windowSeconds: 15 * 60 },
  // Only someone who passed the password reaches the code step: four wrong codes free (typos),
  // then doubling waits up to 15 minutes, about a hundred guesses a day at most.
  second_factor: { freeFailures: 4, capSeconds: 15 * 60, windowSeconds: 60 * 60 },
  // Five reset requests per 15 minutes, per e-mail address (no mailbox flood) and per client.
  reset_email: { freeFailures: 4, capSeconds: 15 * 60, windowSeconds: 15 * 60, quota: true },
  reset_client: { freeFailures: 4, capSeconds: 15 * 60, windowSeconds: 15 * 60, quota: true },
};

/** Seconds to wait before the next attempt after `failures` failures of one key. */
export function delayAfterFailures(scope: TThrottleScope, failures: number): number {
  const { freeFailures, capSeconds, quota } = THROTTLE_RULES[scope];
  if (failures <= freeFailures) return 0;
  if (quota) return capSeconds;
  const exponent = Math.min(failures - freeFailures - 1, 30);
  return Math.min(capSeconds, 2 ** exponent);
}

/** Used when the client's address is not known (scripts, tests): all such callers share one key. */
export const UNKNOWN_ADDRESS = "unknown";

export type TThrottleKey = { scope: TThrottleScope; key: string };

export function throttleKeys(email: string, address: string): (TThrottleKey & { scope: TSignInScope })[] {
  return [
    { scope: "pair", key: `pair:${address}|${email}` },
    { scope: "account", key: `account:${email}` },
    { scope: "address", key: `address:${address}` },
    { scope: "global", key: "global" },
  ];
}

const ATTEMPT_KEY_PREFIX: Record<TAttemptScope, string> = {
  second_factor: "2fa:",
  reset_email: "reset:",
  reset_client: "reset-client:",
};

/** The key of another attempt: "2fa:<userId>", "reset:<email>", "reset-client:<address>". */
export function attemptKey(scope: TAttemptScope, subject: string): TThrottleKey {
  return { scope, key: `${ATTEMPT_KEY_PREFIX[scope]}${subject}` };
}
