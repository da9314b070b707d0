import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { assertRole } from "@/lib/auth/viewer-guards";
import { TABLE_FORMATS } from "@/lib/export/table-file";
import { auditQuery, ZAuditFilter } from "@/lib/prefecture/filters";
import { flattenParams } from "@/lib/search-params";
import { exportAuditLog } from "@/lib/services/audit-export";

/** GET ?format=csv|csv-sjis|xlsx&<audit filters>: the prefecture's audit log as filtered on screen. */
export const GET = apiRoute(async ({ viewer, request }) => {
  assertRole(viewer, "prefecture");
  const search = new URL(request.url).searchParams;
  const format = z.enum(TABLE_FORMATS).catch("xlsx").parse(search.get("format"));
  const { before: _page, ...filter } = auditQuery(ZAuditFilter.parse(flattenParams(search)));
  const file = await exportAuditLog(viewer, filter, format);
  return fileResponse(file.bytes, file.fileName, file.contentType, file.asciiFileName);
});
