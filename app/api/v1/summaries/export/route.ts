import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { auditDownload } from "@/lib/services/download-audit";
import { fileResponse } from "@/lib/http/download";
import { AppError } from "@/lib/errors";
import { getSummaryView, tablesOf } from "@/lib/data/summary-views";
import { parseSummaryParams } from "@/lib/summaries/params";
import { findTable, summaryExportFileName } from "@/lib/summaries/tables";
import { TABLE_FORMATS, tableToFile } from "@/lib/export/table-file";

const ZExport = z.object({ table: z.string().min(1).max(40), format: z.enum(TABLE_FORMATS) });

/** GET /api/v1/summaries/export?…&table=zones&format=csv|csv-sjis|xlsx — one dashboard table as a file. */
export const GET = apiRoute(async ({ viewer, request }) => {
  const url = new URL(request.url);
  const parsed = ZExport.safeParse({
    table: url.searchParams.get("table"),
    format: url.searchParams.get("format") ?? "csv",
  });
  if (!parsed.success) throw new AppError("INVALID_INPUT", "出力する表と形式を指定してください。");
  const params = parseSummaryParams(url.searchParams);
  const view = await getSummaryView(viewer, params);
  const table = findTable(tablesOf(view), parsed.data.table);
  if (!table) throw new AppError("NOT_FOUND", "指定された表はありません。");
  const file = await tableToFile(table, parsed.data.format, table.title);
  const { fileName, asciiFileName } = summaryExportFileName(view, table, parsed.data.format);
  await auditDownload(viewer, {
    action: "download.summary_export",
    fileName,
    cycleId: view.level === "national" ? null : view.cycle.id,
    scope: { table: parsed.data.table, format: parsed.data.format, schemeId: params.schemeId, zoneId: params.zoneId },
  });
  return fileResponse(file.bytes, fileName, file.contentType, asciiFileName);
});
