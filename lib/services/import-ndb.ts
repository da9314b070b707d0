import "server-only";
import { Prisma } from "@/lib/db";
import { auditRow } from "./audit";
import { buildResult } from "@/lib/import/result";
import { validateNdbTable, type TNdbRow } from "@/lib/import";
import { PREVIEW_LIST_LIMIT, type TNdbPreview } from "@/lib/prefecture/import-preview";
import { invalidPreview, type TImportHandler, plannedCheck, refusedWhole } from "./import-handler";
import { bulkInsert, insertAuditRows, NOW_UTC } from "./bulk";

// NDB プレプリント値 for one cycle: upserted into NdbPrefill by (cycle, institution, item key).
// They are kept apart from the respondents' answers (the form shows both), so re-importing never
// touches what a respondent typed. Values absent from the file stay as they are. Rows for
// institutions not on the roster are left out with a warning (lib/import/ndb.ts).

type TWrite = { row: TNdbRow; institutionId: string; name: string; before: number | null };
export type TNdbPlan = { writes: TWrite[]; creates: number; updates: number; unchanged: number; skipped: number };

export const ndbHandler: TImportHandler<TNdbPlan> = {
  async check(client, context, { table, readWarnings }) {
    const cycle = context.cycle!;
    const institutions = await client.institution.findMany({
      where: { prefectureCode: context.prefectureCode, isActive: true },
      select: { id: true, code: true, name: true },
    });
    const byCode = new Map(institutions.map((i) => [i.code, i]));
    const outcome = validateNdbTable(table, {
      prefectureCode: context.prefectureCode,
      definition: cycle.definition,
      knownInstitutionCodes: new Set(byCode.keys()),
    });
    const result = buildResult(table, readWarnings, outcome);
    if (refusedWhole(result)) return { preview: invalidPreview(result), plan: null };

    const existing = await client.ndbPrefill.findMany({
      where: { cycleId: cycle.id },
      select: { institutionId: true, itemKey: true, value: true },
    });
    const current = new Map(existing.map((e) => [`${e.institutionId}\u0000${e.itemKey}`, e.value]));
    const plan: TNdbPlan = {
      writes: [],
      creates: 0,
      updates: 0,
      unchanged: 0,
      skipped: result.skippedUnknownInstitutions,
    };
    for (const row of result.rows) {
      const institution = byCode.get(row.institutionCode)!;
      const before = current.get(`${institution.id}\u0000${row.itemKey}`);
      if (before === row.value) {
        plan.unchanged += 1;
        continue;
      }
      if (before === undefined) plan.creates += 1;
      else plan.updates += 1;
      plan.writes.push({ row, institutionId: institution.id, name: institution.name, before: before ?? null });
    }
    const details: TNdbPreview = {
      kind: "NDB",
      cycleLabel: cycle.label,
      counts: {
        creates: plan.creates,
        updates: plan.updates,
        unchanged: plan.unchanged,
        institutions: new Set(result.rows.map((r) => r.institutionCode)).size,
        skipped: plan.skipped,
      },
      updates: plan.writes
        .filter((w) => w.before !== null)
        .slice(0, PREVIEW_LIST_LIMIT)
        .map((w) => ({
          line: w.row.line,
          code: w.row.institutionCode,
          name: w.name,
          itemKey: w.row.itemKey,
          before: w.before!,
          after: w.row.value,
        })),
    };
    return plannedCheck({ table, readWarnings }, result, details, plan);
  },

  async apply(tx, context, plan, _options, actor, progress) {
    const cycle = context.cycle!;
    await bulkInsert(
      tx,
      "NdbPrefill",
      [
        ["cycleId", "text"],
        ["institutionId", "text"],
        ["itemKey", "text"],
        ["value", "int"],
      ],
      plan.writes.map((w) => [cycle.id, w.institutionId, w.row.itemKey, w.row.value]),
      {
        constants: { importedAt: NOW_UTC },
        onConflict: Prisma.sql`ON CONFLICT ("cycleId", "institutionId", "itemKey") DO UPDATE SET "value" = EXCLUDED."value", "importedAt" = EXCLUDED."importedAt"`,
      },
    );
    progress("書き込み", plan.writes.length, plan.writes.length);
    const outcome = { created: plan.creates, updated: plan.updates, unchanged: plan.unchanged, skipped: plan.skipped };
    // One event for the whole file: the values are statistics, not anyone's answers, and a file
    // holds tens of thousands of them. The file's hash identifies exactly what was loaded.
    await insertAuditRows(tx, [
      auditRow(actor, {
        action: "ndb.import",
        entityType: "reporting_cycle",
        entityId: cycle.id,
        prefectureCode: context.prefectureCode,
        summary: `NDBプレプリント値を取り込み（${cycle.label}）: 新規 ${outcome.created}件、更新 ${outcome.updated}件、変更なし ${outcome.unchanged}件`,
        after: { jobId: context.jobId, fileName: context.fileName, fileSha256: context.fileSha256, ...outcome },
      }),
    ]);
    return outcome;
  },
};
