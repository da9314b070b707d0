import "server-only";
import { isSuspendedFor } from "@/lib/domain/suspension";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { cycleRespondentsWhere, emptyCounts, type TCycle, type TStatusCounts } from "./cycles";
import { municipalityScope, submissionScope, zoneScope } from "./scope";

import { type TResponseStatus } from "@/lib/aggregation/status";

// The cycle's progress per zone and municipality (split from review.ts), scoped by the viewer.

// ---- Progress per zone and municipality --------------------------------------------------------

export type TProgressRow = { key: string; name: string; counts: TStatusCounts };

function add(counts: TStatusCounts, status: TResponseStatus) {
  counts[status] += 1;
  counts.total += 1;
}

/**
 * Counts of not started / draft / submitted / returned / confirmed, per zone of one scheme (the
 * default unless `schemeId` names another) and per municipality. Hubs are counted by the zone they
 * cover; institutions by their municipality, and zones add up their municipalities.
 */
export async function getProgress(
  viewer: TViewer,
  cycle: Pick<TCycle, "id" | "kind" | "fiscalYear">,
  schemeId?: string,
) {
  const base = cycleRespondentsWhere(viewer, cycle);
  const schemes = await db.zoneScheme.findMany({
    where: { zones: { some: zoneScope(viewer) } },
    select: {
      id: true,
      name: true,
      isDefault: true,
      zones: {
        where: zoneScope(viewer),
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
        select: { id: true, name: true, municipalities: { select: { municipalityCode: true } } },
      },
    },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
  });
  const scheme = schemes.find((s) => s.id === schemeId) ?? schemes.find((s) => s.isDefault) ?? schemes[0] ?? null;
  const total = emptyCounts();

  if ("institution" in base) {
    const [institutions, submissions, municipalities] = await Promise.all([
      db.institution.findMany({
        where: base.institution,
        select: { id: true, municipalityCode: true, suspendedSince: true },
      }),
      db.submission.findMany({
        where: { AND: [submissionScope(viewer), { cycleId: cycle.id, institutionId: { not: null } }] },
        select: { institutionId: true, status: true },
      }),
      db.municipality.findMany({
        where: municipalityScope(viewer),
        select: { code: true, name: true },
        orderBy: { code: "asc" },
      }),
    ]);
    const statusBy = new Map(submissions.map((s) => [s.institutionId!, s.status]));
    const byMunicipality = new Map(
      municipalities.map((m) => [m.code, { key: m.code, name: m.name, counts: emptyCounts() }]),
    );
    for (const institution of institutions) {
      const row = byMunicipality.get(institution.municipalityCode);
      // 休院 on the cycle's 1 January and not started: outside 対象, counted apart (lib/domain/suspension).
      if (!statusBy.has(institution.id) && isSuspendedFor(institution, cycle.fiscalYear)) {
        total.suspended += 1;
        if (row) row.counts.suspended += 1;
        continue;
      }
      const status: TResponseStatus = statusBy.get(institution.id) ?? "NOT_STARTED";
      add(total, status);
      if (row) add(row.counts, status);
    }
    const byZone: TProgressRow[] = (scheme?.zones ?? []).map((zone) => {
      const counts = emptyCounts();
      for (const m of zone.municipalities) {
        const row = byMunicipality.get(m.municipalityCode);
        if (!row) continue;
        for (const key of Object.keys(counts) as (keyof TStatusCounts)[]) counts[key] += row.counts[key];
      }
      return { key: zone.id, name: zone.name, counts };
    });
    return {
      schemes: schemes.map((s) => ({ id: s.id, name: s.name, isDefault: s.isDefault })),
      schemeId: scheme?.id ?? null,
      byZone,
      byMunicipality: [...byMunicipality.values()].filter((m) => m.counts.total > 0),
      total,
    };
  }

  const hubs = await db.hub.findMany({
    where: base.hub,
    select: {
      zoneId: true,
      zone: { select: { name: true } },
      submissions: { where: { cycleId: cycle.id }, select: { status: true } },
    },
  });
  const byZone = new Map<string, TProgressRow>();
  for (const hub of hubs) {
    const status: TResponseStatus = hub.submissions[0]?.status ?? "NOT_STARTED";
    add(total, status);
    const row = byZone.get(hub.zoneId) ?? { key: hub.zoneId, name: hub.zone.name, counts: emptyCounts() };
    add(row.counts, status);
    byZone.set(hub.zoneId, row);
  }
  return { schemes: [], schemeId: null, byZone: [...byZone.values()], byMunicipality: [] as TProgressRow[], total };
}
