import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { municipalityScope, zoneScope } from "./scope";

/** The viewer's zone schemes (default first), each with its zones and their municipalities. */
export async function listZoneSchemes(viewer: TViewer) {
  const zones = await db.zone.findMany({
    where: zoneScope(viewer),
    select: {
      id: true,
      code: true,
      name: true,
      sortOrder: true,
      scheme: { select: { id: true, name: true, kind: true, isDefault: true } },
      municipalities: {
        select: { municipality: { select: { code: true, name: true } } },
        orderBy: { municipalityCode: "asc" },
      },
      _count: { select: { hubs: true, councilUsers: true } },
    },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  const schemes = new Map<
    string,
    {
      id: string;
      name: string;
      kind: (typeof zones)[number]["scheme"]["kind"];
      isDefault: boolean;
      zones: typeof zones;
    }
  >();
  for (const zone of zones) {
    const scheme = schemes.get(zone.scheme.id) ?? { ...zone.scheme, zones: [] };
    scheme.zones.push(zone);
    schemes.set(zone.scheme.id, scheme);
  }
  return [...schemes.values()].sort(
    (a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name, "ja"),
  );
}

/** The viewer's municipalities with their population figures. */
export async function listMunicipalities(viewer: TViewer) {
  return db.municipality.findMany({
    where: municipalityScope(viewer),
    select: {
      code: true,
      name: true,
      populationTotal: true,
      population65: true,
      population75: true,
      populationSource: true,
      populationYear: true,
      _count: { select: { institutions: { where: { isActive: true } } } },
    },
    orderBy: { code: "asc" },
  });
}
