// Failed sign-in throttling as pure decisions (persisted by throttle-store.ts; the reasons are in
// docs/decisions/0014-throttling-and-sessions.md). Each failed attempt counts against four keys:
// the account from this client address (pair), the account from anywhere, the client address
// for any account, and the whole service. Past a few free tries each key makes the next attempt
// wait, doubling per failure up to a cap. Nothing locks: the account-wide cap is 30 seconds, so
// someone guessing an officer's password can slow the officer down but never shut them out,
// while the guesser's own client (pair, address) is slowed to one try every 15 minutes.

export type TThrottleScope = "pair" | "account" | "address" | "global";

type TRule = {
  /** Failures allowed without any delay. */
  freeFailures: number;
  capSeconds: number;
  /** Failures older than this (counted from the last one) are forgotten. */
  windowSeconds: number;
};

export const THROTTLE_RULES: Record<TThrottleScope, TRule> = {
  pair: { freeFailures: 3, capSeconds: 15 * 60, windowSeconds: 60 * 60 },
  account: { freeFailures: 5, capSeconds: 30, windowSeconds: 60 * 60 },
  address: { freeFailures: 10, capSeconds: 15 * 60, windowSeconds: 60 * 60 },
  // Many clients at once (a botnet): a short pause for every sign-in, never longer than 2 s.
  global: { freeFailures: 300, capSeconds: 2, windowSeconds: 15 * 60 },
};

/** Seconds to wait before the next attempt after `failures` failures of one key. */
export function delayAfterFailures(scope: TThrottleScope, failures: number): number {
  const { freeFailures, capSeconds } = THROTTLE_RULES[scope];
  if (failures <= freeFailures) return 0;
  const exponent = Math.min(failures - freeFailures - 1, 30);
  return Math.min(capSeconds, 2 ** exponent);
}

/** Used when the client's address is not known (scripts, tests): all such callers share one key. */
export const UNKNOWN_ADDRESS = "unknown";

export type TThrottleKey = { scope: TThrottleScope; key: string };

export function throttleKeys(email: string, address: string): TThrottleKey[] {
  return [
    { scope: "pair", key: `pair:${address}|${email}` },
    { scope: "account", key: `account:${email}` },
    { scope: "address", key: `address:${address}` },
    { scope: "global", key: "global" },
  ];
}
