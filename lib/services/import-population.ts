import "server-only";
import { Prisma } from "@/lib/db";
import { auditRow } from "./audit";
import { buildResult } from "@/lib/import/result";
import { validatePopulationTable, type TPopulationRow } from "@/lib/import";
import { PREVIEW_LIST_LIMIT, type TPopulationPreview } from "@/lib/prefecture/import-preview";
import type { TSnapshot } from "@/lib/audit/diff";
import { invalidPreview, shown, type TImportHandler, plannedCheck, refusedWhole } from "./import-handler";
import { bulkUpdate, insertAuditRows } from "./bulk";

// 人口 import: one row per municipality (総人口, 65歳以上, 75歳以上, 出典, 基準年), keyed by
// 市区町村コード. Municipalities not in the file keep their figures.

const FIELDS = {
  populationTotal: "総人口",
  population65: "65歳以上人口",
  population75: "75歳以上人口",
  populationSource: "出典",
  populationYear: "基準年",
} as const;
type TField = keyof typeof FIELDS;

type TUpdate = { row: TPopulationRow; name: string; before: TSnapshot; after: TSnapshot };
export type TPopulationPlan = { updates: TUpdate[]; unchanged: number };

const valuesOf = (row: TPopulationRow): Record<TField, string | number> => ({
  populationTotal: row.total,
  population65: row.aged65,
  population75: row.aged75,
  populationSource: row.source,
  populationYear: row.year,
});

export const populationHandler: TImportHandler<TPopulationPlan> = {
  async check(client, context, { table, readWarnings }) {
    const municipalities = await client.municipality.findMany({
      where: { prefectureCode: context.prefectureCode },
      select: {
        code: true,
        name: true,
        populationTotal: true,
        population65: true,
        population75: true,
        populationSource: true,
        populationYear: true,
      },
    });
    const byCode = new Map(municipalities.map((m) => [m.code, m]));
    const outcome = validatePopulationTable(table, {
      prefectureCode: context.prefectureCode,
      knownMunicipalityCodes: new Set(byCode.keys()),
      municipalityNames: new Map(municipalities.map((m) => [m.code, m.name])),
    });
    const result = buildResult(table, readWarnings, outcome);
    if (refusedWhole(result)) return { preview: invalidPreview(result), plan: null };

    const plan: TPopulationPlan = { updates: [], unchanged: 0 };
    for (const row of result.rows) {
      const current = byCode.get(row.municipalityCode)!;
      const next = valuesOf(row);
      const before: TSnapshot = {};
      const after: TSnapshot = {};
      for (const field of Object.keys(FIELDS) as TField[]) {
        if (current[field] !== next[field]) {
          before[field] = current[field];
          after[field] = next[field];
        }
      }
      if (Object.keys(after).length === 0) plan.unchanged += 1;
      else plan.updates.push({ row, name: current.name, before, after });
    }
    const details: TPopulationPreview = {
      kind: "POPULATION",
      updates: plan.updates.slice(0, PREVIEW_LIST_LIMIT).map((u) => ({
        line: u.row.line,
        code: u.row.municipalityCode,
        name: u.name,
        changes: Object.keys(u.after).map((field) => ({
          field,
          label: FIELDS[field as TField],
          before: shown(u.before[field] as string | number | null),
          after: shown(u.after[field] as string | number | null),
        })),
      })),
      unchanged: plan.unchanged,
      counts: { updates: plan.updates.length, unchanged: plan.unchanged },
    };
    return plannedCheck({ table, readWarnings }, result, details, plan);
  },

  async apply(tx, context, plan, _options, actor, progress) {
    const prefectureCode = context.prefectureCode;
    const updated = await bulkUpdate(
      tx,
      "Municipality",
      [
        ["code", "text"],
        ["populationTotal", "int"],
        ["population65", "int"],
        ["population75", "int"],
        ["populationSource", "text"],
        ["populationYear", "int"],
      ],
      plan.updates.map((u) => [
        u.row.municipalityCode,
        u.row.total,
        u.row.aged65,
        u.row.aged75,
        u.row.source,
        u.row.year,
      ]),
      { where: Prisma.sql`t."prefectureCode" = ${prefectureCode}` },
    );
    progress("書き込み", updated, plan.updates.length);
    const outcome = { created: 0, updated: plan.updates.length, unchanged: plan.unchanged };
    await insertAuditRows(tx, [
      ...plan.updates.map((u) =>
        auditRow(actor, {
          action: "municipality.update_population",
          entityType: "municipality",
          entityId: u.row.municipalityCode,
          prefectureCode,
          summary: `${u.name}の人口を更新（${u.row.source}）`,
          before: u.before,
          after: u.after,
        }),
      ),
      auditRow(actor, {
        action: "population.import",
        entityType: "import_job",
        entityId: context.jobId ?? context.fileSha256,
        prefectureCode,
        summary: `人口を取り込み: 更新 ${outcome.updated}件、変更なし ${outcome.unchanged}件`,
        after: { fileName: context.fileName, fileSha256: context.fileSha256, ...outcome },
      }),
    ]);
    return outcome;
  },
};
