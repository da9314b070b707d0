import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { ZipArchive } from "archiver";
import { db, type Prisma } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError, isAppError } from "@/lib/errors";
import type { TKindFilter } from "@/lib/aggregation";
import type { TSummaryParams } from "@/lib/summaries/params";
import { listDashboardSchemes, resolveSummaryScope } from "@/lib/data/summary-scope";
import { getPrefectureSummaryInput, getZonePacketInput } from "@/lib/data/documents";
import { enqueue, jobQueue } from "@/lib/jobs/queue";
import { pdfThreads, renderPdf } from "@/lib/pdf/pool";
import type { TDocumentRequest } from "@/lib/pdf/props";
import { documentFileName, packetZipName } from "@/lib/pdf/file-names";

// "全圏域を一括作成": every zone's council packet and the prefecture summary, rendered in the PDF
// renderer processes and written into one ZIP, as a background job with progress.
//
// - The route creates a job row and queues a "documents.packet-batch" job on the durable queue
//   (lib/jobs) in the same transaction, and answers at once; whichever app instance polls first
//   runs it (and a job whose process died is run again). The browser polls the row's progress
//   (documents done of total) and downloads the ZIP when it is done, from any instance.
// - Loading each zone's bundle is a few queries on the request thread (the same loaders as the
//   dashboards); rendering happens in the worker pool, as many documents at a time as it has
//   threads, so the site stays responsive while a 14,000-institution prefecture is rendered.
// - The ZIP is stored uncompressed ("store"): PDFs are already compressed, and deflating them again
//   would spend the request thread's CPU for ~2 % smaller files.
// - The ZIP is built in memory and stored in the job row (DocumentJob.fileBytes) for
//   DOCUMENT_RETENTION_MS, then emptied by the hourly housekeeping job: every instance can serve
//   it (docs/decisions/0013-job-queue.md).

export const DOCUMENT_RETENTION_MS = 24 * 3600_000;
/**
 * A job not heard of for this long died with its process and the queue gave up retrying it (a
 * running batch writes its progress after every document, a few seconds apart).
 */
export const STALE_DOCUMENT_JOB_MS = 20 * 60_000;

export type TDocumentJobOptions = { kind: TKindFilter; confirmedOnly: boolean };

function asOfficer(viewer: TViewer): TViewerOf<"prefecture"> {
  assertRole(viewer, "prefecture");
  return viewer;
}

/**
 * Empties expired ZIPs and marks jobs whose process died for good as failed: hourly on the queue
 * (lib/jobs/handlers.ts) for every prefecture, and for one prefecture when a job is created.
 */
export async function expireDocumentJobs(prefectureCode?: string): Promise<void> {
  const now = new Date();
  const scope = prefectureCode ? { prefectureCode } : {};
  await db.documentJob.updateMany({
    where: { ...scope, status: "SUCCEEDED", expiresAt: { lt: now } },
    data: { status: "EXPIRED", fileBytes: null },
  });
  await db.documentJob.updateMany({
    where: {
      ...scope,
      status: { in: ["QUEUED", "RUNNING"] },
      updatedAt: { lt: new Date(now.getTime() - STALE_DOCUMENT_JOB_MS) },
    },
    data: {
      status: "FAILED",
      phase: "失敗",
      finishedAt: now,
      errorMessage: "作成が中断されました（サーバーの再起動など）。もう一度作成してください。",
    },
  });
}

/**
 * Queues the ZIP of every zone's packet of a cycle and zone scheme. Asking again while the same
 * batch is queued or running returns that job (a double click makes one job).
 */
export async function createPacketBatchJob(
  viewer: TViewer,
  params: TSummaryParams,
): Promise<{ jobId: string; status: string }> {
  const officer = asOfficer(viewer);
  const { filter, scheme } = await resolveSummaryScope(officer, { ...params, zoneId: null });
  if (!scheme) throw new AppError("INVALID_INPUT", "圏域の区分がありません。先に圏域を登録してください。");
  if (scheme.zones.length === 0) throw new AppError("INVALID_INPUT", "この区分には圏域がありません。");
  await expireDocumentJobs(officer.prefectureCode);
  const options: TDocumentJobOptions = { kind: filter.kind, confirmedOnly: filter.confirmedOnly };
  const active = await db.documentJob.findMany({
    where: {
      prefectureCode: officer.prefectureCode,
      cycleId: filter.cycleId,
      schemeId: scheme.id,
      status: { in: ["QUEUED", "RUNNING"] },
    },
    select: { id: true, status: true, options: true },
  });
  const same = active.find((j) => JSON.stringify(j.options) === JSON.stringify(options));
  if (same) return { jobId: same.id, status: same.status };
  // The row and its queued job are created together: neither exists without the other.
  await jobQueue();
  const schemeId = scheme.id;
  const job = await db.$transaction(async (tx) => {
    const created = await tx.documentJob.create({
      data: {
        prefectureCode: officer.prefectureCode,
        cycleId: filter.cycleId,
        schemeId,
        options: options as Prisma.InputJsonValue,
        phase: "作成待ち",
        progressTotal: scheme.zones.length + 1,
        createdById: officer.userId,
        createdByEmail: officer.email,
      },
      select: { id: true },
    });
    await enqueue("documents.packet-batch", { documentJobId: created.id }, { key: created.id, tx });
    return created;
  });
  return { jobId: job.id, status: "QUEUED" };
}

/**
 * Runs a queued batch to the end. Never throws: the outcome is written to the job. Safe to call
 * twice — only the caller that moves the job from QUEUED to RUNNING does the work; `retry` (the
 * queue runs it again because the first attempt's process died) starts it over from RUNNING.
 */
export async function runPacketBatchJob(jobId: string, { retry = false }: { retry?: boolean } = {}): Promise<void> {
  const claimed = await db.documentJob.updateMany({
    where: { id: jobId, status: retry ? { in: ["QUEUED", "RUNNING"] } : "QUEUED" },
    data: { status: "RUNNING", startedAt: new Date(), phase: "準備", progressDone: 0 },
  });
  if (claimed.count === 0) return;
  const job = await db.documentJob.findUniqueOrThrow({
    where: { id: jobId },
    select: {
      prefectureCode: true,
      createdById: true,
      createdByEmail: true,
      options: true,
      schemeId: true,
      cycleId: true,
    },
  });
  try {
    // The batch acts for the officer who asked for it, with that officer's scope.
    const actor: TViewerOf<"prefecture"> = {
      role: "prefecture",
      userId: job.createdById,
      email: job.createdByEmail,
      name: job.createdByEmail,
      prefectureCode: job.prefectureCode,
    };
    const options = (job.options ?? { kind: "ALL", confirmedOnly: false }) as TDocumentJobOptions;
    const scheme = (await listDashboardSchemes(actor, job.prefectureCode)).find((s) => s.id === job.schemeId);
    if (!scheme) throw new AppError("NOT_FOUND", "圏域の区分が見つかりません（削除された可能性があります）。");
    const base = {
      cycleId: job.cycleId,
      schemeId: job.schemeId,
      kind: options.kind,
      confirmedOnly: options.confirmedOnly,
      fiscalYear: null,
    };

    type TTask = { entry: string; load: () => Promise<TDocumentRequest> };
    const width = Math.max(2, String(scheme.zones.length).length);
    const tasks: TTask[] = [
      {
        entry: `${"0".repeat(width)}_`,
        load: async () => ({
          kind: "prefectureSummary",
          input: await getPrefectureSummaryInput(actor, { ...base, zoneId: null }),
        }),
      },
      ...scheme.zones.map((zone, i): TTask => ({
        entry: `${String(i + 1).padStart(width, "0")}_`,
        load: async () => ({
          kind: "zonePacket",
          input: await getZonePacketInput(actor, { ...base, zoneId: zone.id }),
        }),
      })),
    ];

    const zip = new ZipArchive({ store: true });
    const chunks: Buffer[] = [];
    zip.on("data", (chunk: Buffer) => chunks.push(chunk));
    const written = new Promise<void>((resolve, reject) => {
      zip.on("end", resolve);
      zip.on("error", reject);
    });

    let done = 0;
    let zipName = "";
    const report = (phase: string) =>
      db.documentJob.update({ where: { id: jobId }, data: { phase, progressDone: done, progressTotal: tasks.length } });
    await report("作成中");
    // Documents are produced `threads` at a time: loading the next bundle overlaps rendering.
    // After a failure the other lanes stop at their next document.
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (next < tasks.length && !failed) {
        const task = tasks[next++]!;
        const request = await task.load();
        const { bytes } = await renderPdf(request);
        const name = documentFileName(request);
        if (request.kind === "prefectureSummary") zipName = packetZipName(request.input);
        zip.append(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { name: `${task.entry}${name}` });
        done++;
        await report("作成中");
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(pdfThreads(), tasks.length) }, () =>
        worker().catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    await db.documentJob.update({ where: { id: jobId }, data: { phase: "ZIP の書き出し" } });
    await zip.finalize();
    await written;
    const bytes = Buffer.concat(chunks);
    chunks.length = 0;
    await db.documentJob.update({
      where: { id: jobId },
      data: {
        status: "SUCCEEDED",
        phase: "完了",
        progressDone: tasks.length,
        fileName: zipName || "協議の場資料_全圏域.zip",
        fileSize: bytes.byteLength,
        fileSha256: createHash("sha256").update(bytes).digest("hex"),
        fileBytes: bytes as Uint8Array<ArrayBuffer>,
        finishedAt: new Date(),
        expiresAt: new Date(Date.now() + DOCUMENT_RETENTION_MS),
      },
    });
  } catch (error) {
    let message: string;
    if (isAppError(error)) {
      message = error.message;
    } else {
      const reference = randomUUID().slice(0, 8);
      console.error(`[renkei] document job ${jobId} failed ${reference}`, error);
      message = `資料の作成中にエラーが発生しました。もう一度お試しください。（参照番号: ${reference}）`;
    }
    await db.documentJob
      .update({
        where: { id: jobId },
        data: { status: "FAILED", phase: "失敗", errorMessage: message, finishedAt: new Date() },
      })
      .catch((e: unknown) => console.error(`[renkei] document job ${jobId}: could not record the failure`, e));
  }
}
