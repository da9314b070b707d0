import type { TRole } from "@/lib/auth/roles";

declare module "next-auth" {
  interface User {
    role: TRole;
    sessionVersion: number;
    /** What the sign-in still needs after the password (lib/services/two-factor.ts). */
    secondFactor: "verify" | "enrol" | null;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: TRole; sessionVersion: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: TRole;
    sessionVersion?: number;
    /** Sign-in time (the password step), epoch seconds: the absolute session lifetime counts
     * from here; kept when the token is renewed or rewritten after the second factor. */
    signedInAt?: number;
    /** How the second factor was passed; null when the account has none. */
    mfa?: "totp" | "recovery" | null;
    /** Set until the second factor is passed: the session reaches only /two-factor pages. */
    mfaPending?: "verify" | "enrol" | null;
  }
}
