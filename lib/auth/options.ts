import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getAuthSecret } from "@/lib/env";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/data/audit";
import { authenticateWithPassword } from "./sign-in";
import { SIGN_IN_ERROR_INVALID, SIGN_IN_ERROR_LOCKED_PREFIX } from "./messages";
import { isRole, roleFromDb } from "./roles";

/** Sessions end after 8 hours without activity (one working day); tokens refresh every 15 min. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

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
        async authorize(credentials) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          if (!email || !password) throw new Error(SIGN_IN_ERROR_INVALID);
          const result = await authenticateWithPassword(email, password);
          if (!result.ok) {
            // next-auth passes the message through to the form as `error`.
            throw new Error(
              result.reason === "locked"
                ? `${SIGN_IN_ERROR_LOCKED_PREFIX}${result.retryAfterMinutes}`
                : SIGN_IN_ERROR_INVALID,
            );
          }
          return result.user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.role = user.role;
          token.sessionVersion = user.sessionVersion;
          token.signedInAt = Math.floor(Date.now() / 1000);
          token.mfa = null;
          token.mfaPending = user.secondFactor;
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
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          // fall through
        }
        return baseUrl;
      },
    },
    events: {
      async signOut({ token }) {
        if (!token?.sub) return;
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
