import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { notFoundError } from "@/lib/errors";
import type {
  TImportApplyOptions,
  TImportKind,
  TImportOutcome,
  TImportPreview,
  TImportProgress,
} from "@/lib/prefecture/import-preview";
import type { TRejectedRows } from "@/lib/prefecture/import-rejected";
import { viewerPrefecture } from "./scope";

const jobSelect = {
  id: true,
  kind: true,
  cycleId: true,
  status: true,
  fileName: true,
  fileSize: true,
  fileSha256: true,
  preview: true,
  options: true,
  phase: true,
  progressDone: true,
  progressTotal: true,
  result: true,
  errorMessage: true,
  createdByEmail: true,
  appliedByEmail: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

/** Import jobs belong to a prefecture: its officers see them; nobody else does (not even admins' lists). */
function jobScope(viewer: TViewer) {
  const prefectureCode = viewer.role === "prefecture" ? viewerPrefecture(viewer) : null;
  return prefectureCode ? { prefectureCode } : { id: { in: [] as string[] } };
}

export async function getImportJob(viewer: TViewer, jobId: string) {
  const job = await db.importJob.findFirst({ where: { AND: [jobScope(viewer), { id: jobId }] }, select: jobSelect });
  if (!job) throw notFoundError("取込");
  return {
    ...job,
    kind: job.kind as TImportKind,
    preview: job.preview as unknown as TImportPreview,
    options: (job.options ?? {}) as TImportApplyOptions,
    result: (job.result ?? null) as TImportOutcome | null,
  };
}

/**
 * The rows a partial import leaves out (before the apply: those the preview found; after it: those
 * the apply left out), or null when the file had no row errors.
 */
export async function getRejectedRows(viewer: TViewer, jobId: string) {
  const job = await db.importJob.findFirst({
    where: { AND: [jobScope(viewer), { id: jobId }] },
    select: { id: true, kind: true, fileName: true, prefectureCode: true, rejectedRows: true },
  });
  if (!job) throw notFoundError("取込");
  return { ...job, kind: job.kind as TImportKind, rejectedRows: (job.rejectedRows ?? null) as TRejectedRows | null };
}

/** The job's state for the progress bar (written by whichever instance runs it). */
export async function getImportProgress(viewer: TViewer, jobId: string): Promise<TImportProgress> {
  const job = await db.importJob.findFirst({
    where: { AND: [jobScope(viewer), { id: jobId }] },
    select: { status: true, phase: true, progressDone: true, progressTotal: true, result: true, errorMessage: true },
  });
  if (!job) throw notFoundError("取込");
  return {
    status: job.status,
    phase: job.phase,
    done: job.progressDone,
    total: job.progressTotal,
    result: (job.result ?? null) as TImportOutcome | null,
    errorMessage: job.errorMessage,
  };
}

export async function listImportJobs(
  viewer: TViewer,
  filter: { kinds?: TImportKind[]; cycleId?: string; take?: number } = {},
) {
  return db.importJob.findMany({
    where: {
      AND: [
        jobScope(viewer),
        filter.kinds ? { kind: { in: filter.kinds } } : {},
        filter.cycleId ? { cycleId: filter.cycleId } : {},
      ],
    },
    select: {
      id: true,
      kind: true,
      status: true,
      fileName: true,
      createdAt: true,
      finishedAt: true,
      createdByEmail: true,
      result: true,
    },
    orderBy: { createdAt: "desc" },
    take: filter.take ?? 10,
  });
}
