// The shape every importer returns, and the plumbing from an upload to it.
import type { TDetectedEncoding } from "./decode";
import { finalizeIssues, type TImportIssue } from "./issues";
import { readTableFile, type TFileFormat, type TImportFile, type TRawTable, type TReadOptions } from "./read";

export type TImportStats = {
  /** Non-blank data rows below the header. */
  dataRows: number;
  /** Rows returned in `rows`. */
  validRows: number;
  /** Blank lines skipped below the header. */
  blankLines: number;
  /** All errors found (the `errors` list is capped at MAX_REPORTED_ISSUES). */
  errorCount: number;
  warningCount: number;
};

export type TImportResult<TRow, TExtra extends object = object> = {
  /** True when there are no errors: only then may the rows be applied, and all of them together. */
  ok: boolean;
  /** Valid rows, each with the line it came from; never a reason to apply a file that has errors. */
  rows: TRow[];
  errors: TImportIssue[];
  warnings: TImportIssue[];
  format: TFileFormat | null;
  encoding: TDetectedEncoding | null;
  sheetName: string | null;
  stats: TImportStats;
} & TExtra;

/** What a table validator produces before the file-level details are added. */
export type TTableOutcome<TRow, TExtra extends object = object> = {
  rows: TRow[];
  errors: TImportIssue[];
  warnings: TImportIssue[];
  dataRows: number;
  blankLines: number;
  extra: TExtra;
};

type TFileInfo = { format: TFileFormat | null; encoding: TDetectedEncoding | null; sheetName: string | null };

export function buildResult<TRow, TExtra extends object>(
  table: TFileInfo,
  readWarnings: readonly TImportIssue[],
  outcome: TTableOutcome<TRow, TExtra>,
): TImportResult<TRow, TExtra> {
  const warnings = [...readWarnings, ...outcome.warnings];
  return {
    ...outcome.extra,
    ok: outcome.errors.length === 0,
    // A file with errors must not be applied; its valid rows are kept only for the preview.
    rows: outcome.rows,
    errors: finalizeIssues(outcome.errors),
    warnings: finalizeIssues(warnings),
    format: table.format,
    encoding: table.encoding,
    sheetName: table.sheetName,
    stats: {
      dataRows: outcome.dataRows,
      validRows: outcome.rows.length,
      blankLines: outcome.blankLines,
      errorCount: outcome.errors.length,
      warningCount: warnings.length,
    },
  };
}

/** Reads the upload and runs a table validator; file-level failures become the result's errors. */
export async function runImport<TRow, TExtra extends object>(
  file: TImportFile,
  readOptions: TReadOptions,
  validate: (table: TRawTable) => TTableOutcome<TRow, TExtra>,
  emptyExtra: TExtra,
): Promise<TImportResult<TRow, TExtra>> {
  const read = await readTableFile(file, readOptions);
  if (!read.ok) {
    return buildResult({ format: read.format, encoding: read.encoding, sheetName: null }, [], {
      rows: [],
      errors: read.errors,
      warnings: [],
      dataRows: 0,
      blankLines: 0,
      extra: emptyExtra,
    });
  }
  return buildResult(read.table, read.warnings, validate(read.table));
}

/** File-level problems: a file with any of these cannot be imported even in part. */
const FILE_LEVEL_CODES = new Set<TImportIssue["code"]>([
  "file_too_large",
  "file_empty",
  "unsupported_format",
  "encoding",
  "csv_syntax",
  "xlsx",
  "formula",
  "no_data",
  "missing_column",
  "unexpected_column",
  "duplicate_column",
]);

/**
 * All-or-nothing is the default; the officer may instead import the valid rows of a file whose
 * problems are all confined to rows (a mistyped 検証番号 on 3 lines of 2,000), never one whose
 * columns or encoding are wrong.
 */
export function canImportValidRowsOnly(result: Pick<TImportResult<unknown>, "ok" | "rows" | "errors">): boolean {
  if (result.ok || result.rows.length === 0) return false;
  return result.errors.every((e) => e.code === "truncated" || (e.line !== null && !FILE_LEVEL_CODES.has(e.code)));
}

/** The lines a partial import leaves out, each with its reasons (as the preview words them). */
export function rejectedLineReasons(errors: readonly TImportIssue[]): Map<number, string[]> {
  const reasons = new Map<number, string[]>();
  for (const error of errors) {
    if (error.line === null) continue;
    const text = error.column ? `${error.column}: ${error.message}` : error.message;
    const list = reasons.get(error.line);
    if (list) list.push(text);
    else reasons.set(error.line, [text]);
  }
  return reasons;
}
