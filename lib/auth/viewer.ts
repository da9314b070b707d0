import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { JWT } from "next-auth/jwt";
import { db, hotQuery, Prisma } from "@/lib/db";
import { ROLE_HOME, roleFromDb, type TDbRole, type TRole } from "./roles";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
import { decodeSessionClaims, readSessionClaims, sessionCookieOf } from "./session-token";
import { secondFactorRequired } from "./second-factor-policy";
import type { TViewer, TViewerOf } from "./viewer-types";

/**
 * The signed-in person, re-read from the database on every request: a deactivated account, a
 * changed scope or a bumped sessionVersion takes effect immediately, whatever the token says.
 */
export const getViewer = cache(async (): Promise<TViewer | null> => {
  const claims = await readSessionClaims();
  return claims ? viewerFromClaims(claims) : null;
});

/**
 * The viewer behind a session cookie's value, or null when the token is invalid, expired, older
 * than the absolute session lifetime, revoked (sign-out and password changes bump the account's
 * sessionVersion), or still waiting for its second factor.
 */
export async function viewerFromSessionToken(token: string, now = new Date()): Promise<TViewer | null> {
  const claims = await decodeSessionClaims(token, now);
  return claims ? viewerFromClaims(claims) : null;
}

/**
 * The viewer of a request answered outside Next's request scope (lib/http/direct-routes.ts): its
 * Cookie header parsed by the same parser next/headers uses, then as getViewer.
 */
export async function viewerOfRequest(headers: Headers): Promise<TViewer | null> {
  const cookie = sessionCookieOf(new RequestCookies(headers));
  return cookie ? viewerFromSessionToken(cookie.value) : null;
}

async function viewerFromClaims(claims: JWT): Promise<TViewer | null> {
  if (!claims.sub || claims.mfaPending) return null;
  const viewer = await loadViewer(claims.sub, claims.sessionVersion ?? 0);
  // A role that requires a second factor is nobody without one (also tokens from before 0015).
  if (viewer && secondFactorRequired(viewer.role) && !claims.mfa) return null;
  return viewer;
}

/** A session that passed the password and still needs its second factor (the /two-factor pages). */
export async function getPendingSignIn(): Promise<TPendingSignIn | null> {
  const payload = await readSessionClaims();
  if (!payload?.sub || !payload.mfaPending) return null;
  const user = await db.user.findUnique({
    where: { id: payload.sub },
    select: { email: true, role: true, isActive: true, sessionVersion: true },
  });
  if (!user?.isActive || user.sessionVersion !== (payload.sessionVersion ?? 0)) return null;
  return { userId: payload.sub, email: user.email, role: roleFromDb(user.role), step: payload.mfaPending };
}

export type TPendingSignIn = { userId: string; email: string; role: TRole; step: "verify" | "enrol" };

type TViewerRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  isActive: boolean;
  sessionVersion: number;
  institutionId: string | null;
  hubId: string | null;
  prefectureCode: string | null;
  institutionPrefectureCode: string | null;
  hubPrefectureCode: string | null;
};

/**
 * The account behind a session, read on EVERY request (never cached in the process: with several
 * instances a deactivation or a sign-out on another one must take effect here at once). It is the
 * hottest query of Renkei — every autosave makes it — so it is one raw statement: Prisma's query
 * client for the nested `include` cost more CPU than the write it guards (docs/decisions/0012).
 */
export async function loadViewer(userId: string, sessionVersion?: number): Promise<TViewer | null> {
  const [user] = await hotQuery<TViewerRow>(Prisma.sql`
    SELECT u."id", u."email", u."name", u."role"::text AS "role", u."isActive", u."sessionVersion",
           u."institutionId", u."hubId", u."prefectureCode",
           i."prefectureCode" AS "institutionPrefectureCode", h."prefectureCode" AS "hubPrefectureCode"
    FROM "User" u
    LEFT JOIN "Institution" i ON i."id" = u."institutionId"
    LEFT JOIN "Hub" h ON h."id" = u."hubId"
    WHERE u."id" = ${userId}`);
  if (!user || !user.isActive) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  const base = { userId: user.id, email: user.email, name: user.name };
  switch (roleFromDb(user.role as TDbRole)) {
    case "institution":
      if (!user.institutionId || !user.institutionPrefectureCode) return null;
      return {
        ...base,
        role: "institution",
        institutionId: user.institutionId,
        prefectureCode: user.institutionPrefectureCode,
      };
    case "hub":
      if (!user.hubId || !user.hubPrefectureCode) return null;
      return { ...base, role: "hub", hubId: user.hubId, prefectureCode: user.hubPrefectureCode };
    case "prefecture":
      if (!user.prefectureCode) return null;
      return { ...base, role: "prefecture", prefectureCode: user.prefectureCode };
    case "council":
      return user.prefectureCode ? councilViewer(base, user.prefectureCode) : null;
    case "admin":
      return { ...base, role: "admin" };
  }
}

/** A council member's zones and their municipalities (not a hot path: pages, not autosaves). */
async function councilViewer(
  base: { userId: string; email: string; name: string },
  prefectureCode: string,
): Promise<TViewer | null> {
  const zones = await db.userZone.findMany({
    where: { userId: base.userId },
    include: { zone: { include: { municipalities: { select: { municipalityCode: true } } } } },
  });
  if (zones.length === 0) return null;
  const municipalityCodes = new Set(zones.flatMap((uz) => uz.zone.municipalities.map((m) => m.municipalityCode)));
  return {
    ...base,
    role: "council",
    prefectureCode,
    zoneIds: zones.map((uz) => uz.zoneId),
    municipalityCodes: [...municipalityCodes].sort(),
  };
}

/** For pages: the viewer, or a redirect to sign-in. */
export async function requireViewer(): Promise<TViewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/** For pages of one role's area: anyone else is sent to their own home. */
export async function requireRole<R extends TRole>(...roles: R[]): Promise<TViewerOf<R>> {
  const viewer = await requireViewer();
  if (!(roles as TRole[]).includes(viewer.role)) redirect(ROLE_HOME[viewer.role]);
  return viewer as TViewerOf<R>;
}
