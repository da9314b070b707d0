import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { flattenParams } from "@/lib/search-params";
import { renderPdf } from "@/lib/pdf/pool";
import { documentFileName } from "@/lib/pdf/file-names";
import { mailLettersRequest } from "@/lib/services/mail-post";

/** GET ?kind=ANNOUNCEMENT|REMINDER&<filters>: the letters for post (PDF), worded as the mails. */
export const GET = apiRoute<{ cycleId: string }>(async ({ viewer, params, request }) => {
  const document = await mailLettersRequest(viewer, params.cycleId, flattenParams(new URL(request.url).searchParams));
  const { bytes } = await renderPdf(document);
  return fileResponse(bytes, documentFileName(document), "application/pdf");
});
