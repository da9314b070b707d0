import { describe, expect, it } from "vitest";
import { THROTTLE_RULES, attemptKey, delayAfterFailures, throttleKeys, type TThrottleScope } from "./throttle-policy";

describe("delayAfterFailures: growing delays, never a lock", () => {
  it.each<[TThrottleScope, number[]]>([
    // failures 1..n → seconds to wait before the next attempt
    ["pair", [0, 0, 0, 1, 2, 4, 8, 16, 32, 64]],
    ["account", [0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30]],
    ["address", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4]],
  ])("%s: doubles after the free tries, up to its cap", (scope, expected) => {
    expect(expected.map((_, i) => delayAfterFailures(scope, i + 1))).toEqual(expected);
  });

  it("caps every scope; an account can never be held for more than 30 seconds by others", () => {
    expect(delayAfterFailures("account", 10_000)).toBe(30);
    expect(delayAfterFailures("pair", 10_000)).toBe(THROTTLE_RULES.pair.capSeconds);
    expect(delayAfterFailures("address", 10_000)).toBe(THROTTLE_RULES.address.capSeconds);
    expect(delayAfterFailures("global", 10_000)).toBe(THROTTLE_RULES.global.capSeconds);
    expect(THROTTLE_RULES.global.capSeconds).toBeLessThanOrEqual(5);
  });
});

describe("throttleKeys", () => {
  it("keys the account, the client address, the pair and the whole service", () => {
    expect(throttleKeys("officer@example.jp", "203.0.113.7")).toEqual([
      { scope: "pair", key: "pair:203.0.113.7|officer@example.jp" },
      { scope: "account", key: "account:officer@example.jp" },
      { scope: "address", key: "address:203.0.113.7" },
      { scope: "global", key: "global" },
    ]);
  });
});

describe("other attempts in the same table", () => {
  it("slows wrong second-factor codes after four, doubling up to 15 minutes", () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 14, 100].map((n) => delayAfterFailures("second_factor", n));
    expect(waits).toEqual([0, 0, 0, 0, 1, 2, 4, 512, 900]);
  });

  it.each(["reset_email", "reset_client"] as const)("%s is a quota: five free, then the whole 15 minutes", (scope) => {
    expect([1, 4, 5, 6, 50].map((n) => delayAfterFailures(scope, n))).toEqual([0, 0, 900, 900, 900]);
  });

  it("keys them apart from the sign-in keys", () => {
    expect(attemptKey("second_factor", "u1")).toEqual({ scope: "second_factor", key: "2fa:u1" });
    expect(attemptKey("reset_email", "a@example.jp").key).toBe("reset:a@example.jp");
    expect(attemptKey("reset_client", "203.0.113.7").key).toBe("reset-client:203.0.113.7");
  });
});
