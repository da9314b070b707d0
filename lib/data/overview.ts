import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { institutionScope, zoneScope } from "./scope";

/** Zones visible to the viewer, with their municipalities (council: only its own zones). */
export async function listVisibleZones(viewer: TViewer) {
  return db.zone.findMany({
    where: zoneScope(viewer),
    orderBy: [{ scheme: { name: "asc" } }, { sortOrder: "asc" }],
    include: {
      scheme: { select: { name: true, prefectureCode: true } },
      municipalities: {
        include: { municipality: { select: { code: true, name: true, populationTotal: true, population65: true } } },
        orderBy: { municipalityCode: "asc" },
      },
    },
  });
}

export async function countInstitutions(viewer: TViewer) {
  const rows = await db.institution.groupBy({
    by: ["kind"],
    where: { AND: [institutionScope(viewer), { isActive: true }] },
    _count: { _all: true },
  });
  return {
    hospitals: rows.find((r) => r.kind === "HOSPITAL")?._count._all ?? 0,
    clinics: rows.find((r) => r.kind === "CLINIC")?._count._all ?? 0,
  };
}
