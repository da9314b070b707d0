import "server-only";
import { encodeCsv, tableToCsvText } from "@/lib/export/table-file";
import { licenceOf } from "@/lib/summaries/public";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import {
  OPEN_DATA_FILES,
  OPEN_DATA_TABLES,
  toCsvTable,
  toRecords,
  type TOpenDataColumn,
  type TOpenDataTable,
} from "@/lib/summaries/public-open-data";
import { publicCounts, publicRecords, type TLivePublication } from "./public";

// The open-data files of a live publication: the same rows as CSV (UTF-8 with BOM, Shift_JIS) and
// JSON, through the one CSV writer of lib/export. Built on request and cached with the rows.

export type TOpenDataFile = { bytes: Uint8Array; contentType: string; fileName: string };

async function tableRows(live: TLivePublication, table: TOpenDataTable): Promise<unknown[]> {
  if (table === "institutions") return publicRecords(live);
  return (await publicCounts(live, table === "zones" ? "zone" : "municipality")).rows;
}

export function openDataMeta(live: TLivePublication, table: TOpenDataTable) {
  const licence = licenceOf(live.licence);
  return {
    title: `${live.prefectureName} ${fiscalYearLabel(live.fiscalYear)} かかりつけ医機能報告 ${OPEN_DATA_TABLES[table].title}`,
    prefectureCode: live.prefectureCode,
    prefectureName: live.prefectureName,
    fiscalYear: live.fiscalYear,
    dataAsOf: live.dataAsOf.toISOString(),
    publicationRun: live.runId,
    licence: { key: licence.key, name: licence.name, url: licence.url },
    demo: live.isDemo,
    schema: `/public/${live.prefectureCode}/open-data#schema-${table}`,
  };
}

/** One open-data file by its stable name (institutions.csv, zones-sjis.csv, …), or null. */
export async function openDataFile(live: TLivePublication, fileName: string): Promise<TOpenDataFile | null> {
  const spec = OPEN_DATA_FILES.find((f) => f.file === fileName);
  if (!spec) return null;
  const columns = OPEN_DATA_TABLES[spec.table].columns as readonly TOpenDataColumn<unknown>[];
  const rows = await tableRows(live, spec.table);
  const name = `renkei-${live.prefectureCode}-${live.fiscalYear}-${fileName}`;
  if (spec.format === "json") {
    const body = { meta: openDataMeta(live, spec.table), records: toRecords(columns, rows) };
    return {
      bytes: new TextEncoder().encode(JSON.stringify(body)),
      contentType: "application/json; charset=utf-8",
      fileName: name,
    };
  }
  const text = tableToCsvText(toCsvTable(columns, rows));
  return spec.format === "csv"
    ? { bytes: encodeCsv(text, "utf-8-bom"), contentType: "text/csv; charset=utf-8", fileName: name }
    : { bytes: encodeCsv(text, "shift_jis"), contentType: "text/csv; charset=shift_jis", fileName: name };
}
