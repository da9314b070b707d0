import { apiRoute } from "@/lib/http/api";
import { auditDownload } from "@/lib/services/download-audit";
import { fileResponse } from "@/lib/http/download";
import { getZonePacketInput } from "@/lib/data/documents";
import { parseSummaryParams } from "@/lib/summaries/params";
import { renderPdf } from "@/lib/pdf/pool";
import { documentFileName } from "@/lib/pdf/file-names";
import type { TDocumentRequest } from "@/lib/pdf/props";

/**
 * GET /api/v1/pdf/packets/zone?cycle=…&scheme=…&zone=…[&kind=…&confirmed=1] — the council packet
 * (協議の場資料) of one zone as PDF, from the same bundle as the zone dashboard. Councils get only
 * their own zones (any other zone is NOT_FOUND, as on the dashboard). Rendered in a worker thread.
 */
export const GET = apiRoute(async ({ viewer, request }) => {
  const params = parseSummaryParams(new URL(request.url).searchParams);
  const document: TDocumentRequest = { kind: "zonePacket", input: await getZonePacketInput(viewer, params) };
  const { bytes } = await renderPdf(document);
  const fileName = documentFileName(document);
  await auditDownload(viewer, {
    action: "download.pdf_packet",
    fileName,
    cycleId: params.cycleId,
    scope: { document: "zonePacket", schemeId: params.schemeId, zoneId: params.zoneId },
  });
  return fileResponse(bytes, fileName, "application/pdf");
});
