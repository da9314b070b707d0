import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { notFoundError } from "@/lib/errors";
import { hubScope, zoneScope } from "./scope";
import { managedUserWhere } from "./accounts";

// What the prefecture may choose when it creates a council member's or a hub's account, or
// changes a council member's zones: only zones of its own schemes and its own active hubs.

export type TZoneChoice = { id: string; name: string; schemeName: string };

/** The prefecture's zones (default scheme first) and active hubs, for the account forms. */
export async function accountFormOptions(viewer: TViewer) {
  assertRole(viewer, "prefecture");
  const [zones, hubs] = await Promise.all([
    db.zone.findMany({
      where: zoneScope(viewer),
      select: { id: true, name: true, scheme: { select: { name: true, isDefault: true } } },
      orderBy: [{ scheme: { isDefault: "desc" } }, { scheme: { name: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
    }),
    db.hub.findMany({
      where: { AND: [hubScope(viewer), { isActive: true }] },
      select: { id: true, name: true, zone: { select: { name: true } } },
      orderBy: { name: "asc" },
    }),
  ]);
  return {
    zones: zones.map((z): TZoneChoice => ({ id: z.id, name: z.name, schemeName: z.scheme.name })),
    hubs: hubs.map((h) => ({ id: h.id, name: h.name, zoneName: h.zone.name })),
  };
}

/** One managed account with what its page shows (zones of a council member), or a Japanese 404. */
export async function findManagedAccountDetail(viewer: TViewer, userId: string) {
  assertRole(viewer, "prefecture");
  const user = await db.user.findFirst({
    where: { AND: [managedUserWhere(viewer), { id: userId }] },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isActive: true,
      passwordHash: true,
      lastLoginAt: true,
      createdAt: true,
      institution: { select: { id: true, code: true, name: true } },
      hub: { select: { id: true, name: true } },
      zones: {
        select: { zone: { select: { id: true, name: true, scheme: { select: { name: true } } } } },
        orderBy: { zone: { name: "asc" } },
      },
    },
  });
  if (!user) throw notFoundError("アカウント");
  const { passwordHash, zones, ...rest } = user;
  return {
    ...rest,
    hasPassword: passwordHash !== null,
    zones: zones.map((z): TZoneChoice => ({ id: z.zone.id, name: z.zone.name, schemeName: z.zone.scheme.name })),
  };
}

/** The zones of the given ids that the viewer may assign; throws a 404 naming none if any is not. */
export async function ownZonesOrNotFound(viewer: TViewer, zoneIds: readonly string[]): Promise<TZoneChoice[]> {
  const unique = [...new Set(zoneIds)];
  const zones = await db.zone.findMany({
    where: { AND: [zoneScope(viewer), { id: { in: unique } }] },
    select: { id: true, name: true, scheme: { select: { name: true } } },
    orderBy: { name: "asc" },
  });
  if (zones.length !== unique.length) throw notFoundError("選んだ圏域");
  return zones.map((z) => ({ id: z.id, name: z.name, schemeName: z.scheme.name }));
}
