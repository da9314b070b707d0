import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { notFoundError } from "@/lib/errors";
import { auditRow } from "./audit";

/** Makes a zone scheme the prefecture's default (dashboards and progress use it first). */
export async function setDefaultScheme(viewer: TViewer, schemeId: string): Promise<void> {
  assertRole(viewer, "prefecture");
  const scheme = await db.zoneScheme.findFirst({
    where: { id: schemeId, prefectureCode: viewer.prefectureCode },
    select: { id: true, name: true, isDefault: true },
  });
  if (!scheme) throw notFoundError("圏域の区分");
  if (scheme.isDefault) return;
  const previous = await db.zoneScheme.findFirst({
    where: { prefectureCode: viewer.prefectureCode, isDefault: true },
    select: { id: true, name: true },
  });
  await db.$transaction([
    db.zoneScheme.updateMany({
      where: { prefectureCode: viewer.prefectureCode, isDefault: true },
      data: { isDefault: false },
    }),
    db.zoneScheme.update({ where: { id: scheme.id }, data: { isDefault: true } }),
    db.auditEvent.createMany({
      data: [
        auditRow(viewer, {
          action: "zone_scheme.set_default",
          entityType: "zone_scheme",
          entityId: scheme.id,
          prefectureCode: viewer.prefectureCode,
          summary: `既定の圏域の区分を「${scheme.name}」にした${previous ? `（以前は「${previous.name}」）` : ""}`,
          before: { defaultScheme: previous?.name ?? null },
          after: { defaultScheme: scheme.name },
        }),
      ],
    }),
  ]);
}
