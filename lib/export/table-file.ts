// Tables → files officers open in Excel: CSV as 「CSV UTF-8」 (with BOM, so Excel reads it as
// UTF-8) or as Shift_JIS (CP932, for older Excel and in-house systems), and .xlsx. Every cell
// is formula-neutralised (lib/import's neutralizeFormula), so a name such as "=HYPERLINK(…)"
// cannot run when the file is opened, and the import layer reads the value back unchanged.
// Pure: no database, usable from routes, the command line and tests.
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { neutralizeFormula } from "@/lib/import/table";

export const TABLE_FORMATS = ["csv", "csv-sjis", "xlsx"] as const;
export type TTableFormat = (typeof TABLE_FORMATS)[number];

export type TTable = { header: readonly string[]; rows: readonly (readonly (string | number | null | undefined)[])[] };

const cellText = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "" : String(value);

const quote = (cell: string) =>
  /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

/** RFC 4180 text with CRLF line ends, every cell neutralised. */
export function tableToCsvText(table: TTable): string {
  return (
    [table.header, ...table.rows]
      .map((row) => row.map((cell) => quote(neutralizeFormula(cellText(cell)))).join(","))
      .join("\r\n") + "\r\n"
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

export async function tableToXlsx(table: TTable, sheetName = "Sheet1"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  // Text cells: codes keep their leading zeros and nothing is read as a date or a number.
  sheet.addRow(table.header.map((h) => neutralizeFormula(h)));
  for (const row of table.rows) sheet.addRow(row.map((cell) => neutralizeFormula(cellText(cell))));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  table.header.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, [...h].length * 2 + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export type TTableFile = { bytes: Uint8Array; contentType: string; extension: "csv" | "xlsx" };

export async function tableToFile(table: TTable, format: TTableFormat, sheetName?: string): Promise<TTableFile> {
  if (format === "xlsx") {
    return {
      bytes: await tableToXlsx(table, sheetName),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      extension: "xlsx",
    };
  }
  const text = tableToCsvText(table);
  return format === "csv-sjis"
    ? { bytes: encodeCsv(text, "shift_jis"), contentType: "text/csv; charset=Shift_JIS", extension: "csv" }
    : { bytes: encodeCsv(text, "utf-8-bom"), contentType: "text/csv; charset=utf-8", extension: "csv" };
}
