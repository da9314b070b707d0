import "server-only";
import type { Prisma } from "@/lib/db";
import { auditRow } from "./audit";
import { buildResult } from "@/lib/import/result";
import { validateZoneTable, type TZoneSchemeKind } from "@/lib/import";
import { issue } from "@/lib/import/issues";
import { ZONE_SCHEME_KIND_LABELS } from "@/lib/domain/labels";
import type { TZonesPreview } from "@/lib/prefecture/import-preview";
import { invalidPreview, previewBase, type TDb, type TImportHandler } from "./import-handler";
import { insertAuditRows } from "./bulk";

// 圏域 import. Schemes are matched by name within the prefecture (a new name is a new scheme),
// zones by code within their scheme; each scheme in the file gets exactly the file's zones and
// municipality memberships (replaced as a set). Zones of that scheme missing from the file are
// deleted — unless a hub or a council member uses them, which refuses the file (deleting would
// silently take a council's access away), or a council has records in them (協議の結果 stay
// with their zone: the database refuses to delete it). Schemes absent from the file are left alone.

type TExistingZone = {
  id: string;
  code: string;
  name: string;
  municipalityCodes: string[];
  hubs: string[];
  councilMembers: number;
  councilRecords: number;
};

type TPlannedZone = {
  code: string;
  name: string;
  sortOrder: number;
  municipalityCodes: string[];
  existing: TExistingZone | null;
  change: "new" | "renamed" | "members" | "unchanged";
};

export type TZonesPlan = {
  hasDefault: boolean;
  schemes: {
    name: string;
    kind: TZoneSchemeKind;
    existingId: string | null;
    zones: TPlannedZone[];
    removed: TExistingZone[];
  }[];
};

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

async function loadReference(client: TDb, prefectureCode: string) {
  const [municipalities, schemes] = await Promise.all([
    client.municipality.findMany({ where: { prefectureCode }, select: { code: true, name: true } }),
    client.zoneScheme.findMany({
      where: { prefectureCode },
      select: {
        id: true,
        name: true,
        kind: true,
        isDefault: true,
        zones: {
          select: {
            id: true,
            code: true,
            name: true,
            municipalities: { select: { municipalityCode: true } },
            hubs: { select: { name: true } },
            _count: { select: { councilUsers: true, councilRecords: true } },
          },
        },
      },
    }),
  ]);
  return { municipalities, schemes };
}

export const zonesHandler: TImportHandler<TZonesPlan> = {
  async check(client, context, { table, readWarnings }) {
    const { municipalities, schemes } = await loadReference(client, context.prefectureCode);
    const municipalityNames = new Map(municipalities.map((m) => [m.code, m.name]));
    const outcome = validateZoneTable(table, {
      prefectureCode: context.prefectureCode,
      knownMunicipalityCodes: new Set(municipalityNames.keys()),
      municipalityNames,
    });

    const plan: TZonesPlan = { hasDefault: schemes.some((s) => s.isDefault), schemes: [] };
    if (outcome.errors.length === 0) {
      for (const fileScheme of outcome.extra.schemes) {
        const existing = schemes.find((s) => s.name === fileScheme.name) ?? null;
        const existingZones: TExistingZone[] = (existing?.zones ?? []).map((z) => ({
          id: z.id,
          code: z.code,
          name: z.name,
          municipalityCodes: z.municipalities.map((m) => m.municipalityCode),
          hubs: z.hubs.map((h) => h.name),
          councilMembers: z._count.councilUsers,
          councilRecords: z._count.councilRecords,
        }));
        const zones = fileScheme.zones.map((zone, index): TPlannedZone => {
          const match = existingZones.find((z) => z.code === zone.code) ?? null;
          const change = !match
            ? "new"
            : match.name !== zone.name
              ? "renamed"
              : !sameSet(match.municipalityCodes, zone.municipalityCodes)
                ? "members"
                : "unchanged";
          return {
            code: zone.code,
            name: zone.name,
            sortOrder: index + 1,
            municipalityCodes: zone.municipalityCodes,
            existing: match,
            change,
          };
        });
        const removed = existingZones.filter((z) => !fileScheme.zones.some((f) => f.code === z.code));
        for (const zone of removed) {
          const users = [
            zone.hubs.length > 0
              ? `拠点「${zone.hubs.slice(0, 3).join("」「")}」${zone.hubs.length > 3 ? "ほか" : ""}`
              : null,
            zone.councilMembers > 0 ? `協議の場のアカウント ${zone.councilMembers}件` : null,
            zone.councilRecords > 0 ? `協議の場の記録 ${zone.councilRecords}件` : null,
          ].filter(Boolean);
          if (users.length > 0) {
            outcome.errors.push(
              issue(
                null,
                "inconsistent",
                `「${fileScheme.name}」の圏域「${zone.name}」（コード ${zone.code}）がファイルにありませんが、${users.join("と")}がこの圏域を使っているため削除できません。${
                  zone.councilRecords > 0
                    ? "協議の場の記録がある圏域は、ファイルに残してください。"
                    : "ファイルに残すか、先に拠点やアカウントの圏域を変更してください。"
                }`,
              ),
            );
          }
        }
        plan.schemes.push({
          name: fileScheme.name,
          kind: fileScheme.kind,
          existingId: existing?.id ?? null,
          zones,
          removed,
        });
      }
    }
    const result = buildResult(table, readWarnings, outcome);
    if (!result.ok) return { preview: invalidPreview(result), plan: null };

    const muni = (code: string) => municipalityNames.get(code) ?? code;
    const all = plan.schemes.flatMap((s) => s.zones);
    const details: TZonesPreview = {
      kind: "ZONES",
      schemes: plan.schemes.map((s) => ({
        name: s.name,
        kindLabel: ZONE_SCHEME_KIND_LABELS[s.kind],
        isNew: s.existingId === null,
        zones: s.zones.map((z) => ({
          code: z.code,
          name: z.name,
          change: z.change,
          ...(z.change === "renamed" && z.existing ? { previousName: z.existing.name } : {}),
          municipalities: z.municipalityCodes.map(muni),
        })),
        removedZones: s.removed.map((z) => ({ code: z.code, name: z.name })),
      })),
      counts: {
        schemesNew: plan.schemes.filter((s) => s.existingId === null).length,
        zonesNew: all.filter((z) => z.change === "new").length,
        zonesChanged: all.filter((z) => z.change === "renamed" || z.change === "members").length,
        zonesUnchanged: all.filter((z) => z.change === "unchanged").length,
        zonesRemoved: plan.schemes.reduce((n, s) => n + s.removed.length, 0),
      },
    };
    return { preview: { ...previewBase(result), ok: true, details }, plan };
  },

  async apply(tx, context, plan, _options, actor, progress) {
    const prefectureCode = context.prefectureCode;
    const audits: Prisma.AuditEventCreateManyInput[] = [];
    let hasDefault = plan.hasDefault;
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let deleted = 0;
    const total = plan.schemes.length;

    for (const [index, scheme] of plan.schemes.entries()) {
      let schemeId = scheme.existingId;
      if (!schemeId) {
        const row = await tx.zoneScheme.create({
          data: { prefectureCode, name: scheme.name, kind: scheme.kind, isDefault: !hasDefault },
          select: { id: true },
        });
        schemeId = row.id;
        audits.push(
          auditRow(actor, {
            action: "zone_scheme.create",
            entityType: "zone_scheme",
            entityId: schemeId,
            prefectureCode,
            summary: `圏域の区分「${scheme.name}」を作成${!hasDefault ? "（既定の区分）" : ""}`,
            after: { name: scheme.name, kind: scheme.kind, isDefault: !hasDefault },
          }),
        );
        hasDefault = true;
      }

      if (scheme.removed.length > 0) {
        await tx.zone.deleteMany({ where: { id: { in: scheme.removed.map((z) => z.id) }, schemeId } });
        for (const zone of scheme.removed) {
          deleted += 1;
          audits.push(
            auditRow(actor, {
              action: "zone.delete",
              entityType: "zone",
              entityId: zone.id,
              prefectureCode,
              summary: `「${scheme.name}」の圏域「${zone.name}」を削除（取込ファイルにないため）`,
              before: { code: zone.code, name: zone.name, municipalityCodes: zone.municipalityCodes },
            }),
          );
        }
      }

      // Renames go through a temporary name, so two zones may swap names within one file.
      const kept = scheme.zones.filter((z): z is TPlannedZone & { existing: TExistingZone } => z.existing !== null);
      const renamed = kept.filter((z) => z.change === "renamed");
      for (const zone of renamed)
        await tx.zone.update({ where: { id: zone.existing.id }, data: { name: `__renaming_${zone.existing.id}` } });
      for (const zone of kept) {
        await tx.zone.update({ where: { id: zone.existing.id }, data: { name: zone.name, sortOrder: zone.sortOrder } });
      }
      const fresh = scheme.zones.filter((z) => z.existing === null);
      const createdZones = fresh.length
        ? await tx.zone.createManyAndReturn({
            data: fresh.map((z) => ({ schemeId: schemeId!, code: z.code, name: z.name, sortOrder: z.sortOrder })),
            select: { id: true, code: true },
          })
        : [];
      const idOf = new Map([
        ...kept.map((z) => [z.code, z.existing.id] as const),
        ...createdZones.map((z) => [z.code, z.id] as const),
      ]);

      await tx.zoneMunicipality.deleteMany({ where: { schemeId } });
      await tx.zoneMunicipality.createMany({
        data: scheme.zones.flatMap((z) =>
          z.municipalityCodes.map((code) => ({
            zoneId: idOf.get(z.code)!,
            municipalityCode: code,
            schemeId: schemeId!,
          })),
        ),
      });

      for (const zone of scheme.zones) {
        if (zone.change === "unchanged") {
          unchanged += 1;
          continue;
        }
        if (zone.change === "new") created += 1;
        else updated += 1;
        audits.push(
          auditRow(actor, {
            action: zone.change === "new" ? "zone.create" : "zone.update",
            entityType: "zone",
            entityId: idOf.get(zone.code)!,
            prefectureCode,
            summary: `「${scheme.name}」の圏域「${zone.name}」を${zone.change === "new" ? "作成" : "更新"}`,
            before: zone.existing
              ? { name: zone.existing.name, municipalityCodes: [...zone.existing.municipalityCodes].sort() }
              : null,
            after: { code: zone.code, name: zone.name, municipalityCodes: [...zone.municipalityCodes].sort() },
          }),
        );
      }
      progress("書き込み", index + 1, total);
    }

    const outcome = { created, updated, unchanged, deleted };
    audits.push(
      auditRow(actor, {
        action: "zones.import",
        entityType: "import_job",
        entityId: context.jobId ?? context.fileSha256,
        prefectureCode,
        summary: `圏域を取り込み: 新規 ${created}件、更新 ${updated}件、変更なし ${unchanged}件、削除 ${deleted}件`,
        after: {
          fileName: context.fileName,
          fileSha256: context.fileSha256,
          schemes: plan.schemes.map((s) => s.name),
          ...outcome,
        },
      }),
    );
    await insertAuditRows(tx, audits);
    return outcome;
  },
};
