import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { AppError, notFoundError } from "@/lib/errors";
import type { CouncilRecordStatus } from "@/lib/generated/prisma/enums";
import type { TSnapshot } from "@/lib/audit/diff";
import { auditRow } from "./audit";
import { recordLabel, writableRecord } from "./council-records";

// Deleting a 課題 or 対応策 entered by mistake (docs/decisions/0018-council-records.md). Same
// writers and scope as the edits. Only while the record is 作成中: what the council agreed (合意済)
// or published (公表) stays as agreed. To correct it, the record is first set back to 作成中 —
// itself audited (council_record.draft) and, for a published record, taking it off the public
// page — so a deletion never changes an agreed record silently. The audit row keeps the deleted
// row's fields as `before`.

type TWhat = "課題" | "対応策";
type TTx = Prisma.TransactionClient;

/** The 409 for a record that is no longer 作成中, saying how to get there. */
function notDraftError(status: CouncilRecordStatus, what: TWhat): AppError {
  const state = status === "PUBLISHED" ? "公表中" : "合意済";
  const after = status === "PUBLISHED" ? "（公表ページからも外れます）" : "";
  return new AppError(
    "CONFLICT",
    `${state}の記録の${what}は削除できません。削除するには、先に「記録の状態」を「作成中」に戻して保存してください${after}。`,
  );
}

/**
 * Deletes the row only if its record is still 作成中 at this instant (a status change committed
 * meanwhile is seen by the conditional delete); nothing deleted is then a 409 or, if the row went
 * meanwhile, a 404.
 */
async function deleteWhileDraft(
  tx: TTx,
  recordId: string,
  what: TWhat,
  remove: (draft: Prisma.CouncilRecordWhereInput) => Promise<{ count: number }>,
): Promise<void> {
  const { count } = await remove({ status: "DRAFT" });
  if (count === 1) return;
  const record = await tx.councilRecord.findUnique({ where: { id: recordId }, select: { status: true } });
  if (record && record.status !== "DRAFT") throw notDraftError(record.status, what);
  throw notFoundError(what);
}

/** A row's fields as audit JSON: instants as ISO text, bookkeeping columns left out. */
function snapshotOf(row: Record<string, unknown>): TSnapshot {
  const skip = new Set(["id", "recordId", "sortOrder", "createdAt", "updatedAt"]);
  return Object.fromEntries(
    Object.entries(row)
      .filter(([key]) => !skip.has(key))
      .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : (value as TSnapshot[string])]),
  );
}

/**
 * Deletes a 課題 of a 作成中 record. Its measures stay, without a 課題 (the schema's SetNull);
 * each of them gets its own audit row for the cleared link.
 */
export async function deleteCouncilIssue(viewer: TViewer, recordId: string, issueId: string) {
  const { writer, record } = await writableRecord(viewer, recordId);
  const issue = await db.councilIssue.findFirst({ where: { id: issueId, recordId: record.id } });
  if (!issue) throw notFoundError("課題");
  if (record.status !== "DRAFT") throw notDraftError(record.status, "課題");
  const label = recordLabel(record.zone.name, record.fiscalYear);
  return db.$transaction(async (tx) => {
    const detached = await tx.councilMeasure.findMany({
      where: { issueId: issue.id },
      select: { id: true, title: true },
      orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }],
    });
    await deleteWhileDraft(tx, record.id, "課題", (draft) =>
      tx.councilIssue.deleteMany({ where: { id: issue.id, record: draft } }),
    );
    const note = detached.length > 0 ? `（対応策${detached.length}件は課題なしで残る）` : "";
    await tx.auditEvent.createMany({
      data: [
        auditRow(writer, {
          action: "council_issue.delete",
          entityType: "council_issue",
          entityId: issue.id,
          prefectureCode: record.prefectureCode,
          summary: `${label} の課題「${issue.title}」を削除${note}`,
          before: { ...snapshotOf(issue), detachedMeasures: detached.map((m) => m.title) },
          after: null,
        }),
        ...detached.map((m) =>
          auditRow(writer, {
            action: "council_measure.update",
            entityType: "council_measure",
            entityId: m.id,
            prefectureCode: record.prefectureCode,
            summary: `${label} の課題「${issue.title}」の削除により、対応策「${m.title}」の課題を解除`,
            before: { issueId: issue.id },
            after: { issueId: null },
          }),
        ),
      ],
    });
    return { id: issue.id, detachedMeasures: detached.length };
  });
}

/** Deletes a 対応策 of a 作成中 record, with its frozen baseline (kept in the audit row). */
export async function deleteCouncilMeasure(viewer: TViewer, recordId: string, measureId: string) {
  const { writer, record } = await writableRecord(viewer, recordId);
  const measure = await db.councilMeasure.findFirst({ where: { id: measureId, recordId: record.id } });
  if (!measure) throw notFoundError("対応策");
  if (record.status !== "DRAFT") throw notDraftError(record.status, "対応策");
  return db.$transaction(async (tx) => {
    await deleteWhileDraft(tx, record.id, "対応策", (draft) =>
      tx.councilMeasure.deleteMany({ where: { id: measure.id, record: draft } }),
    );
    await tx.auditEvent.createMany({
      data: [
        auditRow(writer, {
          action: "council_measure.delete",
          entityType: "council_measure",
          entityId: measure.id,
          prefectureCode: record.prefectureCode,
          summary: `${recordLabel(record.zone.name, record.fiscalYear)} の対応策「${measure.title}」を削除`,
          before: snapshotOf(measure),
          after: null,
        }),
      ],
    });
    return { id: measure.id };
  });
}
