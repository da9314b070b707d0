import "server-only";
import { createHash } from "node:crypto";
import { encodeCsv, tableToCsvText } from "@/lib/export/table-file";
import { licenceOf } from "@/lib/summaries/public";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import {
  OPEN_DATA_FILES,
  OPEN_DATA_TABLES,
  councilTableRows,
  toCsvTable,
  toRecords,
  type TOpenDataColumn,
  type TOpenDataTable,
} from "@/lib/summaries/public-open-data";
import { listPublishedCouncilRecords } from "./council-records";
import { publicCounts, publicRecords, type TLivePublication } from "./public";

// The open-data files of a live publication: the same rows as CSV (UTF-8 with BOM, Shift_JIS) and
// JSON, through the one CSV writer of lib/export. Built on request and cached with the rows.

export type TOpenDataFile = {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
  /** The ETag: the publication version, plus a digest of the content for the council results. */
  version: string;
};

async function tableRows(live: TLivePublication, table: TOpenDataTable): Promise<unknown[]> {
  if (table === "institutions") return publicRecords(live);
  // Council results are published by the council or the officer (status 公表), not by the run:
  // read at each request (not memoised per run), the records of this publication's 年度 only.
  if (table === "councils")
    return councilTableRows(await listPublishedCouncilRecords(live.prefectureCode, live.fiscalYear));
  return (await publicCounts(live, table === "zones" ? "zone" : "municipality")).rows;
}

export function openDataMeta(live: TLivePublication, table: TOpenDataTable) {
  const licence = licenceOf(live.licence);
  return {
    title:
      table === "councils"
        ? `${live.prefectureName} ${fiscalYearLabel(live.fiscalYear)} 在宅医療・かかりつけ医機能の協議の場 ${OPEN_DATA_TABLES[table].title}`
        : `${live.prefectureName} ${fiscalYearLabel(live.fiscalYear)} かかりつけ医機能報告 ${OPEN_DATA_TABLES[table].title}`,
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
  const file = (bytes: Uint8Array, contentType: string): TOpenDataFile => ({
    bytes,
    contentType,
    fileName: name,
    // A council record published or set back to 作成中 changes the file but not the run: the
    // digest keeps a cached copy from being revalidated as unchanged.
    version:
      spec.table === "councils"
        ? `${live.version}.${fileName}.${createHash("sha256").update(bytes).digest("base64url").slice(0, 16)}`
        : `${live.version}.${fileName}`,
  });
  if (spec.format === "json") {
    const body = { meta: openDataMeta(live, spec.table), records: toRecords(columns, rows) };
    return file(new TextEncoder().encode(JSON.stringify(body)), "application/json; charset=utf-8");
  }
  const text = tableToCsvText(toCsvTable(columns, rows));
  return spec.format === "csv"
    ? file(encodeCsv(text, "utf-8-bom"), "text/csv; charset=utf-8")
    : file(encodeCsv(text, "shift_jis"), "text/csv; charset=shift_jis");
}
