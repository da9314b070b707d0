import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import { ROLE_HOME, roleFromDb, type TRole } from "./roles";
import { decodeSessionClaims, readSessionClaims } from "./session-token";
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

export async function loadViewer(userId: string, sessionVersion?: number): Promise<TViewer | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    include: {
      zones: { include: { zone: { include: { municipalities: { select: { municipalityCode: true } } } } } },
      institution: { select: { prefectureCode: true, isActive: true } },
      hub: { select: { prefectureCode: true, isActive: true } },
    },
  });
  if (!user || !user.isActive) return null;
  if (sessionVersion !== undefined && user.sessionVersion !== sessionVersion) return null;
  const base = { userId: user.id, email: user.email, name: user.name };
  switch (roleFromDb(user.role)) {
    case "institution":
      if (!user.institutionId || !user.institution) return null;
      return {
        ...base,
        role: "institution",
        institutionId: user.institutionId,
        prefectureCode: user.institution.prefectureCode,
      };
    case "hub":
      if (!user.hubId || !user.hub) return null;
      return { ...base, role: "hub", hubId: user.hubId, prefectureCode: user.hub.prefectureCode };
    case "prefecture":
      if (!user.prefectureCode) return null;
      return { ...base, role: "prefecture", prefectureCode: user.prefectureCode };
    case "council": {
      if (!user.prefectureCode || user.zones.length === 0) return null;
      const municipalityCodes = new Set(
        user.zones.flatMap((uz) => uz.zone.municipalities.map((m) => m.municipalityCode)),
      );
      return {
        ...base,
        role: "council",
        prefectureCode: user.prefectureCode,
        zoneIds: user.zones.map((uz) => uz.zoneId),
        municipalityCodes: [...municipalityCodes].sort(),
      };
    }
    case "admin":
      return { ...base, role: "admin" };
  }
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
