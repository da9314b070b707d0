import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError, notFoundError } from "@/lib/errors";
import { submissionScope } from "@/lib/data/scope";
import { asRespondent, respondentWhere } from "@/lib/data/respondent";
import { findOfficerSubmission } from "@/lib/data/review-submission";
import { getDefinition } from "@/lib/data/questionnaires";
import { itemIndex } from "@/lib/questionnaire/definition";
import { FORBIDDEN_CHARACTERS_MESSAGE, hasForbiddenCharacters } from "@/lib/domain/text";
import { UNRESOLVED_QUERY_STATUSES, queryBlocksConfirmMessage } from "@/lib/prefecture/review-flags";
import { auditRow } from "./audit";
import { parseInput } from "./input";
import { kickMailDispatch, queueSubmissionNotices } from "./mail-outbox";

// 照会 (issue 16): the prefecture asks about one or a few items of a submitted report instead of
// returning the whole report; the respondent answers (and, if the answer is a correction, changes
// the report through the usual 修正・変更報告 write path); the officer closes the query. Every step
// is audited in its transaction. A report with a query not yet closed cannot be confirmed
// (assertNoUnresolvedQueries, called by lib/services/review.ts). Asking mails the respondent (照会の
// お知らせ, queued in the asking transaction like the other notices, docs/decisions/0021).

const MAX_TEXT = 2000;
export const MAX_QUERY_ITEMS = 5;

const text = (empty: string) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty })
    .max(MAX_TEXT, { error: `${MAX_TEXT}文字以内で入力してください。` })
    .refine((v) => !hasForbiddenCharacters(v), { error: FORBIDDEN_CHARACTERS_MESSAGE });

export const ZAskQuery = z.object({
  itemKeys: z
    .array(z.string().min(1).max(80), { error: "照会する項目を選んでください。" })
    .min(1, { error: "照会する項目を選んでください。" })
    .max(MAX_QUERY_ITEMS, { error: `一度に照会できる項目は${MAX_QUERY_ITEMS}つまでです。` }),
  message: text("照会の内容を入力してください（回答者に表示されます）。"),
});

export const ZAnswerQuery = z.object({ answer: text("回答を入力してください。") });

export const ZCloseQuery = z.object({
  note: z
    .string()
    .trim()
    .max(MAX_TEXT, { error: `${MAX_TEXT}文字以内で入力してください。` })
    .refine((v) => !hasForbiddenCharacters(v), { error: FORBIDDEN_CHARACTERS_MESSAGE })
    .optional()
    .transform((v) => (v ? v : null)),
});

/** The officer asks about items of a submitted report. */
export async function askItemQuery(viewer: TViewer, submissionId: string, input: unknown): Promise<{ id: string }> {
  assertRole(viewer, "prefecture");
  const officer: TViewerOf<"prefecture"> = viewer;
  const data = parseInput(ZAskQuery, input ?? {});
  const submission = await findOfficerSubmission(officer, submissionId);
  if (submission.revision === 0)
    throw new AppError("CONFLICT", "まだ提出されていない報告には照会できません。提出後に照会してください。");
  const items = itemIndex(await getDefinition(submission.questionnaireVersionId));
  const itemKeys = [...new Set(data.itemKeys)];
  const unknown = itemKeys.filter((key) => !items.has(key));
  if (unknown.length > 0)
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      itemKeys: ["この調査票にない項目が含まれています。画面を再読み込みしてください。"],
    });
  const itemLabels = itemKeys.map((key) => items.get(key)!.label);
  const labels = itemLabels.join("、");
  const created = await db.$transaction(async (tx) => {
    const query = await tx.itemQuery.create({
      data: {
        submissionId: submission.id,
        cycleId: submission.cycleId,
        prefectureCode: submission.prefectureCode,
        itemKeys,
        message: data.message,
        askedRevision: submission.revision,
        askedById: officer.userId,
        askedByEmail: officer.email,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: auditRow(officer, {
        action: "item_query.ask",
        entityType: "submission",
        entityId: submission.id,
        prefectureCode: submission.prefectureCode,
        summary: `${submission.name} の報告（第${submission.revision}版）の「${labels}」について照会した`,
        after: { queryId: query.id, itemKeys, message: data.message, status: "OPEN" },
      }),
    });
    // The notice says what was asked as of now; the send job skips it once the query is closed.
    await queueSubmissionNotices(tx, "QUERY", [submission.id], officer.userId, {
      queryId: query.id,
      itemLabels,
      message: data.message,
    });
    return query;
  });
  await kickMailDispatch();
  return created;
}

/** The respondent answers a query on its own report (again, while the officer has not closed it). */
export async function answerItemQuery(viewer: TViewer, queryId: string, input: unknown): Promise<void> {
  const respondent = asRespondent(viewer);
  const data = parseInput(ZAnswerQuery, input ?? {});
  const query = await db.itemQuery.findFirst({
    where: { id: queryId, submission: respondentWhere(respondent) },
    select: {
      id: true,
      status: true,
      answer: true,
      submissionId: true,
      prefectureCode: true,
      submission: { select: { revision: true } },
    },
  });
  if (!query) throw notFoundError("照会");
  if (query.status === "CLOSED") throw new AppError("CONFLICT", "この照会は都道府県が完了済みのため、回答できません。");
  await db.$transaction(async (tx) => {
    const updated = await tx.itemQuery.updateMany({
      where: { id: query.id, status: { in: ["OPEN", "ANSWERED"] } },
      data: {
        status: "ANSWERED",
        answer: data.answer,
        answeredRevision: query.submission.revision,
        answeredById: respondent.userId,
        answeredByEmail: respondent.email,
        answeredAt: new Date(),
      },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "この照会は都道府県が完了済みのため、回答できません。");
    await tx.auditEvent.create({
      data: auditRow(respondent, {
        action: "item_query.answer",
        entityType: "submission",
        entityId: query.submissionId,
        prefectureCode: query.prefectureCode,
        summary: `照会に回答した（第${query.submission.revision}版）`,
        before: { queryId: query.id, status: query.status, answer: query.answer },
        after: { queryId: query.id, status: "ANSWERED", answer: data.answer },
      }),
    });
  });
}

/** The officer closes a query (answered or not: e.g. settled by telephone, with a note). */
export async function closeItemQuery(viewer: TViewer, queryId: string, input: unknown): Promise<void> {
  assertRole(viewer, "prefecture");
  const officer: TViewerOf<"prefecture"> = viewer;
  const data = parseInput(ZCloseQuery, input ?? {});
  const query = await db.itemQuery.findFirst({
    where: { id: queryId, submission: submissionScope(officer) },
    select: { id: true, status: true, submissionId: true, prefectureCode: true },
  });
  if (!query) throw notFoundError("照会");
  if (query.status === "CLOSED") throw new AppError("CONFLICT", "この照会はすでに完了しています。");
  await db.$transaction(async (tx) => {
    const updated = await tx.itemQuery.updateMany({
      where: { id: query.id, status: query.status },
      data: {
        status: "CLOSED",
        closeNote: data.note,
        closedById: officer.userId,
        closedByEmail: officer.email,
        closedAt: new Date(),
      },
    });
    if (updated.count === 0)
      throw new AppError("CONFLICT", "この照会はほかの操作で更新されました。画面を再読み込みしてください。");
    await tx.auditEvent.create({
      data: auditRow(officer, {
        action: "item_query.close",
        entityType: "submission",
        entityId: query.submissionId,
        prefectureCode: query.prefectureCode,
        summary: query.status === "ANSWERED" ? "回答を確認し、照会を完了した" : "回答を待たずに照会を完了した",
        before: { queryId: query.id, status: query.status },
        after: { queryId: query.id, status: "CLOSED", closeNote: data.note },
      }),
    });
  });
}

/** Refuses to confirm a report whose queries are not all closed (inside the confirming transaction). */
export async function assertNoUnresolvedQueries(
  tx: Pick<Prisma.TransactionClient, "itemQuery">,
  submissionId: string,
): Promise<void> {
  const unresolved = await tx.itemQuery.groupBy({
    by: ["status"],
    where: { submissionId, status: { in: [...UNRESOLVED_QUERY_STATUSES] } },
    _count: { _all: true },
  });
  if (unresolved.length === 0) return;
  const count = (status: string) => unresolved.find((u) => u.status === status)?._count._all ?? 0;
  throw new AppError("CONFLICT", queryBlocksConfirmMessage(count("OPEN"), count("ANSWERED")));
}
