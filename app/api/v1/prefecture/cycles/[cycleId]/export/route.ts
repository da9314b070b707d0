import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { assertRole } from "@/lib/auth/viewer-guards";
import { TABLE_FORMATS } from "@/lib/export/table-file";
import { exportSubmissions } from "@/lib/services/exports";

/** GET ?format=csv|csv-sjis|xlsx: every respondent's latest report, one row each (re-importable). */
export const GET = apiRoute<{ cycleId: string }>(async ({ viewer, params, request }) => {
  assertRole(viewer, "prefecture");
  const format = z.enum(TABLE_FORMATS).catch("xlsx").parse(new URL(request.url).searchParams.get("format"));
  const file = await exportSubmissions(viewer, params.cycleId, format);
  return fileResponse(file.bytes, file.fileName, file.contentType, file.asciiFileName);
});
