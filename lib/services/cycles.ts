import "server-only";
import { recountClinicCounters, recountForSubmissions } from "./counters";
import { z } from "zod";
import { db, Prisma } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError, notFoundError } from "@/lib/errors";
import { auditRow } from "./audit";
import { findCycle } from "@/lib/data/cycles";
import { hubScope, institutionScope } from "@/lib/data/scope";
import { normalizeDigits } from "@/lib/domain/codes";
import { endOfDayJst, isDateInput, startOfDayJst, toDateInputJst, todayJst } from "@/lib/domain/jst-dates";
import { formatDeadline } from "@/lib/domain/wareki";
import { cycleTitle } from "@/lib/domain/labels";
import type { TSnapshot } from "@/lib/audit/diff";
import { kickMailDispatch, queueSubmissionNotices } from "./mail-outbox";
import { parseInput } from "./input";

// The yearly cycle (ReportingCycle): created from a published definition version, with its
// dates; opened, closed; and one respondent reopened after the deadline. Every change is audited.

const dateField = (label: string) =>
  z
    .string({ error: `${label}を入力してください。` })
    .trim()
    .refine(isDateInput, { error: `${label}は日付（例: 2026-02-27）で入力してください。` });
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isDateInput(v), {
      error: `${label}は日付（例: 2026-02-27）で入力してください。`,
    });

const ZDates = z
  .object({
    requestDate: optionalDate("報告依頼日"),
    opensOn: dateField("受付開始日"),
    closesOn: dateField("提出期限"),
    publishOn: optionalDate("公表予定日"),
  })
  .superRefine((v, ctx) => {
    // Order is judged only between real dates (each invalid one has its own message already).
    if (!isDateInput(v.opensOn) || !isDateInput(v.closesOn)) return;
    if (v.opensOn > v.closesOn)
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: "提出期限は受付開始日以降にしてください。" });
    if (v.requestDate && isDateInput(v.requestDate) && v.requestDate > v.opensOn)
      ctx.addIssue({ code: "custom", path: ["requestDate"], message: "報告依頼日は受付開始日以前にしてください。" });
    if (v.publishOn && isDateInput(v.publishOn) && v.publishOn < v.closesOn)
      ctx.addIssue({ code: "custom", path: ["publishOn"], message: "公表予定日は提出期限以降にしてください。" });
  });

export const ZCycleCreate = z
  .object({
    versionId: z.string({ error: "調査票の版を選んでください。" }).min(1, { error: "調査票の版を選んでください。" }),
    fiscalYear: z.coerce
      .number({ error: "年度を入力してください。" })
      .int()
      .min(2020, { error: "年度は2020以降で入力してください。" })
      .max(2100),
  })
  .and(ZDates);

function asOfficer(viewer: TViewer): TViewerOf<"prefecture"> {
  assertRole(viewer, "prefecture");
  return viewer;
}

const datesOf = (v: z.infer<typeof ZDates>) => ({
  requestDate: v.requestDate ? startOfDayJst(v.requestDate) : null,
  opensAt: startOfDayJst(v.opensOn),
  closesAt: endOfDayJst(v.closesOn),
  publishAt: v.publishOn ? startOfDayJst(v.publishOn) : null,
});

const snapshotDates = (c: {
  requestDate: Date | null;
  opensAt: Date;
  closesAt: Date;
  publishAt: Date | null;
}): TSnapshot => ({
  requestDate: c.requestDate?.toISOString() ?? null,
  opensAt: c.opensAt.toISOString(),
  closesAt: c.closesAt.toISOString(),
  publishAt: c.publishAt?.toISOString() ?? null,
});

export async function createCycle(viewer: TViewer, input: unknown): Promise<{ cycleId: string }> {
  const officer = asOfficer(viewer);
  const values = parseInput(ZCycleCreate, input);
  const version = await db.questionnaireVersion.findUnique({
    where: { id: values.versionId },
    select: { id: true, kind: true, status: true, label: true },
  });
  if (!version || version.status !== "PUBLISHED") {
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      versionId: ["公開済みの調査票の版を選んでください。"],
    });
  }
  const title = cycleTitle({ fiscalYear: values.fiscalYear, kind: version.kind });
  const dates = datesOf(values);
  try {
    const created = await db.$transaction(async (tx) => {
      const cycle = await tx.reportingCycle.create({
        data: {
          prefectureCode: officer.prefectureCode,
          kind: version.kind,
          fiscalYear: values.fiscalYear,
          questionnaireVersionId: version.id,
          status: "PREPARING",
          ...dates,
        },
        select: { id: true },
      });
      await tx.auditEvent.createMany({
        data: [
          auditRow(officer, {
            action: "cycle.create",
            entityType: "reporting_cycle",
            entityId: cycle.id,
            prefectureCode: officer.prefectureCode,
            summary: `${title}を作成（${version.label}）`,
            after: {
              kind: version.kind,
              fiscalYear: values.fiscalYear,
              versionId: version.id,
              status: "PREPARING",
              ...snapshotDates(dates),
            },
          }),
        ],
      });
      // Every active institution starts as 未着手 in the new cycle's counters.
      await recountClinicCounters(cycle.id, undefined, tx);
      return { cycleId: cycle.id };
    });
    return created;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", `${title}はすでにあります。`, { fiscalYear: [`${title}はすでにあります。`] });
    }
    throw error;
  }
}

export async function updateCycleDates(viewer: TViewer, cycleId: string, input: unknown): Promise<void> {
  const officer = asOfficer(viewer);
  const cycle = await findCycle(officer, cycleId);
  const next = datesOf(parseInput(ZDates, input));
  const before = snapshotDates(cycle);
  const after = snapshotDates(next);
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  await db.$transaction([
    db.reportingCycle.update({ where: { id: cycle.id }, data: next }),
    db.auditEvent.createMany({
      data: [
        auditRow(officer, {
          action: "cycle.update_dates",
          entityType: "reporting_cycle",
          entityId: cycle.id,
          prefectureCode: cycle.prefectureCode,
          summary: `${cycle.title}の日程を変更（提出期限 ${formatDeadline(next.closesAt)}）`,
          before,
          after,
        }),
      ],
    }),
  ]);
}

async function setStatus(
  viewer: TViewer,
  cycleId: string,
  to: "OPEN" | "CLOSED",
  from: ("PREPARING" | "OPEN" | "CLOSED")[],
) {
  const officer = asOfficer(viewer);
  const cycle = await findCycle(officer, cycleId);
  if (cycle.status === to) return;
  if (!from.includes(cycle.status)) throw new AppError("CONFLICT", "この報告サイクルの状態では実行できません。");
  if (to === "OPEN" && cycle.closesAt < new Date()) {
    throw new AppError("CONFLICT", "提出期限を過ぎているため受付を開始できません。先に提出期限を変更してください。");
  }
  const updated = await db.$transaction(async (tx) => {
    const result = await tx.reportingCycle.updateMany({
      where: { id: cycle.id, status: cycle.status },
      data: { status: to },
    });
    if (result.count === 0) return false;
    await tx.auditEvent.createMany({
      data: [
        auditRow(officer, {
          action: to === "OPEN" ? "cycle.open" : "cycle.close",
          entityType: "reporting_cycle",
          entityId: cycle.id,
          prefectureCode: cycle.prefectureCode,
          summary: `${cycle.title}の受付を${to === "OPEN" ? "開始" : "締め切り"}`,
          before: { status: cycle.status },
          after: { status: to },
        }),
      ],
    });
    return true;
  });
  if (!updated) throw new AppError("CONFLICT", "ほかの担当者が状態を変更しました。画面を再読み込みしてください。");
}

/** 受付開始: respondents can fill in and submit within the window. */
export const openCycle = (viewer: TViewer, cycleId: string) =>
  setStatus(viewer, cycleId, "OPEN", ["PREPARING", "CLOSED"]);
/** 締切: every form becomes read-only, except respondents reopened one by one. */
export const closeCycle = (viewer: TViewer, cycleId: string) => setStatus(viewer, cycleId, "CLOSED", ["OPEN"]);

export const ZReopen = z.object({
  /** The institution or hub id; or, for the clinic report, its 医療機関コード in `code`. */
  respondentId: z.string().min(1).optional(),
  code: z
    .string()
    .transform((v) => normalizeDigits(v))
    .optional(),
  /** Last day (Japan time) the respondent may edit; empty to cancel a reopening. */
  until: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isDateInput(v), { error: "期限は日付（例: 2026-03-15）で入力してください。" }),
});

/**
 * Lets one respondent edit (and submit or amend) after the deadline, until the end of the given
 * day; with no date, takes the permission back. A respondent that never started gets an empty
 * draft (with its NDB values, as the form would start it) to carry the permission.
 */
export async function reopenRespondent(
  viewer: TViewer,
  cycleId: string,
  input: unknown,
): Promise<{ submissionId: string; reopenedUntil: Date | null }> {
  const officer = asOfficer(viewer);
  const { respondentId, code, until } = parseInput(ZReopen, input);
  const cycle = await findCycle(officer, cycleId);
  if (!respondentId && !(code && cycle.kind === "CLINIC_REPORT")) {
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      code: ["医療機関コードを入力してください。"],
    });
  }
  const which = respondentId ? { id: respondentId } : { code };
  if (until && until < todayJst()) {
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      until: ["期限は今日以降の日付にしてください。"],
    });
  }
  const reopenedUntil = until ? endOfDayJst(until) : null;
  const respondent =
    cycle.kind === "CLINIC_REPORT"
      ? await db.institution.findFirst({
          where: { AND: [institutionScope(officer), which] },
          select: { id: true, name: true },
        })
      : await db.hub.findFirst({
          where: { AND: [hubScope(officer), { id: respondentId ?? "" }] },
          select: { id: true, name: true },
        });
  if (!respondent) throw notFoundError(cycle.kind === "CLINIC_REPORT" ? "医療機関" : "拠点");
  const key = cycle.kind === "CLINIC_REPORT" ? { institutionId: respondent.id } : { hubId: respondent.id };

  const result = await db.$transaction(async (tx) => {
    let submission = await tx.submission.findFirst({
      where: { cycleId: cycle.id, ...key },
      select: { id: true, reopenedUntil: true },
    });
    if (!submission) {
      if (!reopenedUntil) throw new AppError("CONFLICT", "この回答者は受付の再開を許可されていません。");
      const ndb =
        "institutionId" in key
          ? await tx.ndbPrefill.findMany({
              where: { cycleId: cycle.id, institutionId: respondent.id },
              select: { itemKey: true, value: true },
            })
          : [];
      submission = await tx.submission.create({
        data: {
          cycleId: cycle.id,
          questionnaireVersionId: cycle.questionnaireVersionId,
          prefectureCode: cycle.prefectureCode,
          ...key,
          answers: Object.fromEntries(ndb.map((n) => [n.itemKey, n.value])) as Prisma.InputJsonValue,
        },
        select: { id: true, reopenedUntil: true },
      });
      // The respondent moves from 未着手 to 下書き in the counters, in this transaction.
      await recountForSubmissions(tx, [submission.id]);
    }
    await tx.submission.update({ where: { id: submission.id }, data: { reopenedUntil } });
    await tx.auditEvent.createMany({
      data: [
        auditRow(officer, {
          action: reopenedUntil ? "submission.reopen" : "submission.reopen_cancel",
          entityType: "submission",
          entityId: submission.id,
          prefectureCode: cycle.prefectureCode,
          summary: reopenedUntil
            ? `${respondent.name} の${cycle.title}を提出期限後も ${toDateInputJst(reopenedUntil)} まで入力できるようにした`
            : `${respondent.name} の${cycle.title}の期限後入力の許可を取り消した`,
          before: { reopenedUntil: submission.reopenedUntil?.toISOString() ?? null },
          after: { reopenedUntil: reopenedUntil?.toISOString() ?? null },
        }),
      ],
    });
    if (reopenedUntil) await queueSubmissionNotices(tx, "REOPENED", [submission.id], officer.userId);
    return { submissionId: submission.id, reopenedUntil };
  });
  if (reopenedUntil) await kickMailDispatch();
  return result;
}
