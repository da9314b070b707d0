import { renderPdf } from "@/lib/pdf/pool";
import { documentFileName } from "@/lib/pdf/file-names";
import type { TDocumentRequest } from "@/lib/pdf/props";
import { loadPublicRecord, notFoundJson, type TPublicParams } from "../public-record";

/** GET: the published record as PDF (協議の結果). Public; 404 for anything not published. */
export async function GET(_request: Request, context: { params: Promise<TPublicParams> }): Promise<Response> {
  const found = await loadPublicRecord(await context.params);
  if (!found) return notFoundJson();
  const document: TDocumentRequest = {
    kind: "councilRecord",
    input: { ...found, generatedAt: new Date().toISOString() },
  };
  const { bytes } = await renderPdf(document);
  const fileName = documentFileName(document);
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="council.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "x-content-type-options": "nosniff",
    },
  });
}
