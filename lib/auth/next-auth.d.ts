import type { TRole } from "@/lib/auth/roles";

declare module "next-auth" {
  interface User {
    role: TRole;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: TRole; sessionVersion: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: TRole;
    sessionVersion?: number;
    /** Sign-in time, epoch seconds: the absolute session lifetime counts from here. */
    signedInAt?: number;
  }
}
