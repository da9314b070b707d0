import "server-only";
import { db } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { notFoundError } from "@/lib/errors";
import { hubScope, institutionScope, zoneScope } from "./scope";

export async function getOwnInstitution(viewer: TViewerOf<"institution">) {
  const institution = await db.institution.findFirst({
    where: { AND: [institutionScope(viewer), { id: viewer.institutionId }] },
    include: { municipality: { select: { name: true } }, prefecture: { select: { name: true } } },
  });
  if (!institution) throw notFoundError("医療機関");
  return institution;
}

export async function getOwnHub(viewer: TViewerOf<"hub">) {
  const hub = await db.hub.findFirst({
    where: { AND: [hubScope(viewer), { id: viewer.hubId }] },
    include: {
      prefecture: { select: { name: true } },
      zone: { include: { scheme: { select: { name: true } }, municipalities: { include: { municipality: { select: { name: true } } } } } },
    },
  });
  if (!hub) throw notFoundError("拠点");
  return hub;
}

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
