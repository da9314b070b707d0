// .xlsx bytes → rows of strings as the officer sees them in Excel, numbered with Excel's row
// numbers. Formulas are refused rather than read through their cached result: the cached value
// may be stale (calculation off, links to another workbook), and a roster that silently changes
// when recalculated is not a roster.
import ExcelJS from "exceljs";
import { issue, type TImportIssue } from "./issues";
import type { TRawRow } from "./csv";
import { inspectZip } from "./zip-guard";

/** Data rows read from one sheet (the largest roster is ~15,000). */
export const MAX_XLSX_ROWS = 100_000;
/** Columns read from one sheet (a paper-submission sheet has one column per item). */
export const MAX_XLSX_COLUMNS = 1000;

export type TXlsxReadOptions = {
  /** Read this sheet instead of the first visible one. */
  sheetName?: string;
};

export type TXlsxResult =
  { ok: true; rows: TRawRow[]; sheetName: string; warnings: TImportIssue[] } | { ok: false; errors: TImportIssue[] };

const RESAVE = "Excel で開いて .xlsx として保存し直すか、CSV で保存して読み込んでください。";

const normalizeName = (name: string) => name.normalize("NFKC").trim();

/** Excel shows at most 15 significant digits; the stored binary value may have noise beyond them. */
function numberText(value: number, numFmt: string | undefined): string {
  if (!Number.isFinite(value)) return String(value);
  let v = Number(value.toPrecision(15));
  if (Object.is(v, -0)) v = 0;
  let text = String(v);
  if (/e/i.test(text)) text = v.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  return applyDigitFormat(v, text, numFmt);
}

/**
 * Honours the number formats officers use to keep codes readable: "0000000000" (leading zeros of
 * a 医療機関コード), "000-0000" (郵便番号). Other formats (percent, currency, …) are not applied:
 * the plain value is what the import needs.
 */
function applyDigitFormat(value: number, text: string, numFmt: string | undefined): string {
  if (!numFmt || !Number.isInteger(value) || value < 0) return text;
  const format = numFmt.replace(/"(-)"|\\(-)/g, "-");
  if (!/^0[0-]*0$|^0$/.test(format)) return text;
  const slots = format.replace(/-/g, "").length;
  const digits = text.padStart(slots, "0");
  // Extra digits beyond the format's slots are shown in front, as Excel does.
  let out = "";
  let d = digits.length - 1;
  for (let f = format.length - 1; f >= 0; f--) {
    out = (format[f] === "-" ? "-" : (digits[d--] ?? "")) + out;
  }
  return digits.slice(0, d + 1) + out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Dates as YYYY-MM-DD (exceljs reads Excel's serial dates as UTC). Times are kept when present. */
function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() !== 0 || date.getUTCMinutes() !== 0 || date.getUTCSeconds() !== 0;
  return hasTime ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

function richText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => (typeof run.text === "string" ? run.text : "")).join("");
  }
  return "";
}

type TCellOutcome = { text: string; problem?: "formula" | "error" };

function cellText(cell: ExcelJS.Cell): TCellOutcome {
  const value = cell.value;
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { text: "" };
    case ExcelJS.ValueType.Number:
      return { text: numberText(value as number, cell.numFmt) };
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return { text: String(value) };
    case ExcelJS.ValueType.Date:
      return { text: value instanceof Date && !Number.isNaN(value.getTime()) ? dateText(value) : "" };
    case ExcelJS.ValueType.RichText:
      return { text: richText(value) };
    case ExcelJS.ValueType.Hyperlink: {
      const text = (value as { text?: unknown }).text;
      return { text: richText(text) };
    }
    case ExcelJS.ValueType.Boolean:
      return { text: value ? "TRUE" : "FALSE" };
    case ExcelJS.ValueType.Formula:
      return { text: "", problem: "formula" };
    case ExcelJS.ValueType.Error:
      return { text: String((value as { error?: unknown }).error ?? "#VALUE!"), problem: "error" };
    default:
      return { text: cell.text ?? "" };
  }
}

function pickSheet(
  workbook: ExcelJS.Workbook,
  sheetName: string | undefined,
): { sheet: ExcelJS.Worksheet } | { error: string } {
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => `「${s.name}」`).join("、");
  if (sheetName !== undefined) {
    const wanted = normalizeName(sheetName);
    const sheet = sheets.find((s) => normalizeName(s.name) === wanted);
    return sheet
      ? { sheet }
      : { error: `シート「${sheetName}」が見つかりません。このファイルのシート: ${names || "なし"}` };
  }
  const sheet = sheets.find((s) => s.state === "visible") ?? sheets[0];
  return sheet ? { sheet } : { error: "このファイルにはシートがありません。" };
}

/** Reads one worksheet; never throws for bad input. */
export async function readXlsx(bytes: Uint8Array, options: TXlsxReadOptions = {}): Promise<TXlsxResult> {
  const inspection = inspectZip(bytes);
  if (!inspection.ok) return { ok: false, errors: [issue(null, "xlsx", inspection.reason)] };
  if (!inspection.entries.some((entry) => entry.name === "xl/workbook.xml")) {
    return {
      ok: false,
      errors: [
        issue(
          null,
          "unsupported_format",
          "Excel（.xlsx）のファイルではありません（ZIP 形式の別のファイルです）。CSV または .xlsx のファイルを選んでください。",
        ),
      ],
    };
  }

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it really reads.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    return { ok: false, errors: [issue(null, "xlsx", `Excel ファイルを読み込めませんでした。${RESAVE}`)] };
  }

  const picked = pickSheet(workbook, options.sheetName);
  if ("error" in picked) return { ok: false, errors: [issue(null, "xlsx", picked.error)] };
  const { sheet } = picked;

  const warnings: TImportIssue[] = [];
  const visibleSheets = workbook.worksheets.filter((s) => s.state === "visible");
  if (options.sheetName === undefined && visibleSheets.length > 1) {
    warnings.push(
      issue(
        null,
        "multiple_sheets",
        `シートが${visibleSheets.length}つあります。最初のシート「${sheet.name}」を読み込みました。別のシートを読み込むときは、そのシートだけのファイルにしてください。`,
      ),
    );
  }

  const errors: TImportIssue[] = [];
  const rows: TRawRow[] = [];
  // Merged ranges, reported once each at their top-left cell.
  const merges = new Map<string, { line: number; master: string; lastRow: number; lastCol: number }>();
  let tooBig: TImportIssue | null = null;

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooBig) return;
    if (rows.length >= MAX_XLSX_ROWS) {
      tooBig = issue(
        null,
        "xlsx",
        `行数が多すぎます（上限 ${MAX_XLSX_ROWS.toLocaleString("ja-JP")} 行）。ファイルを分割してください。`,
      );
      return;
    }
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (tooBig) return;
      if (colNumber > MAX_XLSX_COLUMNS) {
        tooBig = issue(
          rowNumber,
          "xlsx",
          `列数が多すぎます（上限 ${MAX_XLSX_COLUMNS.toLocaleString("ja-JP")} 列、セル ${cell.address}）。不要な列を削除してください。`,
        );
        return;
      }
      if (cell.isMerged) {
        const master = cell.master;
        const known = merges.get(master.address);
        const entry = known ?? {
          line: Number(master.row),
          master: master.address,
          lastRow: rowNumber,
          lastCol: colNumber,
        };
        entry.lastRow = Math.max(entry.lastRow, rowNumber);
        entry.lastCol = Math.max(entry.lastCol, colNumber);
        merges.set(master.address, entry);
      }
      const outcome = cellText(cell);
      if (outcome.problem === "formula") {
        errors.push(
          issue(
            rowNumber,
            "formula",
            `セル ${cell.address} に数式が含まれています。数式のセルをコピーし「値として貼り付け」てから保存してください。`,
          ),
        );
      } else if (outcome.problem === "error") {
        errors.push(
          issue(
            rowNumber,
            "invalid",
            `セル ${cell.address} にエラー値（${outcome.text}）が入っています。正しい値を入力してください。`,
          ),
        );
      }
      cells[colNumber - 1] = outcome.problem ? "" : outcome.text;
    });
    // Sparse rows (cells only in some columns) become dense, with "" for empty cells.
    rows.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? "") });
  });

  if (tooBig) return { ok: false, errors: [tooBig] };
  for (const merge of merges.values()) {
    const end = sheet.getCell(merge.lastRow, merge.lastCol).address;
    errors.push(
      issue(
        merge.line,
        "xlsx",
        `セル ${merge.master}:${end} が結合されています。結合を解除し、各行・各列に値を入力してください。`,
      ),
    );
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, rows, sheetName: sheet.name, warnings };
}
