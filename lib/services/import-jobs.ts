import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db, Prisma } from "@/lib/db";
import type { TViewer, TViewerOf } from "@/lib/auth/viewer-types";
import { assertRole } from "@/lib/auth/viewer-guards";
import { AppError, isAppError, notFoundError } from "@/lib/errors";
import { readTableFile, type TImportFile } from "@/lib/import";
import { cycleTitle } from "@/lib/domain/labels";
import { cycleScope } from "@/lib/data/scope";
import { getDefinition } from "@/lib/data/questionnaires";
import {
  IMPORT_KIND_LABELS,
  type TImportApplyOptions,
  type TImportKind,
  type TImportOutcome,
  type TImportPreview,
} from "@/lib/prefecture/import-preview";
import { recordAudit } from "./audit";
import type { TRejectedRows } from "@/lib/prefecture/import-rejected";
import type { TImportContext, TImportCycle, TImportHandler } from "./import-handler";
import { enqueue, jobQueue } from "@/lib/jobs/queue";
import { rosterHandler } from "./import-roster";
import { zonesHandler } from "./import-zones";
import { populationHandler } from "./import-population";
import { ndbHandler } from "./import-ndb";
import { paperHandler } from "./import-paper";
import { recountClinicCounters, recountPrefecture } from "./counters";
import { refreshPlannerStatistics } from "./bulk";
import { CLI_ACTOR_EMAIL } from "./cli-viewer";

// File imports as jobs: upload → check (a preview; nothing written) → the officer applies → the
// runner applies in the background while the browser polls the progress.
//
// - The check and the apply use the same handler, and the apply checks again inside its
//   transaction against the data as it is then (the roster may have changed since the preview).
// - The apply is one transaction: it writes everything or nothing, and records the job's success
//   in the same transaction. A failure leaves the data as it was and says why.
// - Applying queues an "import.apply" job on the durable queue (lib/jobs) in the same transaction
//   that marks the row QUEUED; whichever app instance polls first runs it, and a job whose process
//   died is run again. The command line runs it in its own process (the queue's copy then finds
//   the job done). Progress is written to the row, so any instance can answer the poll.
// - On the embedded database (one PostgreSQL session) other requests wait while the transaction
//   runs, so the writes are bulk statements (a 15,000-row roster commits in seconds); on
//   PostgreSQL the rest of the app carries on.

const HANDLERS: Record<TImportKind, TImportHandler<unknown>> = {
  ROSTER: rosterHandler as TImportHandler<unknown>,
  ZONES: zonesHandler as TImportHandler<unknown>,
  POPULATION: populationHandler as TImportHandler<unknown>,
  NDB: ndbHandler as TImportHandler<unknown>,
  PAPER: paperHandler as TImportHandler<unknown>,
};

/** The tables each kind of import writes in bulk (their planner statistics are refreshed after). */
const WRITTEN_TABLES: Record<TImportKind, readonly string[]> = {
  ROSTER: ["Institution", "ClinicCounterCell"],
  ZONES: ["Zone", "ZoneMunicipality"],
  POPULATION: ["Municipality"],
  NDB: ["NdbPrefill"],
  PAPER: ["Submission", "SubmissionRevision", "ClinicCounterCell"],
};

/** A preview may be applied for this long; after that the file must be checked again. */
export const PREVIEW_TTL_MS = 24 * 3600_000;
/**
 * A running job not heard of for this long died with its process and was not retried (nothing was
 * written: the apply's transaction ends after APPLY_TIMEOUT_MS at the latest).
 */
export const STALE_JOB_MS = 15 * 60_000;
/** The longest an apply may take before its transaction is rolled back. */
const APPLY_TIMEOUT_MS = 10 * 60_000;

const CYCLE_KINDS = new Set<TImportKind>(["NDB", "PAPER"]);

export type TImportRequest = { kind: TImportKind; file: TImportFile; cycleId?: string | null };

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function asPrefecture(viewer: TViewer): TViewerOf<"prefecture"> {
  assertRole(viewer, "prefecture");
  return viewer;
}

async function loadCycle(
  viewer: TViewerOf<"prefecture">,
  kind: TImportKind,
  cycleId: string | null | undefined,
): Promise<TImportCycle | null> {
  if (!CYCLE_KINDS.has(kind)) return null;
  if (!cycleId)
    throw new AppError("INVALID_INPUT", `${IMPORT_KIND_LABELS[kind]}の取込には報告サイクルを指定してください。`);
  const cycle = await db.reportingCycle.findFirst({
    where: { AND: [cycleScope(viewer), { id: cycleId }] },
    select: { id: true, kind: true, fiscalYear: true, questionnaireVersionId: true, prefectureCode: true },
  });
  if (!cycle) throw notFoundError("報告サイクル");
  if (cycle.kind !== "CLINIC_REPORT") {
    throw new AppError(
      "INVALID_INPUT",
      `${IMPORT_KIND_LABELS[kind]}はかかりつけ医機能報告のサイクルにだけ取り込めます。`,
    );
  }
  const definition = await getDefinition(cycle.questionnaireVersionId);
  return { ...cycle, definition, label: cycleTitle(cycle) };
}

function failedRead(
  errors: TImportPreview["errors"],
  format: TImportPreview["format"],
  encoding: TImportPreview["encoding"],
): TImportPreview {
  return {
    ok: false,
    format,
    encoding,
    sheetName: null,
    stats: { dataRows: 0, validRows: 0, blankLines: 0, errorCount: errors.length, warningCount: 0 },
    errors,
    warnings: [],
    details: null,
  };
}

async function checkWith(
  client: Prisma.TransactionClient,
  kind: TImportKind,
  context: TImportContext,
  file: TImportFile,
) {
  const read = await readTableFile(file);
  if (!read.ok) return { preview: failedRead(read.errors, read.format, read.encoding), plan: null };
  return HANDLERS[kind].check(client, context, { table: read.table, readWarnings: read.warnings });
}

/**
 * Checks a file and says what applying it would change, without writing anything at all (the
 * command line's --dry-run).
 */
export async function checkImport(viewer: TViewer, request: TImportRequest): Promise<TImportPreview> {
  const officer = asPrefecture(viewer);
  const cycle = await loadCycle(officer, request.kind, request.cycleId);
  const context: TImportContext = {
    prefectureCode: officer.prefectureCode,
    cycle,
    jobId: null,
    fileName: request.file.name,
    fileSha256: sha256Hex(request.file.bytes),
  };
  return (await checkWith(db, request.kind, context, request.file)).preview;
}

/** Checks a file and keeps it as a job with its preview; the officer then applies or discards it. */
export async function createImportPreview(
  viewer: TViewer,
  request: TImportRequest,
): Promise<{ jobId: string; preview: TImportPreview }> {
  const officer = asPrefecture(viewer);
  const cycle = await loadCycle(officer, request.kind, request.cycleId);
  const fileSha256 = sha256Hex(request.file.bytes);
  const context: TImportContext = {
    prefectureCode: officer.prefectureCode,
    cycle,
    jobId: null,
    fileName: request.file.name,
    fileSha256,
  };
  const { preview, rejected } = await checkWith(db, request.kind, context, request.file);
  await expireOldPreviews();
  const job = await db.importJob.create({
    data: {
      prefectureCode: officer.prefectureCode,
      kind: request.kind,
      cycleId: cycle?.id ?? null,
      fileName: request.file.name || "（名前なし）",
      fileSize: request.file.bytes.byteLength,
      fileSha256,
      // Only a file that can be applied (whole, or its valid rows) is kept; a refused one is not needed again.
      fileBytes: preview.ok || preview.validRowsImportable ? (request.file.bytes as Uint8Array<ArrayBuffer>) : null,
      preview: preview as unknown as Prisma.InputJsonValue,
      rejectedRows: rejected ? (rejected as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
      createdById: officer.userId,
      createdByEmail: officer.email,
    },
    select: { id: true },
  });
  return { jobId: job.id, preview };
}

async function expireOldPreviews() {
  await db.importJob.updateMany({
    where: { status: "PREVIEWED", createdAt: { lt: new Date(Date.now() - PREVIEW_TTL_MS) } },
    data: { status: "DISCARDED", fileBytes: null },
  });
}

const ZApplyOptions = {
  parse(input: unknown): TImportApplyOptions {
    const raw = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
    return {
      deactivateMissing: raw.deactivateMissing === true,
      overwriteWeb: raw.overwriteWeb === true,
      validRowsOnly: raw.validRowsOnly === true,
    };
  },
};

async function findOwnJob(officer: TViewerOf<"prefecture">, jobId: string) {
  const job = await db.importJob.findFirst({
    where: { id: jobId, prefectureCode: officer.prefectureCode },
    select: { id: true, kind: true, status: true, cycleId: true, createdAt: true, preview: true, prefectureCode: true },
  });
  if (!job) throw notFoundError("取込");
  return job;
}

/**
 * A file with errors is applied only when the officer chose to import its valid rows and its
 * problems are confined to rows; a partial roster never deactivates institutions, since the rows
 * it leaves out would otherwise look missing from the file.
 */
function assertApplicable(preview: TImportPreview, options: TImportApplyOptions) {
  if (!preview.ok && !(options.validRowsOnly && preview.validRowsImportable)) {
    throw new AppError(
      "INVALID_INPUT",
      preview.validRowsImportable
        ? "このファイルには誤りのある行があります。修正してもう一度読み込むか、「正しい行だけ取り込む」を選んでください。"
        : "このファイルには誤りがあるため反映できません。修正してからもう一度読み込んでください。",
    );
  }
  if (!preview.ok && options.deactivateMissing) {
    throw new AppError(
      "INVALID_INPUT",
      "正しい行だけを取り込むときは、ファイルにない医療機関を無効化できません（誤りのある行の医療機関まで無効化されるため）。",
    );
  }
}

/** How the person applying chooses to overwrite web reports: a command-line flag or a checkbox. */
const overwriteChoice = (actor: TViewer) =>
  actor.email === CLI_ACTOR_EMAIL
    ? "--overwrite-web を付けて実行してください"
    : "「Web で報告済みの内容を上書きする」を選んでください";

/** Refuses options a preview needs but the officer did not give. */
function assertOptionsFit(preview: TImportPreview, options: TImportApplyOptions, actor: TViewer) {
  const details = preview.details;
  if (details?.kind === "PAPER" && details.counts.conflicts > 0 && !options.overwriteWeb) {
    const lines = details.conflicts
      .slice(0, 10)
      .map((c) => `${c.line}行目（${c.name}）`)
      .join("、");
    throw new AppError(
      "CONFLICT",
      `Web で報告済みの医療機関が ${details.counts.conflicts}件あります: ${lines}${details.counts.conflicts > 10 ? " ほか" : ""}。紙の内容で上書きする場合は${overwriteChoice(actor)}。`,
    );
  }
}

/**
 * The officer applies a previewed file: the job is queued for the runner and this returns at
 * once. Applying twice (a double click) is harmless: the second call finds the job queued.
 */
export async function applyImportJob(
  viewer: TViewer,
  jobId: string,
  rawOptions: unknown,
): Promise<{ jobId: string; status: string }> {
  const officer = asPrefecture(viewer);
  const job = await findOwnJob(officer, jobId);
  if (job.status === "QUEUED" || job.status === "RUNNING" || job.status === "SUCCEEDED")
    return { jobId, status: job.status };
  if (job.status !== "PREVIEWED") {
    throw new AppError("CONFLICT", "この取込は取り消されたか失敗しています。ファイルをもう一度読み込んでください。");
  }
  const preview = job.preview as unknown as TImportPreview;
  const options = ZApplyOptions.parse(rawOptions);
  assertApplicable(preview, options);
  if (Date.now() - job.createdAt.getTime() > PREVIEW_TTL_MS) {
    await db.importJob.updateMany({
      where: { id: jobId, status: "PREVIEWED" },
      data: { status: "DISCARDED", fileBytes: null },
    });
    throw new AppError(
      "CONFLICT",
      "確認から24時間以上たったため、この取込は取り消されました。ファイルをもう一度読み込んでください。",
    );
  }
  assertOptionsFit(preview, options, officer);

  const active = await db.importJob.findMany({
    where: {
      prefectureCode: officer.prefectureCode,
      kind: job.kind,
      status: { in: ["QUEUED", "RUNNING"] },
      id: { not: jobId },
    },
    select: { id: true, updatedAt: true },
  });
  const stale = active.filter((a) => Date.now() - a.updatedAt.getTime() > STALE_JOB_MS);
  if (stale.length > 0) {
    await db.importJob.updateMany({
      where: { id: { in: stale.map((s) => s.id) }, status: { in: ["QUEUED", "RUNNING"] } },
      data: {
        status: "FAILED",
        fileBytes: null,
        finishedAt: new Date(),
        errorMessage: "処理が中断されました（サーバーの再起動など）。データは変更されていません。",
      },
    });
  }
  if (active.length > stale.length) {
    throw new AppError(
      "CONFLICT",
      `別の${IMPORT_KIND_LABELS[job.kind]}の取込を反映中です。終わってから反映してください。`,
    );
  }

  // The row turns QUEUED and the job is queued in one transaction: neither exists without the other.
  await jobQueue();
  const queued = await db.$transaction(async (tx) => {
    const updated = await tx.importJob.updateMany({
      where: { id: jobId, status: "PREVIEWED" },
      data: {
        status: "QUEUED",
        options: options as Prisma.InputJsonValue,
        appliedById: officer.userId,
        appliedByEmail: officer.email,
        phase: "反映待ち",
      },
    });
    if (updated.count > 0) await enqueue("import.apply", { importJobId: jobId }, { key: jobId, tx });
    return updated;
  });
  if (queued.count === 0) {
    const now = await findOwnJob(officer, jobId);
    return { jobId, status: now.status };
  }
  return { jobId, status: "QUEUED" };
}

/** Drops a preview that will not be applied (its file is deleted). */
export async function discardImportJob(viewer: TViewer, jobId: string): Promise<void> {
  const officer = asPrefecture(viewer);
  const job = await findOwnJob(officer, jobId);
  if (job.status !== "PREVIEWED") return;
  await db.importJob.updateMany({
    where: { id: jobId, status: "PREVIEWED" },
    data: { status: "DISCARDED", fileBytes: null },
  });
}

/** A partial import is audited as such: which lines were left out, so nobody mistakes it for the whole file. */
async function auditPartialImport(
  tx: Prisma.TransactionClient,
  actor: TViewerOf<"prefecture">,
  job: { id: string; kind: TImportKind; fileName: string; fileSha256: string; prefectureCode: string },
  rejected: TRejectedRows,
) {
  const lines = rejected.table.rows.map((row) => String(row[row.length - 2] ?? ""));
  await recordAudit(tx, actor, {
    action: "import.partial",
    entityType: "import_job",
    entityId: job.id,
    prefectureCode: job.prefectureCode,
    summary: `${IMPORT_KIND_LABELS[job.kind]}の正しい行だけを取り込み: 誤りのため取り込まなかった行 ${lines.length}件（${lines.slice(0, 10).join("、")}${lines.length > 10 ? " ほか" : ""}）`,
    after: { fileName: job.fileName, fileSha256: job.fileSha256, rejected: lines.length, rejectedLines: lines },
  });
}

class RejectedOnApply extends Error {
  constructor(readonly preview: TImportPreview) {
    super("rejected on apply");
  }
}

/**
 * Progress written to the job row at most once a second, without waiting: on PostgreSQL other
 * instances see it move while the apply's transaction runs; on the embedded database (one
 * session) the write waits for that transaction and then finds the job finished (no-op).
 */
function progressWriter(jobId: string) {
  let last = 0;
  let pending: Promise<unknown> | null = null;
  return (phase: string, done: number, total: number) => {
    if (pending || Date.now() - last < 1000) return;
    last = Date.now();
    pending = db.importJob
      .updateMany({
        where: { id: jobId, status: "RUNNING" },
        data: { phase, progressDone: done, progressTotal: total },
      })
      .catch(() => undefined)
      .finally(() => (pending = null));
  };
}

/**
 * Runs a queued job to the end. Never throws: the outcome is written to the job. Safe to call
 * twice — only the caller that moves the job from QUEUED to RUNNING does the work; `retry` (the
 * queue runs the job again because the process of the first attempt died) also takes it over from
 * RUNNING, which is safe because that attempt's transaction was rolled back with its connection.
 */
export async function runImportJob(jobId: string, { retry = false }: { retry?: boolean } = {}): Promise<void> {
  const claimed = await db.importJob.updateMany({
    where: { id: jobId, status: retry ? { in: ["QUEUED", "RUNNING"] } : "QUEUED" },
    data: { status: "RUNNING", startedAt: new Date(), phase: "ファイルの読み込み" },
  });
  if (claimed.count === 0) return;
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  const progress = progressWriter(jobId);
  try {
    if (!job.fileBytes) throw new AppError("CONFLICT", "取込ファイルが残っていません。もう一度読み込んでください。");
    const actor: TViewerOf<"prefecture"> = {
      role: "prefecture",
      userId: job.appliedById,
      email: job.appliedByEmail ?? job.createdByEmail,
      name: job.appliedByEmail ?? job.createdByEmail,
      prefectureCode: job.prefectureCode,
    };
    const cycle = job.cycleId ? await loadCycle(actor, job.kind, job.cycleId) : null;
    const context: TImportContext = {
      prefectureCode: job.prefectureCode,
      cycle,
      jobId,
      fileName: job.fileName,
      fileSha256: job.fileSha256,
    };
    const options = ZApplyOptions.parse(job.options);
    const file = { name: job.fileName, bytes: new Uint8Array(job.fileBytes) };
    const read = await readTableFile(file);
    if (!read.ok) throw new RejectedOnApply(failedRead(read.errors, read.format, read.encoding));
    const handler = HANDLERS[job.kind];
    const rows = read.table.rows.length;
    progress("検証", 0, rows);
    await db.importJob.update({ where: { id: jobId }, data: { phase: "検証・書き込み", progressTotal: rows } });

    await db.$transaction(
      async (tx) => {
        const checked = await handler.check(tx, context, { table: read.table, readWarnings: read.warnings });
        const applicable = checked.preview.ok || (options.validRowsOnly && checked.preview.validRowsImportable);
        if (!applicable || checked.plan === null) throw new RejectedOnApply(checked.preview);
        // Options are judged on the fresh check (a web report may have arrived since the preview).
        assertOptionsFit(checked.preview, options, actor);
        progress("書き込み", 0, rows);
        const applied = await handler.apply(tx, context, checked.plan, options, actor, progress);
        const rejected = checked.rejected ?? null;
        const outcome: TImportOutcome = rejected ? { ...applied, rejected: rejected.table.rows.length } : applied;
        if (rejected) await auditPartialImport(tx, actor, job, rejected);
        // Counters follow the reports and the roster, in this same transaction: a roster changes
        // who is a respondent (and of which kind, in which municipality); paper reports add
        // reports. Zones, population and NDB values are read at display time or not counted.
        progress("集計の更新", rows, rows);
        if (job.kind === "ROSTER") await recountPrefecture(job.prefectureCode, undefined, tx);
        if (job.kind === "PAPER" && job.cycleId) await recountClinicCounters(job.cycleId, undefined, tx);
        await tx.importJob.update({
          where: { id: jobId },
          data: {
            status: "SUCCEEDED",
            phase: "完了",
            result: outcome as unknown as Prisma.InputJsonValue,
            preview: checked.preview as unknown as Prisma.InputJsonValue,
            rejectedRows: rejected ? (rejected as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
            progressDone: rows,
            progressTotal: rows,
            fileBytes: null,
            finishedAt: new Date(),
          },
        });
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 60_000 },
    );
    await refreshPlannerStatistics(db, WRITTEN_TABLES[job.kind]);
  } catch (error) {
    let message: string;
    let preview: TImportPreview | undefined;
    if (error instanceof RejectedOnApply) {
      preview = error.preview;
      message = `反映の直前の確認で、ファイルに誤りが ${error.preview.stats.errorCount}件見つかりました（名簿や圏域が確認後に変更された可能性があります）。データは変更されていません。`;
    } else if (isAppError(error)) {
      message = `${error.message}（データは変更されていません）`;
    } else {
      const reference = randomUUID().slice(0, 8);
      console.error(`[renkei] import job ${jobId} failed ${reference}`, error);
      message = `反映中にエラーが発生したため、取り消しました。データは変更されていません。（参照番号: ${reference}）`;
    }
    await db.importJob.update({
      where: { id: jobId },
      data: {
        status: "FAILED",
        phase: "失敗",
        errorMessage: message,
        fileBytes: null,
        finishedAt: new Date(),
        ...(preview ? { preview: preview as unknown as Prisma.InputJsonValue } : {}),
      },
    });
  }
}
