import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError, notFoundError } from "@/lib/errors";
import { findCycle } from "@/lib/data/cycles";
import { collectPublicationRows } from "@/lib/data/publication-rows";
import { isDateInput, startOfDayJst } from "@/lib/domain/jst-dates";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { enqueue, jobQueue } from "@/lib/jobs/queue";
import { LICENCE_KEYS, licenceOf, publicDateText } from "@/lib/summaries/public";
import { auditRow, type TAuditActor } from "./audit";
import { parseInput } from "./input";

// 公表 (docs/decisions/0017-publication.md): the prefecture's setting per cycle (date = the
// cycle's 公表予定日, licence, status), per-institution hold-back, withdrawal, and the publication
// run on the durable queue that freezes exactly what goes public. Every change is audited in its
// own transaction.

const ROW_CHUNK = 1000;

async function officerCycle(viewer: TViewer, cycleId: string) {
  assertRole(viewer, "prefecture");
  const cycle = await findCycle(viewer, cycleId);
  if (cycle.kind !== "CLINIC_REPORT") throw new AppError("CONFLICT", "公表できるのはかかりつけ医機能報告だけです。");
  return { officer: viewer as TViewerOf<"prefecture">, cycle };
}

async function settingOf(cycleId: string, prefectureCode: string, client: Pick<typeof db, "publicationSetting"> = db) {
  return client.publicationSetting.upsert({
    where: { cycleId },
    create: { cycleId, prefectureCode },
    update: {},
  });
}

export const ZPublicationSetting = z.object({
  publishOn: z
    .string({ error: "公表日を入力してください。" })
    .trim()
    .refine(isDateInput, { error: "公表日は日付（例: 2026-04-30）で入力してください。" }),
  licence: z.enum(LICENCE_KEYS, { error: "ライセンスを選んでください。" }),
});

/** Sets the date and licence and schedules the publication on that date (the queue runs it). */
export async function schedulePublication(viewer: TViewer, cycleId: string, input: unknown): Promise<void> {
  const { officer, cycle } = await officerCycle(viewer, cycleId);
  const values = parseInput(ZPublicationSetting, input ?? {});
  const publishAt = startOfDayJst(values.publishOn);
  if (publishAt < cycle.opensAt)
    throw new AppError("INVALID_INPUT", "入力内容を確認してください。", {
      publishOn: ["公表日は受付開始日以降にしてください。"],
    });
  await jobQueue();
  await db.$transaction(async (tx) => {
    const before = await settingOf(cycle.id, cycle.prefectureCode, tx);
    const status = before.status === "PUBLISHED" ? "PUBLISHED" : "SCHEDULED";
    await tx.reportingCycle.update({ where: { id: cycle.id }, data: { publishAt } });
    await tx.publicationSetting.update({
      where: { cycleId: cycle.id },
      data: { licence: values.licence, status, updatedById: officer.userId },
    });
    await enqueue(
      "publication.run",
      { cycleId: cycle.id, trigger: "SCHEDULED", requestedById: officer.userId, requestedByEmail: officer.email },
      { key: `${cycle.id}:scheduled:${publishAt.toISOString()}`, startAfter: publishAt, tx },
    );
    await tx.auditEvent.createMany({
      data: [
        auditRow(officer, {
          action: "publication.schedule",
          entityType: "reporting_cycle",
          entityId: cycle.id,
          prefectureCode: cycle.prefectureCode,
          summary: `${cycle.title}の公表日を${publicDateText(publishAt)}、ライセンスを${licenceOf(values.licence).name}に設定`,
          before: { status: before.status, licence: before.licence, publishAt: cycle.publishAt?.toISOString() ?? null },
          after: { status, licence: values.licence, publishAt: publishAt.toISOString() },
        }),
      ],
    });
  });
}

/** 今すぐ公表: the publication date becomes now, and a run is queued at once. */
export async function publishNow(viewer: TViewer, cycleId: string): Promise<{ queued: boolean }> {
  const { officer, cycle } = await officerCycle(viewer, cycleId);
  const now = new Date();
  await jobQueue();
  const id = await db.$transaction(async (tx) => {
    const before = await settingOf(cycle.id, cycle.prefectureCode, tx);
    if (!cycle.publishAt || cycle.publishAt > now)
      await tx.reportingCycle.update({ where: { id: cycle.id }, data: { publishAt: now } });
    await tx.auditEvent.createMany({
      data: [
        auditRow(officer, {
          action: "publication.publish_now",
          entityType: "reporting_cycle",
          entityId: cycle.id,
          prefectureCode: cycle.prefectureCode,
          summary: `${cycle.title}を今すぐ公表（${before.status === "PUBLISHED" ? "最新の確認済み報告で更新" : "初回"}）`,
          before: { publishAt: cycle.publishAt?.toISOString() ?? null },
          after: { publishAt: (cycle.publishAt && cycle.publishAt <= now ? cycle.publishAt : now).toISOString() },
        }),
      ],
    });
    return enqueue(
      "publication.run",
      { cycleId: cycle.id, trigger: "NOW", requestedById: officer.userId, requestedByEmail: officer.email },
      { key: `${cycle.id}:now`, tx },
    );
  });
  return { queued: id !== null };
}

export type TRunOutcome =
  { ran: true; runId: string; institutions: number } | { ran: false; reason: "not-due" | "not-scheduled" | "no-cycle" };

/**
 * The job (publication.run): freezes the public rows of the cycle in one transaction and makes
 * them live. A scheduled run acts only while the setting is SCHEDULED and the date has come (a
 * queue that runs a job early, or a date moved later, publishes nothing); 今すぐ公表 has already
 * moved the date to now.
 */
export async function runPublication(
  cycleId: string,
  trigger: "SCHEDULED" | "NOW",
  requestedBy: { id: string | null; email: string | null } = { id: null, email: null },
  now = new Date(),
): Promise<TRunOutcome> {
  const cycle = await db.reportingCycle.findUnique({
    where: { id: cycleId },
    select: { id: true, prefectureCode: true, publishAt: true, fiscalYear: true, kind: true },
  });
  if (!cycle || cycle.kind !== "CLINIC_REPORT") return { ran: false, reason: "no-cycle" };
  const setting = await settingOf(cycle.id, cycle.prefectureCode);
  if (trigger === "SCHEDULED" && setting.status !== "SCHEDULED") return { ran: false, reason: "not-scheduled" };
  if (!cycle.publishAt || cycle.publishAt > now) return { ran: false, reason: "not-due" };
  const collected = await collectPublicationRows(cycle, { liveRunId: setting.liveRunId });
  const actor: TAuditActor = requestedBy.email
    ? { userId: requestedBy.id, email: requestedBy.email, role: "prefecture" }
    : null;
  const runId = await db.$transaction(
    async (tx) => {
      const run = await tx.publicationRun.create({
        data: {
          cycleId: cycle.id,
          prefectureCode: cycle.prefectureCode,
          dataAsOf: now,
          trigger,
          institutionCount: collected.rows.length,
          carriedForward: collected.carriedForward,
          heldBack: collected.heldBack,
          createdById: requestedBy.id,
        },
        select: { id: true },
      });
      for (let i = 0; i < collected.rows.length; i += ROW_CHUNK) {
        await tx.publishedInstitution.createMany({
          data: collected.rows.slice(i, i + ROW_CHUNK).map((row) => ({ ...row, runId: run.id })),
        });
      }
      // Only the live run's rows are kept: older ones are not public any more.
      await tx.publishedInstitution.deleteMany({ where: { run: { cycleId: cycle.id }, runId: { not: run.id } } });
      await tx.publicationSetting.update({
        where: { cycleId: cycle.id },
        data: { status: "PUBLISHED", liveRunId: run.id },
      });
      await tx.auditEvent.createMany({
        data: [
          auditRow(actor, {
            action: "publication.run",
            entityType: "publication_run",
            entityId: run.id,
            prefectureCode: cycle.prefectureCode,
            summary: `${fiscalYearLabel(cycle.fiscalYear)}の報告を公表: ${collected.rows.length}件（保留 ${collected.heldBack}件、変更報告の確認待ちで前回の内容を継続 ${collected.carriedForward}件）`,
            after: { trigger, institutions: collected.rows.length, heldBack: collected.heldBack },
          }),
        ],
      });
      return run.id;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return { ran: true, runId, institutions: collected.rows.length };
}

/** Settings whose date has come: queued by the recurring check (a date changed on the cycle page). */
export async function queueDuePublications(now = new Date()): Promise<number> {
  const due = await db.publicationSetting.findMany({
    where: { status: "SCHEDULED", cycle: { publishAt: { lte: now } } },
    select: { cycleId: true },
  });
  for (const { cycleId } of due)
    await enqueue("publication.run", { cycleId, trigger: "SCHEDULED", requestedById: null, requestedByEmail: null });
  return due.length;
}

const ZReason = z.object({
  reason: z
    .string({ error: "理由を入力してください。" })
    .trim()
    .min(1, { error: "理由を入力してください。" })
    .max(500, { error: "理由は500文字以内で入力してください。" }),
});

/** 取り下げ: nothing of the cycle stays public (pages and open data) until a new run. */
export async function withdrawPublication(viewer: TViewer, cycleId: string, input: unknown): Promise<void> {
  const { officer, cycle } = await officerCycle(viewer, cycleId);
  const { reason } = parseInput(ZReason, input ?? {});
  await db.$transaction(async (tx) => {
    const before = await settingOf(cycle.id, cycle.prefectureCode, tx);
    if (before.status === "WITHDRAWN") return;
    await tx.publicationSetting.update({
      where: { cycleId: cycle.id },
      data: { status: "WITHDRAWN", liveRunId: null, updatedById: officer.userId },
    });
    const removed = await tx.publishedInstitution.deleteMany({ where: { run: { cycleId: cycle.id } } });
    await tx.auditEvent.createMany({
      data: [
        auditRow(officer, {
          action: "publication.withdraw",
          entityType: "reporting_cycle",
          entityId: cycle.id,
          prefectureCode: cycle.prefectureCode,
          summary: `${cycle.title}の公表を取り下げ（${removed.count}件を非公開）: ${reason}`,
          before: { status: before.status },
          after: { status: "WITHDRAWN", reason },
        }),
      ],
    });
  });
}

const ZHold = ZReason.extend({ institutionId: z.string().min(1).max(64) });

/** 公表保留: the institution leaves the public pages and open data now, and stays off later runs. */
export async function holdInstitution(viewer: TViewer, cycleId: string, input: unknown): Promise<void> {
  const { officer, cycle } = await officerCycle(viewer, cycleId);
  const { institutionId, reason } = parseInput(ZHold, input ?? {});
  const institution = await db.institution.findFirst({
    where: { id: institutionId, prefectureCode: officer.prefectureCode },
    select: { id: true, name: true },
  });
  if (!institution) throw notFoundError("医療機関");
  await db.$transaction(async (tx) => {
    const active = await tx.publicationHold.findFirst({
      where: { cycleId: cycle.id, institutionId, releasedAt: null },
      select: { id: true },
    });
    if (active) throw new AppError("CONFLICT", `${institution.name}はすでに公表を保留しています。`);
    const hold = await tx.publicationHold.create({
      data: {
        cycleId: cycle.id,
        institutionId,
        prefectureCode: cycle.prefectureCode,
        reason,
        heldById: officer.userId,
      },
    });
    await tx.publishedInstitution.deleteMany({ where: { run: { cycleId: cycle.id }, institutionId } });
    // A new publication version: cached public pages and ETags change with it.
    await tx.publicationSetting.updateMany({ where: { cycleId: cycle.id }, data: { updatedById: officer.userId } });
    await tx.auditEvent.createMany({
      data: [
        auditRow(officer, {
          action: "publication.hold",
          entityType: "publication_hold",
          entityId: hold.id,
          prefectureCode: cycle.prefectureCode,
          summary: `${institution.name}の${cycle.title}の公表を保留: ${reason}`,
          after: { institutionId, reason },
        }),
      ],
    });
  });
}

/** Ends a hold: the institution is public again from the next publication run. */
export async function releaseHold(viewer: TViewer, cycleId: string, institutionId: string): Promise<void> {
  const { officer, cycle } = await officerCycle(viewer, cycleId);
  await db.$transaction(async (tx) => {
    const hold = await tx.publicationHold.findFirst({
      where: { cycleId: cycle.id, institutionId, releasedAt: null, prefectureCode: officer.prefectureCode },
      select: { id: true, reason: true, institution: { select: { name: true } } },
    });
    if (!hold) throw notFoundError("公表の保留");
    await tx.publicationHold.update({
      where: { id: hold.id },
      data: { releasedAt: new Date(), releasedById: officer.userId },
    });
    await tx.auditEvent.createMany({
      data: [
        auditRow(officer, {
          action: "publication.release",
          entityType: "publication_hold",
          entityId: hold.id,
          prefectureCode: cycle.prefectureCode,
          summary: `${hold.institution.name}の${cycle.title}の公表保留を解除（次回の公表から掲載）`,
          before: { reason: hold.reason },
          after: { released: true },
        }),
      ],
    });
  });
}
