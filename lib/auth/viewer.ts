import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { getAuthSecret } from "@/lib/env";
import { ROLE_HOME, roleFromDb, type TRole } from "./roles";
import { isWithinAbsoluteLifetime } from "./session-policy";
import type { TViewer, TViewerOf } from "./viewer-types";

/**
 * The signed-in person, re-read from the database on every request: a deactivated account, a
 * changed scope or a bumped sessionVersion takes effect immediately, whatever the token says.
 */
export const getViewer = cache(async (): Promise<TViewer | null> => {
  const token = await readSessionToken();
  return token ? viewerFromSessionToken(token) : null;
});

/**
 * The viewer behind a session cookie's value, or null when the token is invalid, expired, older
 * than the absolute session lifetime, or revoked (sign-out and password changes bump the
 * account's sessionVersion).
 */
export async function viewerFromSessionToken(token: string, now = new Date()): Promise<TViewer | null> {
  // next-auth's own decoder: verifies the encryption and the expiry of the session token.
  const payload = await decode({ token, secret: getAuthSecret() }).catch(() => null);
  if (!payload?.sub || !isWithinAbsoluteLifetime(payload.signedInAt, now)) return null;
  return loadViewer(payload.sub, payload.sessionVersion ?? 0);
}

// The session cookie next-auth sets (with the __Secure- prefix on https), possibly split into
// .0, .1, … chunks when large. Reading it directly avoids running next-auth's whole session
// handler on every request (the autosave path is hot).
const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

async function readSessionToken(): Promise<string | null> {
  const store = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = store.get(name)?.value;
    if (whole) return whole;
    const chunks = store
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    if (chunks.length > 0) return chunks.map((c) => c.value).join("");
  }
  return null;
}

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
