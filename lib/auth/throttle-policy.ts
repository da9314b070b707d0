// Failed sign-in throttling, as pure decisions over a small state record (persisted by
// sign-in.ts). Five failures within fifteen minutes lock the account's sign-in for fifteen
// minutes; a success clears the record.
export const THROTTLE_MAX_FAILURES = 5;
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const THROTTLE_LOCK_MS = 15 * 60_000;

export type TThrottleState = {
  failures: number;
  firstFailureAt: Date;
  lockedUntil: Date | null;
};

export type TThrottleCheck = { locked: false } | { locked: true; retryAfterMinutes: number };

export function checkThrottle(state: TThrottleState | null, now: Date): TThrottleCheck {
  if (state?.lockedUntil && state.lockedUntil > now) {
    return { locked: true, retryAfterMinutes: minutesUntil(state.lockedUntil, now) };
  }
  return { locked: false };
}

export function registerFailure(state: TThrottleState | null, now: Date): TThrottleState {
  const windowExpired =
    !state ||
    now.getTime() - state.firstFailureAt.getTime() > THROTTLE_WINDOW_MS ||
    (state.lockedUntil !== null && state.lockedUntil <= now);
  const next: TThrottleState = windowExpired
    ? { failures: 1, firstFailureAt: now, lockedUntil: null }
    : { ...state, failures: state.failures + 1 };
  if (next.failures >= THROTTLE_MAX_FAILURES) {
    next.lockedUntil = new Date(now.getTime() + THROTTLE_LOCK_MS);
  }
  return next;
}

function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
