// An uploaded file → a raw table (rows of strings with line numbers), whatever its format: the
// size is checked first, then the bytes (not the file name) decide between CSV and .xlsx.
import { checkFileSize, decodeText, sniffFormat, type TDetectedEncoding } from "./decode";
import { parseCsv, type TRawRow } from "./csv";
import { readXlsx } from "./xlsx";
import { issue, type TImportIssue } from "./issues";

export type TImportFile = {
  /** The uploaded file's name; used only to notice a mislabelled file. */
  name: string;
  bytes: Uint8Array;
};

export type TFileFormat = "csv" | "xlsx";

export type TReadOptions = {
  /** .xlsx only: the sheet to read (default: the first visible sheet). */
  sheetName?: string;
};

export type TRawTable = {
  format: TFileFormat;
  /** CSV only: the encoding detected (shown in the preview). */
  encoding: TDetectedEncoding | null;
  /** .xlsx only: the sheet read. */
  sheetName: string | null;
  rows: TRawRow[];
};

export type TReadResult =
  | { ok: true; table: TRawTable; warnings: TImportIssue[] }
  | { ok: false; errors: TImportIssue[]; format: TFileFormat | null; encoding: TDetectedEncoding | null };

const extensionOf = (name: string) => /\.([^./\\]+)$/.exec(name.trim().toLowerCase())?.[1] ?? "";

const failed = (
  errors: TImportIssue[],
  format: TFileFormat | null = null,
  encoding: TDetectedEncoding | null = null,
): TReadResult => ({
  ok: false,
  errors,
  format,
  encoding,
});

/** Reads a CSV or .xlsx upload into rows; never throws for bad input. */
export async function readTableFile(file: TImportFile, options: TReadOptions = {}): Promise<TReadResult> {
  const sizeIssue = checkFileSize(file.bytes.byteLength);
  if (sizeIssue) return failed([sizeIssue]);
  if (file.bytes.byteLength === 0) return failed([issue(null, "file_empty", "ファイルが空です。")]);

  const extension = extensionOf(file.name);
  const warnings: TImportIssue[] = [];
  const sniffed = sniffFormat(file.bytes);

  if (sniffed === "ole") {
    return failed([
      issue(
        null,
        "unsupported_format",
        "Excel 97-2003 形式（.xls）またはパスワード付きの Excel ファイルは読み込めません。パスワードを解除し、「Excel ブック（.xlsx）」または「CSV UTF-8（コンマ区切り）」で保存し直してください。",
      ),
    ]);
  }
  if (sniffed === "pdf") {
    return failed([
      issue(
        null,
        "unsupported_format",
        "PDF ファイルは読み込めません。CSV または Excel（.xlsx）のファイルを選んでください。",
      ),
    ]);
  }

  if (sniffed === "zip") {
    if (extension === "csv" || extension === "txt") {
      warnings.push(
        issue(
          null,
          "format_mismatch",
          `ファイル名は .${extension} ですが、中身は Excel（.xlsx）形式でした。Excel ファイルとして読み込みました。`,
        ),
      );
    }
    const result = await readXlsx(file.bytes, options);
    if (!result.ok) return failed(result.errors, "xlsx");
    return {
      ok: true,
      table: { format: "xlsx", encoding: null, sheetName: result.sheetName, rows: result.rows },
      warnings: [...warnings, ...result.warnings],
    };
  }

  const decoded = decodeText(file.bytes);
  if (!decoded.ok) return failed([decoded.issue], "csv");
  if (extension === "xlsx" || extension === "xlsm") {
    warnings.push(
      issue(
        null,
        "format_mismatch",
        `ファイル名は .${extension} ですが、中身は CSV（テキスト）形式でした。CSV として読み込みました。`,
      ),
    );
  }
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return failed([parsed.issue], "csv", decoded.encoding);
  return {
    ok: true,
    table: { format: "csv", encoding: decoded.encoding, sheetName: null, rows: parsed.rows },
    warnings,
  };
}
