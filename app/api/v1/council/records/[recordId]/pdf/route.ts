import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { getCouncilRecordDocumentInput } from "@/lib/data/council-records";
import { renderPdf } from "@/lib/pdf/pool";
import { documentFileName } from "@/lib/pdf/file-names";
import type { TDocumentRequest } from "@/lib/pdf/props";
import { auditRecordDownload } from "@/lib/services/council-records";

/** GET: the record of one zone and 年度 as PDF (協議の結果), for the zone's council and the officer. */
export const GET = apiRoute<{ recordId: string }>(async ({ viewer, params }) => {
  const document: TDocumentRequest = {
    kind: "councilRecord",
    input: await getCouncilRecordDocumentInput(viewer, params.recordId),
  };
  const { bytes } = await renderPdf(document);
  const fileName = documentFileName(document);
  await auditRecordDownload(viewer, params.recordId, fileName);
  return fileResponse(bytes, fileName, "application/pdf");
});
