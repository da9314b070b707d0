import { describe, expect, it } from "vitest";
import { THROTTLE_MAX_FAILURES, checkThrottle, registerFailure, type TThrottleState } from "./throttle-policy";

const t0 = new Date("2026-01-10T09:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function failTimes(times: number[]): TThrottleState | null {
  return times.reduce<TThrottleState | null>((state, m) => registerFailure(state, at(m)), null);
}

describe("failed sign-in throttling", () => {
  it("does not lock before the fifth failure", () => {
    const state = failTimes([0, 1, 2, 3]);
    expect(state?.failures).toBe(4);
    expect(checkThrottle(state, at(4))).toEqual({ locked: false });
  });

  it("locks for 15 minutes on the fifth failure within 15 minutes", () => {
    const state = failTimes([0, 1, 2, 3, 4]);
    expect(state?.failures).toBe(THROTTLE_MAX_FAILURES);
    expect(checkThrottle(state, at(5))).toEqual({ locked: true, retryAfterMinutes: 14 });
    expect(checkThrottle(state, at(18.5))).toEqual({ locked: true, retryAfterMinutes: 1 });
    expect(checkThrottle(state, at(19))).toEqual({ locked: false });
  });

  it("starts counting again when the window has passed", () => {
    const state = failTimes([0, 1, 2, 3, 20]);
    expect(state?.failures).toBe(1);
  });

  it("starts counting again after a lock has expired", () => {
    const state = failTimes([0, 1, 2, 3, 4, 30]);
    expect(state).toMatchObject({ failures: 1, lockedUntil: null });
  });
});
