import "server-only";
import { z } from "zod";
import { db, hotQuery, Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { AppError, notFoundError } from "@/lib/errors";
import { auditRow } from "./audit";
import { getDefinition } from "@/lib/data/questionnaires";
import {
  asRespondent,
  findOwnSubmission,
  findPreviousSubmission,
  findRespondentCycleWithSubmission,
  writabilityOf,
  type TRespondentViewer,
} from "@/lib/data/respondent";
import { WRITABILITY_MESSAGES, isLockedBySubmission } from "@/lib/domain/cycle-window";
import { nextRevisionKind, REVISION_KIND_LABELS } from "@/lib/domain/labels";
import { compactAnswers, type TAnswers } from "@/lib/questionnaire/answers";
import { validateAnswers } from "@/lib/questionnaire/answer-schema";
import { evaluateAnswers } from "@/lib/questionnaire/derive";
import { stripHiddenAnswers } from "@/lib/questionnaire/visibility";
import { computeStoredDerived } from "@/lib/questionnaire/snapshot";
import { copyForwardAnswers } from "@/lib/questionnaire/copy";
import { jsonEqual, type TSnapshot } from "@/lib/audit/diff";
import type { TResponseStatus } from "@/lib/aggregation";
import { ZExplanations } from "@/lib/questionnaire/soft-rules";
import { checkSoftRulesForSubmit } from "./soft-rule-check";
import { deltaFor, readWriteContext, writeCounted, type TCounterPosition } from "./respondent-write";
import { kickMailDispatch, receiptCte } from "./mail-outbox";

// The respondent's write path: save a draft, submit, start and discard an amendment (変更報告),
// copy last year's answers. Every write
// - re-derives the respondent from the viewer and the cycle from the viewer's scope;
// - refuses when the window is closed (unless the prefecture reopened this respondent);
// - validates the answers against the version the submission is bound to, never a version the
//   client names;
// - carries the draftVersion the client started from, so a stale tab cannot overwrite a newer
//   draft (optimistic concurrency; the update itself checks it atomically);
// - writes its audit event in the same transaction.

export const ZAnswersInput = z.object({
  draftVersion: z.int().min(0),
  answers: z.record(z.string(), z.unknown()),
  /** Explanations of soft-rule warnings (rule id → text); absent: leave the saved ones. */
  explanations: ZExplanations.optional(),
});
export type TAnswersInput = z.infer<typeof ZAnswersInput>;

export const STALE_MESSAGE =
  "この回答は別の画面（別のタブや別の担当者）で更新されています。最新の内容を読み込んでから続けてください。";

function parseInput(input: unknown): TAnswersInput {
  const parsed = ZAnswersInput.safeParse(input);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.some((i) => i.path[0] === "explanations");
    throw new AppError(
      "INVALID_INPUT",
      tooLong ? "確認事項の説明は1,000文字以内で入力してください。" : "送信された内容の形式が正しくありません。",
    );
  }
  return parsed.data;
}

async function loadContext(viewer: TViewer, cycleId: string) {
  const respondent = asRespondent(viewer);
  const { cycle, submission } = await findRespondentCycleWithSubmission(respondent, cycleId);
  const writability = writabilityOf(cycle, submission);
  if (!writability.writable) throw new AppError("CYCLE_CLOSED", WRITABILITY_MESSAGES[writability.reason]);
  // A submission stays bound to the version it was started on; a new one takes the cycle's.
  const versionId = submission?.questionnaireVersionId ?? cycle.questionnaireVersionId;
  const definition = await getDefinition(versionId);
  return { respondent, cycle, submission, versionId, definition };
}

/** loadContext for the two hot writes (save, submit): the same checks, one raw query. */
async function loadWriteContext(viewer: TViewer, cycleId: string, withLatest: boolean) {
  const respondent = asRespondent(viewer);
  const context = await readWriteContext(respondent, cycleId, withLatest);
  if (!context || context.cycle.status === "PREPARING") throw notFoundError("報告");
  const { cycle, submission, position, institution } = context;
  const writability = writabilityOf(cycle, submission);
  if (!writability.writable) throw new AppError("CYCLE_CLOSED", WRITABILITY_MESSAGES[writability.reason]);
  const versionId = submission?.questionnaireVersionId ?? cycle.questionnaireVersionId;
  const definition = await getDefinition(versionId);
  return { respondent, cycle, submission, versionId, definition, position, institution };
}

function assertEditable(submission: { status: string; isAmending: boolean } | null) {
  if (isLockedBySubmission(submission)) {
    throw new AppError("CONFLICT", "この報告は提出済みです。内容を変更するには「変更報告を始める」を押してください。");
  }
}

function staleError(currentDraftVersion: number) {
  return new AppError("STALE_REVISION", STALE_MESSAGE, { _draftVersion: [String(currentDraftVersion)] });
}

function changedAnswers(before: TAnswers, after: TAnswers): { before: TSnapshot; after: TSnapshot } {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out = { before: {} as TSnapshot, after: {} as TSnapshot };
  for (const key of keys) {
    if (jsonEqual(before[key] ?? null, after[key] ?? null)) continue;
    out.before[key] = (before[key] ?? null) as TSnapshot[string];
    out.after[key] = (after[key] ?? null) as TSnapshot[string];
  }
  return out;
}

export type TSaveResult = { submissionId: string; draftVersion: number; savedAt: string };

/** Saves the working copy. Lenient about completeness, strict about types and codes. */
export async function saveDraft(viewer: TViewer, cycleId: string, input: unknown): Promise<TSaveResult> {
  const { draftVersion, answers: raw, explanations } = parseInput(input);
  const { respondent, cycle, submission, versionId, definition, position } = await loadWriteContext(
    viewer,
    cycleId,
    false,
  );
  assertEditable(submission);
  if ((submission?.draftVersion ?? 0) !== draftVersion) {
    // The same save sent again: the same receipt, nothing written.
    const again = validateAnswers(definition, raw, "draft");
    if (submission && again.ok && isOwnLostSave(submission, draftVersion, compactAnswers(again.answers), explanations))
      return {
        submissionId: submission.id,
        draftVersion: submission.draftVersion,
        savedAt: submission.updatedAt.toISOString(),
      };
    throw staleError(submission?.draftVersion ?? 0);
  }

  const result = validateAnswers(definition, raw, "draft");
  if (!result.ok) {
    throw new AppError(
      "INVALID_INPUT",
      "入力内容に誤りがあります。該当する項目を確認してください。（誤りのある内容は保存されていません）",
      {
        ...result.fieldErrors,
        ...(result.formErrors.length ? { _form: result.formErrors } : {}),
      },
    );
  }
  const answers = compactAnswers(result.answers);
  const previous = (submission?.answers ?? {}) as TAnswers;
  const diff = changedAnswers(previous, answers);
  const savedAt = new Date();

  const audit = (id: string) =>
    auditRow(viewer, {
      action: "submission.save_draft",
      entityType: "submission",
      entityId: id,
      prefectureCode: cycle.prefectureCode,
      summary: `下書きを保存（${Object.keys(diff.after).length}項目を変更）`,
      before: diff.before,
      after: diff.after,
    });
  // The first save creates the submission and moves the respondent from 未着手 to 下書き in the
  // counters, in the same statement; later saves change no counter.
  const submissionId = submission
    ? await updateDraftWithAudit(
        respondent,
        cycleId,
        submission.id,
        draftVersion,
        answers,
        explanations,
        audit(submission.id),
        savedAt,
      )
    : await writeFirstDraft(respondent, cycle, versionId, position, { answers, explanations }, savedAt, audit);
  return { submissionId, draftVersion: draftVersion + 1, savedAt: savedAt.toISOString() };
}

/**
 * A request that carries the version from before a save of its own whose answer was lost (the
 * server stopped, the network dropped; the form's autosave then retries, or the submit goes out
 * with the version the form still knows). The stored draft is then that save: the version plus
 * one, with exactly these answers and explanations. Answering "updated in another window" would
 * stop the form and tell the respondent their work conflicted when it was saved. Anything else at
 * that version (other answers, other explanations) is still stale.
 */
function isOwnLostSave(
  stored: { draftVersion: number; answers: unknown; explanations: unknown },
  draftVersion: number,
  answers: TAnswers,
  explanations: Record<string, string> | undefined,
): boolean {
  return (
    stored.draftVersion === draftVersion + 1 &&
    Object.keys(changedAnswers(stored.answers as TAnswers, answers).after).length === 0 &&
    (explanations === undefined || jsonEqual(explanations, stored.explanations ?? {}))
  );
}

/**
 * Autosave is the hottest write in Renkei (every respondent, every few seconds), so the version
 * check, the update and its audit row are one statement — atomic without a transaction, one
 * round trip instead of four. The audit row is inserted only when the update matched, i.e. when
 * nobody saved in between; otherwise nothing is written and the save is stale.
 */
async function updateDraftWithAudit(
  respondent: TRespondentViewer,
  cycleId: string,
  submissionId: string,
  expectedVersion: number,
  answers: TAnswers,
  explanations: Record<string, string> | undefined,
  audit: Prisma.AuditEventCreateManyInput,
  now: Date,
): Promise<string> {
  const rows = await hotQuery<{ id: bigint }>(Prisma.sql`
    WITH updated AS (
      UPDATE "Submission"
      SET "answers" = ${JSON.stringify(answers)}::jsonb, "draftVersion" = "draftVersion" + 1, "updatedAt" = ${now}
        ${explanations === undefined ? Prisma.empty : Prisma.sql`, "warningExplanations" = ${JSON.stringify(explanations)}::jsonb`}
      WHERE "id" = ${submissionId} AND "draftVersion" = ${expectedVersion}
      RETURNING "id"
    )
    INSERT INTO "AuditEvent" ("at", "actorId", "actorEmail", "actorRole", "action", "entityType", "entityId", "prefectureCode", "summary", "before", "after")
    SELECT ${now}, ${audit.actorId}, ${audit.actorEmail}, ${audit.actorRole}::"Role", ${audit.action}, ${audit.entityType}, updated."id",
           ${audit.prefectureCode}, ${audit.summary}, ${audit.before === undefined ? null : JSON.stringify(audit.before)}::jsonb, ${audit.after === undefined ? null : JSON.stringify(audit.after)}::jsonb
    FROM updated
    RETURNING "id"`);
  if (rows.length === 0) {
    const current = await findOwnSubmission(respondent, cycleId);
    throw staleError(current?.draftVersion ?? 0);
  }
  return submissionId;
}

/** The first save: creates the submission (未着手 → 下書き in the counters) in one statement. */
async function writeFirstDraft(
  respondent: TRespondentViewer,
  cycle: { id: string; kind: string; prefectureCode: string },
  versionId: string,
  position: TCounterPosition | null,
  { answers, explanations }: { answers: TAnswers; explanations: Record<string, string> | undefined },
  now: Date,
  audit: (submissionId: string) => Prisma.AuditEventCreateManyInput,
): Promise<string> {
  const result = await writeCounted({
    respondent,
    cycleId: cycle.id,
    prefectureCode: cycle.prefectureCode,
    versionId,
    existing: null,
    answers,
    explanations,
    submit: null,
    now,
    position,
    change: await deltaFor(
      cycle.id,
      position,
      { status: "NOT_STARTED", revision: 0, versionId },
      { status: "DRAFT", revision: 0, versionId },
    ),
    audit,
  });
  if (result.ok) return result.submissionId;
  // Another tab created the draft first (or the institution moved meanwhile): reload.
  const current = await findOwnSubmission(respondent, cycle.id);
  throw staleError(current?.draftVersion ?? 0);
}

const SUBMIT_ACTIONS = {
  INITIAL: "submission.submit",
  RESUBMISSION: "submission.resubmit",
  AMENDMENT: "submission.amend",
} as const;

export type TSubmitResult = { submissionId: string; revision: number; alreadySubmitted: boolean };

/**
 * Submits (or re-submits after 差戻し / 変更報告) the answers as a new frozen revision.
 * Idempotent for a double click: the second request finds the identical revision already made
 * and returns it instead of failing or creating another.
 */
export async function submitReport(
  viewer: TViewer,
  cycleId: string,
  input: unknown,
  attempt = 0,
): Promise<TSubmitResult> {
  const { draftVersion, answers: raw, explanations: given } = parseInput(input);
  const { respondent, cycle, submission, versionId, definition, position, institution } = await loadWriteContext(
    viewer,
    cycleId,
    true,
  );

  const validated = validateAnswers(definition, raw, "submit");
  if (!validated.ok) {
    throw new AppError("INVALID_INPUT", "未回答または誤りのある項目があります。一覧を確認して修正してください。", {
      ...validated.fieldErrors,
      ...(validated.formErrors.length ? { _form: validated.formErrors } : {}),
    });
  }
  const { visibility } = evaluateAnswers(definition, validated.answers);
  const answers = compactAnswers(stripHiddenAnswers(validated.answers, visibility));

  if (submission && isLockedBySubmission(submission)) {
    const same = await sameAsLatestRevision(submission, answers);
    if (same) return same;
    assertEditable(submission);
  }
  if (
    (submission?.draftVersion ?? 0) !== draftVersion &&
    !(submission && isOwnLostSave(submission, draftVersion, compactAnswers(validated.answers), given))
  )
    throw staleError(submission?.draftVersion ?? 0);

  const soft = await checkSoftRulesForSubmit(
    respondent,
    cycle,
    definition,
    answers,
    given ?? submission?.explanations ?? {},
    institution,
  );
  const derived = computeStoredDerived(definition, answers);
  const revision = (submission?.revision ?? 0) + 1;
  const kind = nextRevisionKind(submission);
  const now = new Date();
  const before = {
    status: (submission?.status ?? "NOT_STARTED") as TResponseStatus,
    revision: submission?.revision ?? 0,
    versionId,
  };
  const result = await writeCounted({
    respondent,
    cycleId,
    prefectureCode: cycle.prefectureCode,
    versionId,
    existing: submission,
    answers,
    explanations: soft.explanations,
    submit: { revision, kind, derived, submittedById: viewer.userId, softWarnings: soft.softWarnings },
    now,
    position,
    change: await deltaFor(cycleId, position, before, { status: "SUBMITTED", revision, versionId, answers, derived }),
    // The receipt mail is queued by the very statement that records the submission.
    alsoCte: receiptCte({
      submitterId: viewer.userId,
      cycleId,
      prefectureCode: cycle.prefectureCode,
      revision,
      revisionKind: kind,
    }),
    audit: (id) =>
      auditRow(viewer, {
        action: SUBMIT_ACTIONS[kind],
        entityType: "submission",
        entityId: id,
        prefectureCode: cycle.prefectureCode,
        summary: kind === "INITIAL" ? "報告を提出" : `${REVISION_KIND_LABELS[kind]}を提出（第${revision}版）`,
        before: { status: submission?.status ?? null, revision: submission?.revision ?? 0 },
        after: { status: "SUBMITTED", revision },
      }),
  });
  if (result.ok) {
    await kickMailDispatch();
    return { submissionId: result.submissionId, revision, alreadySubmitted: false };
  }
  // The institution moved (a roster import) between the read and the write: read again.
  if (result.reason === "moved" && attempt < 2) return submitReport(viewer, cycleId, input, attempt + 1);
  // Two clicks racing, or a retry after a timeout whose first request committed: the identical
  // revision is already there. That is success, with the same receipt.
  const current = await findOwnSubmission(respondent, cycleId);
  const same = current && current.status === "SUBMITTED" ? await sameAsLatestRevision(current, answers) : null;
  if (same) return same;
  throw staleError(current?.draftVersion ?? 0);
}

async function sameAsLatestRevision(
  submission: { id: string; revision: number },
  answers: TAnswers,
): Promise<TSubmitResult | null> {
  if (submission.revision === 0) return null;
  const latest = await db.submissionRevision.findUnique({
    where: { submissionId_revision: { submissionId: submission.id, revision: submission.revision } },
    select: { answers: true },
  });
  return latest && jsonEqual(latest.answers, answers)
    ? { submissionId: submission.id, revision: submission.revision, alreadySubmitted: true }
    : null;
}

/** 変更報告: reopens a submitted (or confirmed) report for editing; the last revision stays official until resubmission. */
export async function startAmendment(viewer: TViewer, cycleId: string): Promise<{ draftVersion: number }> {
  const { submission, cycle } = await loadContext(viewer, cycleId);
  if (!submission || submission.revision === 0)
    throw new AppError("CONFLICT", "まだ提出されていないため、変更報告は不要です。");
  if (!isLockedBySubmission(submission)) {
    return { draftVersion: submission.draftVersion };
  }
  await db.$transaction([
    db.submission.update({ where: { id: submission.id }, data: { isAmending: true } }),
    db.auditEvent.createMany({
      data: [
        auditRow(viewer, {
          action: "submission.start_amendment",
          entityType: "submission",
          entityId: submission.id,
          prefectureCode: cycle.prefectureCode,
          summary: nextRevisionKind(submission) === "AMENDMENT" ? "変更報告を開始" : "提出内容の修正を開始",
          before: { isAmending: false },
          after: { isAmending: true },
        }),
      ],
    }),
  ]);
  return { draftVersion: submission.draftVersion };
}

/** Abandons an amendment: the working copy returns to the last submitted revision. */
export async function discardAmendment(viewer: TViewer, cycleId: string): Promise<void> {
  const respondent = asRespondent(viewer);
  const { cycle, submission } = await findRespondentCycleWithSubmission(respondent, cycleId);
  if (!submission?.isAmending) return;
  const latest = await db.submissionRevision.findUniqueOrThrow({
    where: { submissionId_revision: { submissionId: submission.id, revision: submission.revision } },
    select: { answers: true },
  });
  await db.$transaction([
    db.submission.update({
      where: { id: submission.id },
      data: { isAmending: false, answers: latest.answers as Prisma.InputJsonValue, draftVersion: { increment: 1 } },
    }),
    db.auditEvent.createMany({
      data: [
        auditRow(viewer, {
          action: "submission.discard_amendment",
          entityType: "submission",
          entityId: submission.id,
          prefectureCode: cycle.prefectureCode,
          summary: "変更報告を取りやめ",
          before: { isAmending: true },
          after: { isAmending: false },
        }),
      ],
    }),
  ]);
}

export type TCopyPreviousResult = {
  answers: TAnswers;
  copied: string[];
  fromFiscalYear: number;
};

/** 前年度の回答を引用: returns the merged answers for the form to show and autosave (nothing is written here). */
export async function copyPreviousAnswers(
  viewer: TViewer,
  cycleId: string,
  input: unknown,
): Promise<TCopyPreviousResult> {
  const { answers: current } = parseInput(input);
  const { respondent, cycle, submission, definition } = await loadContext(viewer, cycleId);
  assertEditable(submission);
  const previous = await findPreviousSubmission(respondent, cycle);
  if (!previous) throw new AppError("NOT_FOUND", "引用できる前年度の提出済み回答がありません。");
  const result = copyForwardAnswers(
    definition,
    { versionKey: previous.versionKey, answers: previous.answers },
    current as TAnswers,
  );
  return { answers: result.answers, copied: result.copied, fromFiscalYear: previous.cycle.fiscalYear };
}
