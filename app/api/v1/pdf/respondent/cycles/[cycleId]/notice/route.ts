import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { getRespondentDocumentInput } from "@/lib/data/documents";
import { renderPdf } from "@/lib/pdf/pool";
import { documentFileName } from "@/lib/pdf/file-names";
import type { TDocumentRequest } from "@/lib/pdf/props";

const ZRevision = z.coerce.number().int().min(1).max(10_000).optional().catch(undefined);

/** GET ?revision=n — the respondent's own 院内掲示 (institutions only) of a submitted revision (the latest by default). */
export const GET = apiRoute<{ cycleId: string }>(async ({ viewer, params, request }) => {
  const revision = ZRevision.parse(new URL(request.url).searchParams.get("revision") ?? undefined);
  const input = await getRespondentDocumentInput(viewer, params.cycleId, { revision, document: "clinicNotice" });
  const document: TDocumentRequest = { kind: "clinicNotice", input };
  const { bytes } = await renderPdf(document);
  return fileResponse(bytes, documentFileName(document), "application/pdf");
});
