// Tables → files officers open in Excel: CSV as 「CSV UTF-8」 (with BOM, so Excel reads it as
// UTF-8) or as Shift_JIS (CP932, for older Excel and in-house systems), and .xlsx. Every text
// cell is formula-neutralised (lib/import's neutralizeFormula), so a name such as "=HYPERLINK(…)"
// cannot run when the file is opened, and the import layer reads the value back unchanged.
//
// Cells are typed (lib/export/cells.ts): in .xlsx a number is a numeric cell, a share a number
// with a percent format and an instant a date, so SUM, sorting and filters work as they come;
// text stays text (codes keep their leading zeros). The header row is bold, frozen and filtered.
// Pure: no database, usable from routes, the command line and tests.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { neutralizeFormula } from "@/lib/import/table";
import { cellPlainText, excelWallClock, isDateCell, isPercentCell, type TCell } from "./cells";

export const TABLE_FORMATS = ["csv", "csv-sjis", "xlsx"] as const;
export type TTableFormat = (typeof TABLE_FORMATS)[number];

export type TTable = { header: readonly string[]; rows: readonly (readonly TCell[])[] };

/** Further sheets of an .xlsx (a code sheet…); CSV files carry only the main table. */
export type TTableFileOptions = { sheetName?: string; extraSheets?: readonly { name: string; table: TTable }[] };

export const NUMBER_FORMATS = {
  integer: "#,##0",
  decimal: "#,##0.0##",
  percent: "0.0%",
  datetime: "yyyy/mm/dd hh:mm",
} as const;

const quote = (cell: string) =>
  /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

/** A CSV cell: text neutralised; numbers, shares and instants as their plain forms. */
const csvCell = (cell: TCell) => (typeof cell === "string" ? neutralizeFormula(cell) : cellPlainText(cell));

/** RFC 4180 text with CRLF line ends, every text cell neutralised. */
export function tableToCsvText(table: TTable): string {
  return (
    [table.header, ...table.rows].map((row) => row.map((cell) => quote(csvCell(cell))).join(",")).join("\r\n") + "\r\n"
  );
}

/** Characters Shift_JIS (CP932) cannot hold, which would become "?" in a Shift_JIS file. */
export function unencodableInShiftJis(text: string): string[] {
  const out = new Set<string>();
  for (const char of text) {
    if (char === "?") continue;
    if (iconv.decode(iconv.encode(char, "cp932"), "cp932") !== char) out.add(char);
  }
  return [...out];
}

export function encodeCsv(text: string, encoding: "utf-8-bom" | "shift_jis"): Uint8Array {
  if (encoding === "shift_jis") return new Uint8Array(iconv.encode(text, "cp932"));
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf-8")]));
}

/** One cell into an exceljs cell: its value and, for numbers, shares and dates, a number format. */
function writeCell(target: ExcelJS.Cell, cell: TCell): void {
  if (cell === null || cell === undefined || cell === "") return;
  if (typeof cell === "string") {
    target.value = neutralizeFormula(cell);
  } else if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return;
    target.value = cell;
    target.numFmt = Number.isInteger(cell) ? NUMBER_FORMATS.integer : NUMBER_FORMATS.decimal;
  } else if (isPercentCell(cell)) {
    target.value = cell.fraction;
    target.numFmt = NUMBER_FORMATS.percent;
  } else if (isDateCell(cell)) {
    // An .xlsx date has no time zone: write Japan's wall clock, which is what the officer means.
    target.value = excelWallClock(cell.at);
    target.numFmt = NUMBER_FORMATS.datetime;
  }
}

const displayWidth = (text: string) => [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 1 : 2), 0);

function addSheet(workbook: ExcelJS.Workbook, name: string, table: TTable): void {
  const sheet = workbook.addWorksheet(sheetTitle(name));
  sheet.addRow(table.header.map((h) => neutralizeFormula(h)));
  table.rows.forEach((row, r) => {
    const target = sheet.getRow(r + 2);
    row.forEach((cell, c) => writeCell(target.getCell(c + 1), cell));
  });
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1, topLeftCell: "A2", activeCell: "A2" }];
  if (table.header.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.header.length } };
  }
  table.header.forEach((h, i) => {
    const longest = Math.max(
      displayWidth(h) + 2, // room for the filter button
      ...table.rows.slice(0, 200).map((row) => displayWidth(csvCell(row[i]))),
    );
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(8, longest + 1));
  });
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
const sheetTitle = (name: string) => name.replace(/[:\\/?*[\]]/g, "・").slice(0, 31) || "Sheet1";

export async function tableToXlsx(table: TTable, options: TTableFileOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  addSheet(workbook, options.sheetName ?? "Sheet1", table);
  for (const extra of options.extraSheets ?? []) addSheet(workbook, extra.name, extra.table);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export type TTableFile = { bytes: Uint8Array; contentType: string; extension: "csv" | "xlsx" };

export async function tableToFile(
  table: TTable,
  format: TTableFormat,
  options: string | TTableFileOptions = {},
): Promise<TTableFile> {
  const opts = typeof options === "string" ? { sheetName: options } : options;
  if (format === "xlsx") {
    return {
      bytes: await tableToXlsx(table, opts),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      extension: "xlsx",
    };
  }
  const text = tableToCsvText(table);
  return format === "csv-sjis"
    ? { bytes: encodeCsv(text, "shift_jis"), contentType: "text/csv; charset=Shift_JIS", extension: "csv" }
    : { bytes: encodeCsv(text, "utf-8-bom"), contentType: "text/csv; charset=utf-8", extension: "csv" };
}
