// The rows a partial import leaves out, as a file the officer can fix and import again: the
// file's own columns exactly as written, then the line it came from and the reasons. Pure.
import type { TRawTable } from "@/lib/import";
import type { TTable, TTableFormat } from "@/lib/export/table-file";

/** The rows a partial import leaves out, as stored with the job (ImportJob.rejectedRows). */
export type TRejectedRows = { table: TTable; format: TTableFormat };

export const REJECTED_LINE_HEADER = "元の行";
export const REJECTED_REASON_HEADER = "取り込めなかった理由";

/** Reasons for a line whose messages were cut from the preview (more than the reported maximum). */
const REASON_NOT_LISTED = "誤りがあります（誤りが多いため、理由の一覧には載っていません）。";

/**
 * Every data row of `raw` that is not a valid row, in file order. The header is the file's first
 * non-blank row; blank rows are neither valid nor rejected.
 */
export function rejectedRowsTable(
  raw: Pick<TRawTable, "rows">,
  validLines: ReadonlySet<number>,
  reasons: ReadonlyMap<number, readonly string[]>,
): TTable {
  const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === "");
  const headerIndex = raw.rows.findIndex((row) => !isBlank(row.cells));
  const header = raw.rows[headerIndex]?.cells ?? [];
  const width = Math.max(header.length, ...raw.rows.map((row) => row.cells.length));
  const pad = (cells: readonly string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? "");
  const rows = raw.rows
    .slice(headerIndex + 1)
    .filter((row) => !isBlank(row.cells) && !validLines.has(row.line))
    .map((row) => [...pad(row.cells), `${row.line}行目`, (reasons.get(row.line) ?? [REASON_NOT_LISTED]).join(" ／ ")]);
  return { header: [...pad(header), REJECTED_LINE_HEADER, REJECTED_REASON_HEADER], rows };
}

/** The rejected rows come back in the format the officer uploaded (Shift_JIS stays Shift_JIS). */
export function rejectedFileFormat(raw: Pick<TRawTable, "format" | "encoding">): TTableFormat {
  if (raw.format === "xlsx") return "xlsx";
  return raw.encoding === "shift_jis" ? "csv-sjis" : "csv";
}
