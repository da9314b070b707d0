import "server-only";
import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError, notFoundError } from "@/lib/errors";
import { findOfficerSubmission } from "@/lib/data/review-submission";
import { getDefinition } from "@/lib/data/questionnaires";
import { parseSoftWarnings } from "@/lib/data/json-columns";
import { itemIndex } from "@/lib/questionnaire/definition";
import { FORBIDDEN_CHARACTERS_MESSAGE, hasForbiddenCharacters } from "@/lib/domain/text";
import {
  ACK_LABEL,
  ACK_NOTE_MAX,
  ACKNOWLEDGEABLE_FLAG_KINDS,
  acknowledgementAuditSummary,
  bigChangeAckRefusal,
  bigChangeAckRevision,
  NO_FLAG_MESSAGE,
  type TAcknowledgeableFlagKind,
} from "@/lib/prefecture/review-flag-acks";
import { auditRow } from "./audit";
import { parseInput } from "./input";

// 確認済み（問題なし） (docs/decisions/0020, "Acknowledged flags"): the officer accepts an outlier
// or a 前年比大 item of the revision it is looking at, with an optional note, and may undo it. The
// acknowledgement is a row (who, when, note; audited in the same transaction); the where clauses
// read it through two stamps kept here: OutlierFlag.acknowledged and
// Submission.bigChangeAckRevision (lib/data/review-flags.ts flagWhere).

const KIND_ERROR =
  "確認済みにできる目印は、外れ値と前年比大だけです（照会は完了に、説明未記入は回答者の説明が必要です）。";

export const ZFlagRef = z.object({
  kind: z.enum(ACKNOWLEDGEABLE_FLAG_KINDS, { error: KIND_ERROR }),
  itemKey: z.string({ error: "項目を指定してください。" }).min(1, { error: "項目を指定してください。" }).max(80),
  revision: z.int({ error: "版を指定してください。" }).min(1, { error: "版を指定してください。" }),
});

export const ZAcknowledgeFlag = ZFlagRef.extend({
  note: z
    .string()
    .trim()
    .max(ACK_NOTE_MAX, { error: `メモは${ACK_NOTE_MAX}文字以内で入力してください。` })
    .refine((v) => !hasForbiddenCharacters(v), { error: FORBIDDEN_CHARACTERS_MESSAGE })
    .optional()
    .transform((v) => (v ? v : null)),
});

type TTx = Prisma.TransactionClient;

/**
 * Serialises the cycle's outlier run and acknowledgements: without it an acknowledgement committed
 * while a run replaces the flags would stamp the rows being deleted and miss the new ones.
 */
export async function lockCycleReviewFlags(tx: TTx, cycleId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`review-flags:${cycleId}`}))`;
}

/**
 * OutlierFlag.acknowledged from the acknowledgements (same submission, revision and item), for one
 * report (after an acknowledgement) or a whole cycle (after an outlier run replaced its rows).
 */
export async function stampOutlierAcknowledgements(
  tx: TTx,
  scope: { submissionId: string } | { cycleId: string },
): Promise<void> {
  const where =
    "submissionId" in scope
      ? Prisma.sql`f."submissionId" = ${scope.submissionId}`
      : Prisma.sql`f."cycleId" = ${scope.cycleId}`;
  await tx.$executeRaw`
    UPDATE "OutlierFlag" f SET "acknowledged" = EXISTS (
      SELECT 1 FROM "ReviewFlagAcknowledgement" a
      WHERE a."submissionId" = f."submissionId" AND a."revision" = f."revision"
        AND a."kind" = 'outlier' AND a."itemKey" = f."itemKey")
    WHERE ${where}`;
}

type TTarget = {
  id: string;
  cycleId: string;
  prefectureCode: string;
  revision: number;
  name: string;
  itemLabel: string;
};

/** The officer's report (404 outside its prefecture), at the revision the officer looked at. */
async function findTarget(officer: TViewerOf<"prefecture">, submissionId: string, ref: z.infer<typeof ZFlagRef>) {
  const submission = await findOfficerSubmission(officer, submissionId);
  assertRevision(submission.revision, ref.revision);
  const items = itemIndex(await getDefinition(submission.questionnaireVersionId));
  return {
    id: submission.id,
    cycleId: submission.cycleId,
    prefectureCode: submission.prefectureCode,
    revision: submission.revision,
    name: submission.name,
    itemLabel: items.get(ref.itemKey)?.label ?? ref.itemKey,
  } satisfies TTarget;
}

function assertRevision(current: number, looked: number) {
  if (current !== looked)
    throw new AppError(
      "CONFLICT",
      `この報告は更新されています（現在は第${current}版）。画面を再読み込みして、新しい版の目印を確認してください。`,
    );
}

/**
 * Locks the report's row and returns its current revision and warnings: a submission arriving
 * meanwhile waits, and bumps the revision after us (which turns the big-change stamp off).
 */
async function lockSubmission(tx: TTx, target: TTarget) {
  const rows = await tx.$queryRaw<{ revision: number; softWarnings: unknown }[]>`
    SELECT "revision", "softWarnings" FROM "Submission" WHERE "id" = ${target.id} FOR NO KEY UPDATE`;
  const row = rows[0];
  if (!row) throw notFoundError("報告");
  assertRevision(row.revision, target.revision);
  return { warnings: parseSoftWarnings(row.softWarnings)?.warnings ?? [] };
}

type TWarnings = { kind: string; items: string[]; explanation: string | null }[];

/** Refuses an item that carries no such flag in this revision (or only a stale outlier). */
async function assertFlagged(
  tx: TTx,
  target: TTarget,
  kind: TAcknowledgeableFlagKind,
  itemKey: string,
  warnings: TWarnings,
) {
  if (kind === "big-change") {
    const refusal = bigChangeAckRefusal(warnings, itemKey);
    if (refusal) throw new AppError("CONFLICT", refusal);
    return;
  }
  const flag = await tx.outlierFlag.findFirst({
    where: { submissionId: target.id, itemKey },
    select: { revision: true },
  });
  if (!flag) throw new AppError("CONFLICT", NO_FLAG_MESSAGE);
  if (flag.revision !== target.revision)
    throw new AppError(
      "CONFLICT",
      `この外れ値は第${flag.revision}版で検出されたもので、第${target.revision}版の再計算を待っています。再計算の後で確認してください。`,
    );
}

/** Submission.bigChangeAckRevision from the report's warnings and this revision's acknowledgements. */
async function stampBigChange(tx: TTx, target: TTarget, warnings: TWarnings) {
  const acks = await tx.reviewFlagAcknowledgement.findMany({
    where: { submissionId: target.id, revision: target.revision, kind: "big-change" },
    select: { itemKey: true },
  });
  const value = bigChangeAckRevision(target.revision, warnings, new Set(acks.map((a) => a.itemKey)));
  // Raw, so the report's updatedAt (the list's 更新日 order) is not touched by the officer's note.
  await tx.$executeRaw`UPDATE "Submission" SET "bigChangeAckRevision" = ${value} WHERE "id" = ${target.id}`;
}

async function restamp(tx: TTx, target: TTarget, kind: TAcknowledgeableFlagKind, warnings: TWarnings) {
  if (kind === "outlier") await stampOutlierAcknowledgements(tx, { submissionId: target.id });
  else await stampBigChange(tx, target, warnings);
}

/** 確認済み（問題なし）: the officer accepts an outlier or a 前年比大 item of the current revision. */
export async function acknowledgeFlag(viewer: TViewer, submissionId: string, input: unknown): Promise<void> {
  assertRole(viewer, "prefecture");
  const officer: TViewerOf<"prefecture"> = viewer;
  const data = parseInput(ZAcknowledgeFlag, input ?? {});
  const target = await findTarget(officer, submissionId, data);
  await db.$transaction(async (tx) => {
    await lockCycleReviewFlags(tx, target.cycleId);
    const { warnings } = await lockSubmission(tx, target);
    await assertFlagged(tx, target, data.kind, data.itemKey, warnings);
    const key = { submissionId: target.id, revision: target.revision, kind: data.kind, itemKey: data.itemKey };
    if (await tx.reviewFlagAcknowledgement.findFirst({ where: key, select: { id: true } }))
      throw new AppError("CONFLICT", `この目印はすでに${ACK_LABEL}です。画面を再読み込みしてください。`);
    await tx.reviewFlagAcknowledgement.create({
      data: {
        ...key,
        cycleId: target.cycleId,
        prefectureCode: target.prefectureCode,
        note: data.note,
        acknowledgedById: officer.userId,
        acknowledgedByEmail: officer.email,
      },
    });
    await restamp(tx, target, data.kind, warnings);
    await tx.auditEvent.create({
      data: auditRow(officer, {
        action: "review_flag.acknowledge",
        entityType: "submission",
        entityId: target.id,
        prefectureCode: target.prefectureCode,
        summary: acknowledgementAuditSummary({ ...target, kind: data.kind, undo: false }),
        after: { flag: data.kind, itemKey: data.itemKey, revision: target.revision, note: data.note },
      }),
    });
  });
}

/** Undoes an acknowledgement of the current revision: the item is a flag again. */
export async function unacknowledgeFlag(viewer: TViewer, submissionId: string, input: unknown): Promise<void> {
  assertRole(viewer, "prefecture");
  const officer: TViewerOf<"prefecture"> = viewer;
  const data = parseInput(ZFlagRef, input ?? {});
  const target = await findTarget(officer, submissionId, data);
  await db.$transaction(async (tx) => {
    await lockCycleReviewFlags(tx, target.cycleId);
    const { warnings } = await lockSubmission(tx, target);
    const key = { submissionId: target.id, revision: target.revision, kind: data.kind, itemKey: data.itemKey };
    const existing = await tx.reviewFlagAcknowledgement.findFirst({ where: key, select: { id: true, note: true } });
    if (!existing)
      throw new AppError("CONFLICT", `この目印は${ACK_LABEL}になっていません。画面を再読み込みしてください。`);
    await tx.reviewFlagAcknowledgement.delete({ where: { id: existing.id } });
    await restamp(tx, target, data.kind, warnings);
    await tx.auditEvent.create({
      data: auditRow(officer, {
        action: "review_flag.unacknowledge",
        entityType: "submission",
        entityId: target.id,
        prefectureCode: target.prefectureCode,
        summary: acknowledgementAuditSummary({ ...target, kind: data.kind, undo: true }),
        before: { flag: data.kind, itemKey: data.itemKey, revision: target.revision, note: existing.note },
      }),
    });
  });
}
