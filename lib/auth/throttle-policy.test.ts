import { describe, expect, it } from "vitest";
import { THROTTLE_RULES, delayAfterFailures, throttleKeys, type TThrottleScope } from "./throttle-policy";

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
