import { apiRoute } from "@/lib/http/api";
import { auditDownload } from "@/lib/services/download-audit";
import { fileResponse } from "@/lib/http/download";
import { getDocumentJobFile } from "@/lib/data/document-jobs";

/** GET: the finished ZIP of a batch (the prefecture's officers only). */
export const GET = apiRoute<{ jobId: string }>(async ({ viewer, params }) => {
  const file = await getDocumentJobFile(viewer, params.jobId);
  await auditDownload(viewer, {
    action: "download.pdf_batch",
    fileName: file.fileName,
    cycleId: file.cycleId,
    scope: { jobId: params.jobId },
  });
  return fileResponse(file.bytes, file.fileName, "application/zip");
});
