import { encodeCsv, tableToCsvText } from "@/lib/export/table-file";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { COUNCIL_COLUMNS, councilTableRows, toCsvTable } from "@/lib/summaries/public-open-data";
import { loadPublicRecord, notFoundJson, type TPublicParams } from "../public-record";

/**
 * GET: the published record as CSV (UTF-8 with BOM), one row per 対応策, with ① the meetings and the
 * 公表日 — the columns of the open-data table councils.csv (one source). Public; 404 otherwise.
 */
export async function GET(_request: Request, context: { params: Promise<TPublicParams> }): Promise<Response> {
  const found = await loadPublicRecord(await context.params);
  if (!found) return notFoundJson();
  const { record, prefectureName } = found;
  const bytes = encodeCsv(tableToCsvText(toCsvTable(COUNCIL_COLUMNS, councilTableRows([record]))), "utf-8-bom");
  const fileName = `${prefectureName}_${fiscalYearLabel(record.fiscalYear)}_協議の結果_${record.zone.name}.csv`;
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="council.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "x-content-type-options": "nosniff",
    },
  });
}
