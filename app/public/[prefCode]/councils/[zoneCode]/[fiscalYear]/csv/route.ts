import { encodeCsv, tableToCsvText } from "@/lib/export/table-file";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { recordTable } from "@/lib/summaries/council-record";
import { loadPublicRecord, notFoundJson, type TPublicParams } from "../public-record";

/** GET: the published record as CSV (UTF-8 with BOM), one row per 対応策. Public; 404 otherwise. */
export async function GET(_request: Request, context: { params: Promise<TPublicParams> }): Promise<Response> {
  const found = await loadPublicRecord(await context.params);
  if (!found) return notFoundJson();
  const { record, prefectureName } = found;
  const bytes = encodeCsv(tableToCsvText(recordTable(record, prefectureName)), "utf-8-bom");
  const fileName = `${prefectureName}_${fiscalYearLabel(record.fiscalYear)}_協議の結果_${record.zone.name}.csv`;
  return new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="council.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "x-content-type-options": "nosniff",
    },
  });
}
