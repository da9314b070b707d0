import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { assertRole } from "@/lib/auth/viewer-guards";
import { getRejectedRows } from "@/lib/data/import-jobs";
import { recordAudit } from "@/lib/services/audit";
import { db } from "@/lib/db";
import { notFoundError } from "@/lib/errors";
import { tableToFile } from "@/lib/export/table-file";
import { IMPORT_KIND_LABELS } from "@/lib/prefecture/import-preview";

/** GET: the rows of an import file that have errors, with the reasons, in the format uploaded. */
export const GET = apiRoute<{ jobId: string }>(async ({ viewer, params }) => {
  assertRole(viewer, "prefecture");
  const job = await getRejectedRows(viewer, params.jobId);
  if (!job.rejectedRows) throw notFoundError("取り込めなかった行");
  const { table, format } = job.rejectedRows;
  const file = await tableToFile(table, format, "取り込めなかった行");
  const base = job.fileName.replace(/\.[^.]*$/, "") || IMPORT_KIND_LABELS[job.kind];
  const suffix = format === "csv-sjis" ? "_Shift_JIS" : format === "csv" ? "_UTF-8" : "";
  await recordAudit(db, viewer, {
    action: "import.download_rejected",
    entityType: "import_job",
    entityId: job.id,
    prefectureCode: job.prefectureCode,
    summary: `${IMPORT_KIND_LABELS[job.kind]}の取り込めなかった行（${table.rows.length}件）をダウンロード`,
  });
  return fileResponse(file.bytes, `${base}_取り込めなかった行${suffix}.${file.extension}`, file.contentType);
});
