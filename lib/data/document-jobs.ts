import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { AppError, notFoundError } from "@/lib/errors";
import type { DocumentJobStatus } from "@/lib/generated/prisma/enums";

// Batch document jobs (the ZIP of every zone's council packet) belong to a prefecture: its officers
// see and download them; nobody else does (councils download single packets of their own zones).

export type TDocumentJobProgress = {
  id: string;
  status: DocumentJobStatus;
  phase: string | null;
  done: number;
  total: number;
  fileName: string | null;
  fileSize: number | null;
  errorMessage: string | null;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string | null;
  /** Where the browser fetches the ZIP once the job has succeeded. */
  downloadUrl: string | null;
};

function jobScope(viewer: TViewer) {
  return viewer.role === "prefecture" ? { prefectureCode: viewer.prefectureCode } : { id: { in: [] as string[] } };
}

const select = {
  id: true,
  status: true,
  phase: true,
  progressDone: true,
  progressTotal: true,
  fileName: true,
  fileSize: true,
  errorMessage: true,
  createdAt: true,
  finishedAt: true,
  expiresAt: true,
  cycleId: true,
  schemeId: true,
} as const satisfies Prisma.DocumentJobSelect;

type TRow = Prisma.DocumentJobGetPayload<{ select: typeof select }>;

function toProgress(job: TRow): TDocumentJobProgress {
  return {
    id: job.id,
    status: job.status,
    phase: job.phase,
    done: job.progressDone,
    total: job.progressTotal,
    fileName: job.fileName,
    fileSize: job.fileSize,
    errorMessage: job.errorMessage,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    expiresAt: job.expiresAt?.toISOString() ?? null,
    downloadUrl: job.status === "SUCCEEDED" ? `/api/v1/pdf/jobs/${job.id}/download` : null,
  };
}

export async function getDocumentJobProgress(viewer: TViewer, jobId: string): Promise<TDocumentJobProgress> {
  const job = await db.documentJob.findFirst({ where: { AND: [jobScope(viewer), { id: jobId }] }, select });
  if (!job) throw notFoundError("資料の作成");
  return toProgress(job);
}

/** The prefecture's latest batches for a cycle, scheme and filter (newest first). */
export async function listDocumentJobs(
  viewer: TViewer,
  filter: { cycleId: string; schemeId: string; kind: string; confirmedOnly: boolean },
  take = 5,
): Promise<TDocumentJobProgress[]> {
  const options = { kind: filter.kind, confirmedOnly: filter.confirmedOnly };
  const jobs = await db.documentJob.findMany({
    where: {
      AND: [jobScope(viewer), { cycleId: filter.cycleId, schemeId: filter.schemeId, options: { equals: options } }],
    },
    orderBy: { createdAt: "desc" },
    take,
    select,
  });
  return jobs.map(toProgress);
}

/** The finished ZIP of a job the viewer may download (from the database: any instance serves it). */
export async function getDocumentJobFile(
  viewer: TViewer,
  jobId: string,
): Promise<{ bytes: Uint8Array; fileName: string; size: number; cycleId: string }> {
  const job = await db.documentJob.findFirst({
    where: { AND: [jobScope(viewer), { id: jobId }] },
    select: { ...select, fileBytes: true },
  });
  if (!job) throw notFoundError("資料の作成");
  if (job.status === "EXPIRED")
    throw new AppError("NOT_FOUND", "保存期間を過ぎたため、このファイルは削除されました。もう一度作成してください。");
  if (job.status !== "SUCCEEDED" || !job.fileName)
    throw new AppError("CONFLICT", "資料はまだ作成中です。完了してからダウンロードしてください。");
  if (!job.fileBytes) throw new AppError("NOT_FOUND", "ファイルが見つかりません。もう一度作成してください。");
  return {
    bytes: new Uint8Array(job.fileBytes),
    fileName: job.fileName,
    size: job.fileBytes.byteLength,
    cycleId: job.cycleId,
  };
}
