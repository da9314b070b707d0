import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAuthSecret } from "@/lib/env";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/services/audit";
import { authenticateWithPassword } from "./sign-in";
import { SIGN_IN_ERROR_INVALID, SIGN_IN_ERROR_THROTTLED_PREFIX } from "./messages";
import { clientAddress } from "./client-address";
import { isRole, roleFromDb } from "./roles";
import { safeCallbackPath } from "./safe-redirect";
import { SESSION_MAX_AGE_SECONDS, epochSeconds, isWithinAbsoluteLifetime } from "./session-policy";

export { SESSION_ABSOLUTE_MAX_AGE_SECONDS, SESSION_MAX_AGE_SECONDS } from "./session-policy";

// Built on demand, not at module load: `next build` imports this module without a secret.
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "メールアドレス",
        credentials: {
          email: { label: "メールアドレス", type: "email" },
          password: { label: "パスワード", type: "password" },
        },
        async authorize(credentials, req) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          if (!email || !password) throw new Error(SIGN_IN_ERROR_INVALID);
          const result = await authenticateWithPassword(email, password, new Date(), clientAddress(req?.headers));
          if (!result.ok) {
            // next-auth passes the message through to the form as `error`.
            throw new Error(
              result.reason === "throttled"
                ? `${SIGN_IN_ERROR_THROTTLED_PREFIX}${result.retryAfterSeconds}`
                : SIGN_IN_ERROR_INVALID,
            );
          }
          return result.user;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.role = user.role;
          token.sessionVersion = user.sessionVersion;
          // Set once, at the password step; renewals and the second factor keep it, so the
          // absolute lifetime counts from the first sign-in step (lib/auth/session-policy.ts).
          token.signedInAt = epochSeconds(new Date());
          token.mfa = null;
          token.mfaPending = user.secondFactor;
          return token;
        }
        // Renewal (/api/auth/session): a thrown error makes next-auth clear the cookie, so a
        // signed-out, revoked or too old session cannot be kept alive by polling.
        if (!isWithinAbsoluteLifetime(token.signedInAt, new Date())) throw new Error("SESSION_TOO_OLD");
        const current = token.sub
          ? await db.user.findUnique({ where: { id: token.sub }, select: { sessionVersion: true, isActive: true } })
          : null;
        if (!current?.isActive || current.sessionVersion !== (token.sessionVersion ?? 0)) {
          throw new Error("SESSION_REVOKED");
        }
        return token;
      },
      session({ session, token }) {
        // A session still waiting for its second factor is nobody yet.
        if (token.sub && isRole(token.role) && !token.mfaPending) {
          session.user = {
            id: token.sub,
            email: token.email ?? "",
            name: token.name ?? "",
            role: token.role,
            sessionVersion: token.sessionVersion ?? 0,
          };
        }
        return session;
      },
      // Only same-site redirects after sign-in/out (no open redirect through callbackUrl).
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
    },
    events: {
      async signOut({ token }) {
        if (!token?.sub) return;
        // Ends the session on the server too: every token issued before now stops working
        // (docs/decisions/0014). Only when the cookie is still the current session, so an old
        // cookie cannot sign the person out elsewhere.
        const revoked = await db.user.updateMany({
          where: { id: token.sub, sessionVersion: token.sessionVersion ?? 0 },
          data: { sessionVersion: { increment: 1 } },
        });
        if (revoked.count === 0) return;
        const user = await db.user.findUnique({ where: { id: token.sub } });
        if (!user) return;
        await recordAudit(
          db,
          { userId: user.id, email: user.email, role: roleFromDb(user.role) },
          {
            action: "auth.logout",
            entityType: "user",
            entityId: user.id,
            prefectureCode: user.prefectureCode,
            summary: "ログアウト",
          },
        );
      },
    },
  };
}
