import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { assertRole } from "@/lib/auth/viewer-guards";
import { TABLE_FORMATS } from "@/lib/export/table-file";
import { ZRespondentFilter } from "@/lib/prefecture/filters";
import { flattenParams } from "@/lib/search-params";
import { exportNotSubmitted } from "@/lib/services/exports";

/** GET ?format=csv|csv-sjis|xlsx&<list filters>: 未提出一覧 (未着手・下書き・差戻し) for reminder calls. */
export const GET = apiRoute<{ cycleId: string }>(async ({ viewer, params, request }) => {
  assertRole(viewer, "prefecture");
  const search = new URL(request.url).searchParams;
  const format = z.enum(TABLE_FORMATS).catch("csv").parse(search.get("format"));
  const filter = ZRespondentFilter.parse(flattenParams(search));
  const file = await exportNotSubmitted(viewer, params.cycleId, filter, format);
  return fileResponse(file.bytes, file.fileName, file.contentType, file.asciiFileName);
});
