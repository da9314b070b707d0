import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { TABLE_FORMATS } from "@/lib/export/table-file";
import { flattenParams } from "@/lib/search-params";
import { exportMailRecipients } from "@/lib/services/mail-post";

/** GET ?kind=ANNOUNCEMENT|REMINDER&format=csv|csv-sjis|xlsx&<filters>: the recipients of a bulk send (for post or calls). */
export const GET = apiRoute<{ cycleId: string }>(async ({ viewer, params, request }) => {
  const search = new URL(request.url).searchParams;
  const format = z.enum(TABLE_FORMATS).catch("csv").parse(search.get("format"));
  const file = await exportMailRecipients(viewer, params.cycleId, flattenParams(search), format);
  return fileResponse(file.bytes, file.fileName, file.contentType, file.asciiFileName);
});
