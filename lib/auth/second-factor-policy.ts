// Who needs a second factor, and what a password sign-in still needs. Pure (the proxy, the
// sign-in and the service share it).
import { roleFromDb, type TDbRole, type TRole } from "./roles";

export type TSecondFactorStep = "verify" | "enrol";
export type TSecondFactorMethod = "totp" | "recovery";

/** Prefecture officers and the national administrator must use one; everyone else may. */
export const secondFactorRequired = (role: TRole) => role === "prefecture" || role === "admin";

/** A code (enrolled), an enrolment (required role without one), or nothing. */
export function secondFactorStep(user: { role: TDbRole; totpEnabledAt: Date | null }): TSecondFactorStep | null {
  if (user.totpEnabledAt) return "verify";
  return secondFactorRequired(roleFromDb(user.role)) ? "enrol" : null;
}
