import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TJson } from "@/lib/audit/diff";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError } from "@/lib/errors";
import { auditRow } from "./audit";
import { findCycle } from "@/lib/data/cycles";
import { flaggedSubmittedOfWhere, respondentsWhere, unflaggedSubmittedOfWhere } from "@/lib/data/review";
import { assertNoUnresolvedQueries } from "./item-queries";
import { NO_FLAGS, REVIEW_FLAG_KINDS, type TBulkConfirmResult } from "@/lib/prefecture/review-flags";
import { ZRespondentFilter } from "@/lib/prefecture/filters";
import { insertAuditRows } from "./bulk";
import { kickMailDispatch, queueSubmissionNotices } from "./mail-outbox";
import { recountForSubmissions } from "./counters";
import { flattenParams } from "@/lib/search-params";
import { FORBIDDEN_CHARACTERS_MESSAGE, hasForbiddenCharacters } from "@/lib/domain/text";
import { parseInput } from "./input";
import { findOfficerSubmission } from "@/lib/data/review-submission";

// 体制の有無の確認: the prefecture marks a submitted report 確認済み, or returns it (差戻し) with a
// comment the respondent reads. Each action names the revision the officer looked at, so a report
// re-submitted in the meantime is not confirmed unseen.

const MAX_COMMENT = 2000;

export const ZConfirm = z.object({
  revision: z.int().min(1),
  comment: z
    .string()
    .trim()
    .max(MAX_COMMENT, { error: `コメントは${MAX_COMMENT}文字以内で入力してください。` })
    .refine((v) => !hasForbiddenCharacters(v), { error: FORBIDDEN_CHARACTERS_MESSAGE })
    .optional()
    .transform((v) => (v ? v : null)),
});

export const ZReturn = z.object({
  revision: z.int().min(1),
  comment: z
    .string({ error: "差戻しの理由を入力してください。" })
    .trim()
    .min(1, { error: "差戻しの理由を入力してください（回答者に表示されます）。" })
    .max(MAX_COMMENT, { error: `コメントは${MAX_COMMENT}文字以内で入力してください。` })
    .refine((v) => !hasForbiddenCharacters(v), { error: FORBIDDEN_CHARACTERS_MESSAGE }),
});

function asOfficer(viewer: TViewer): TViewerOf<"prefecture"> {
  assertRole(viewer, "prefecture");
  return viewer;
}

async function review(
  viewer: TViewer,
  submissionId: string,
  to: "CONFIRMED" | "RETURNED",
  from: ("SUBMITTED" | "CONFIRMED")[],
  input: { revision: number; comment: string | null },
) {
  const officer = asOfficer(viewer);
  const submission = await findOfficerSubmission(officer, submissionId);
  if (submission.revision !== input.revision) {
    throw new AppError(
      "CONFLICT",
      `この報告は更新されています（現在は第${submission.revision}版）。画面を再読み込みして内容を確認してください。`,
    );
  }
  if (!from.includes(submission.status as "SUBMITTED" | "CONFIRMED")) {
    throw new AppError(
      "CONFLICT",
      to === "CONFIRMED" ? "提出済の報告だけを確認済みにできます。" : "提出済または確認済の報告だけを差し戻せます。",
    );
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    // 照会 not yet closed: the officer settles them first (issue 16).
    if (to === "CONFIRMED") await assertNoUnresolvedQueries(tx, submission.id);
    const updated = await tx.submission.updateMany({
      where: { id: submission.id, status: submission.status, revision: input.revision },
      data: { status: to, reviewedAt: now, reviewedById: officer.userId, reviewComment: input.comment },
    });
    if (updated.count === 0)
      throw new AppError("CONFLICT", "この報告はほかの操作で更新されました。画面を再読み込みしてください。");
    await tx.auditEvent.createMany({
      data: [
        auditRow(officer, {
          action: to === "CONFIRMED" ? "submission.confirm" : "submission.return",
          entityType: "submission",
          entityId: submission.id,
          prefectureCode: submission.prefectureCode,
          summary: `${submission.name} の報告（第${input.revision}版）を${to === "CONFIRMED" ? "確認済みにした" : "差し戻した"}`,
          before: { status: submission.status, reviewComment: submission.reviewComment },
          after: { status: to, reviewComment: input.comment },
        }),
      ],
    });
    // The report moves between status cells: its municipality is recounted in this transaction.
    await recountForSubmissions(tx, [submission.id]);
    // The respondent's notice (with the comment) is queued with the decision, or not at all.
    await queueSubmissionNotices(tx, to, [submission.id], officer.userId);
  });
  await kickMailDispatch();
}

/** 確認済み, optionally with a note the respondent sees. */
export async function confirmSubmission(viewer: TViewer, submissionId: string, input: unknown): Promise<void> {
  return review(viewer, submissionId, "CONFIRMED", ["SUBMITTED"], parseInput(ZConfirm, input));
}

/** 差戻し with the reason, shown to the respondent, who corrects and submits again. */
export async function returnSubmission(viewer: TViewer, submissionId: string, input: unknown): Promise<void> {
  return review(viewer, submissionId, "RETURNED", ["SUBMITTED", "CONFIRMED"], parseInput(ZReturn, input));
}

/**
 * Confirms every 提出済 report among the respondents matching the filter (the list's own filter,
 * status included) that carries no review flag (outliers, unresolved 照会, soft-rule warnings
 * without an explanation or year over year; an acknowledged outlier or 前年比大 is none). Reports in any other
 * state, and flagged ones, are left as they are and counted by reason.
 */
export async function bulkConfirm(viewer: TViewer, cycleId: string, rawFilter: unknown): Promise<TBulkConfirmResult> {
  const officer = asOfficer(viewer);
  const cycle = await findCycle(officer, cycleId);
  const params = rawFilter && typeof rawFilter === "object" ? (rawFilter as Record<string, string>) : {};
  const filter = ZRespondentFilter.parse(flattenParams(params));
  const where = await respondentsWhere(officer, cycle, filter);
  const matchingRespondents =
    "institution" in where
      ? await db.institution.count({ where: where.institution })
      : await db.hub.count({ where: where.hub });
  const now = new Date();
  // What the flags keep out, counted per kind (a report with two kinds counts under both).
  const flagged = { ...NO_FLAGS };
  for (const kind of REVIEW_FLAG_KINDS)
    flagged[kind] = await db.submission.count({ where: flaggedSubmittedOfWhere(cycle.id, where, kind) });
  const flaggedReports = await db.submission.count({ where: flaggedSubmittedOfWhere(cycle.id, where, "any") });

  const confirmed = await db.$transaction(async (tx) => {
    const candidates = await tx.submission.findMany({
      where: unflaggedSubmittedOfWhere(cycle.id, where),
      select: { id: true, institution: { select: { name: true } }, hub: { select: { name: true } } },
    });
    if (candidates.length === 0) return [];
    // A query asked, a flagged warning submitted or an acknowledgement undone meanwhile still
    // keeps its report out: the guard is in the UPDATE itself, in flagWhere's terms (an
    // acknowledged outlier or 前年比大 is no flag; lib/data/review-flags.ts).
    const rows = await tx.$queryRaw<{ id: string; revision: number }[]>`
      UPDATE "Submission" SET "status" = 'CONFIRMED', "reviewedAt" = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'),
        "reviewedById" = ${officer.userId}, "reviewComment" = NULL, "updatedAt" = (now() AT TIME ZONE 'UTC')
      WHERE "id" = ANY(${candidates.map((c) => c.id)}::text[]) AND "status" = 'SUBMITTED' AND "cycleId" = ${cycle.id}
        AND NOT EXISTS (SELECT 1 FROM "ItemQuery" q WHERE q."submissionId" = "Submission"."id" AND q."status" IN ('OPEN', 'ANSWERED'))
        AND NOT EXISTS (SELECT 1 FROM "OutlierFlag" f WHERE f."submissionId" = "Submission"."id" AND NOT f."acknowledged")
        AND NOT (COALESCE("softWarnings"->'warnings', '[]'::jsonb) @> '[{"explanation": null}]'::jsonb
          OR (COALESCE("softWarnings"->'warnings', '[]'::jsonb) @> '[{"kind": "change"}]'::jsonb
            AND "bigChangeAckRevision" <> "revision"))
      RETURNING "id", "revision"`;
    const names = new Map(candidates.map((c) => [c.id, c.institution?.name ?? c.hub?.name ?? ""]));
    await insertAuditRows(tx, [
      ...rows.map((row) =>
        auditRow(officer, {
          action: "submission.confirm",
          entityType: "submission",
          entityId: row.id,
          prefectureCode: cycle.prefectureCode,
          summary: `${names.get(row.id)} の報告（第${row.revision}版）を一括で確認済みにした`,
          before: { status: "SUBMITTED" },
          after: { status: "CONFIRMED" },
        }),
      ),
      auditRow(officer, {
        action: "submissions.bulk_confirm",
        entityType: "reporting_cycle",
        entityId: cycle.id,
        prefectureCode: cycle.prefectureCode,
        summary: `${cycle.title}: 提出済の報告 ${rows.length}件を一括で確認済みにした${flaggedReports > 0 ? `（目印のある ${flaggedReports}件は除外）` : ""}`,
        after: {
          confirmed: rows.length,
          leftOutFlagged: flaggedReports,
          filter: JSON.parse(JSON.stringify({ ...filter, page: undefined })) as TJson,
        },
      }),
    ]);
    // Only the municipalities of the confirmed reports change; recounted in this transaction.
    await recountForSubmissions(
      tx,
      rows.map((row) => row.id),
    );
    await queueSubmissionNotices(
      tx,
      "CONFIRMED",
      rows.map((row) => row.id),
      officer.userId,
    );
    return rows;
  });
  if (confirmed.length > 0) await kickMailDispatch();
  return {
    confirmed: confirmed.length,
    notSubmitted: matchingRespondents - confirmed.length - flaggedReports,
    flagged,
    flaggedReports,
  };
}
