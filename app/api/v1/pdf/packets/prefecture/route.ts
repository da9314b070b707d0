import { apiRoute } from "@/lib/http/api";
import { auditDownload } from "@/lib/services/download-audit";
import { fileResponse } from "@/lib/http/download";
import { getPrefectureSummaryInput } from "@/lib/data/documents";
import { parseSummaryParams } from "@/lib/summaries/params";
import { renderPdf } from "@/lib/pdf/pool";
import { documentFileName } from "@/lib/pdf/file-names";
import type { TDocumentRequest } from "@/lib/pdf/props";

/** GET /api/v1/pdf/packets/prefecture?cycle=…&scheme=… — every zone side by side (officers only). */
export const GET = apiRoute(async ({ viewer, request }) => {
  const params = parseSummaryParams(new URL(request.url).searchParams);
  const document: TDocumentRequest = {
    kind: "prefectureSummary",
    input: await getPrefectureSummaryInput(viewer, params),
  };
  const { bytes } = await renderPdf(document);
  const fileName = documentFileName(document);
  await auditDownload(viewer, {
    action: "download.pdf_packet",
    fileName,
    cycleId: params.cycleId,
    scope: { document: "prefectureSummary", schemeId: params.schemeId, zoneId: params.zoneId },
  });
  return fileResponse(bytes, fileName, "application/pdf");
});
