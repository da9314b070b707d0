// Import issues: what an officer reads when a file is refused. Every message is Japanese and says
// what is wrong and what to do; the line (and column) travel separately so the preview can sort,
// group and link them, and the formatters below add them back for text output.

export type TImportIssueCode =
  /** The file is over MAX_IMPORT_BYTES. */
  | "file_too_large"
  /** Zero bytes, only a BOM, or only blank lines. */
  | "file_empty"
  /** Not CSV text and not .xlsx (.xls, PDF, a non-Excel ZIP, …). */
  | "unsupported_format"
  /** Text that is neither UTF-8 nor Shift_JIS (UTF-16, EUC-JP, binary). */
  | "encoding"
  /** Malformed CSV quoting. */
  | "csv_syntax"
  /** An .xlsx that cannot be read safely (zip bomb, encrypted entry, sheet too large, missing sheet…). */
  | "xlsx"
  /** A formula cell in .xlsx, or a CSV value a spreadsheet would run as a formula. */
  | "formula"
  /** Only a header row (or nothing but blank rows below it). */
  | "no_data"
  | "missing_column"
  | "unexpected_column"
  | "duplicate_column"
  /** A row with values beyond the header's columns (usually an unquoted comma). */
  | "extra_cells"
  | "required"
  | "invalid"
  /** The same key on several rows (reported on every occurrence). */
  | "duplicate"
  /** A code that is well-formed but not in the reference data (municipality, institution, item). */
  | "unknown_reference"
  /** Rows that contradict each other (one zone code with two names, 75+ > 65+, …). */
  | "inconsistent"
  /** Warning: an answer to an item hidden by the other answers was dropped, as the web form does. */
  | "hidden_answer"
  /** Warning: the file's name says CSV but it is .xlsx, or the reverse. */
  | "format_mismatch"
  /** Warning: a code that lost its leading 0 in Excel was restored. */
  | "leading_zero_restored"
  /** Warning: the workbook has several sheets and the first was read. */
  | "multiple_sheets"
  /** Warning: reference data not covered by the file (a municipality missing from a scheme, …). */
  | "coverage"
  /** Warning: a plausible but unusual value (a hospital with fewer than 20 beds, …). */
  | "unusual_value"
  /** Warning: a soft rule of the questionnaire (注意 / 確認) raised on this report (docs/decisions/0019). */
  | "soft_rule"
  /** Warning: rows left out on purpose (NDB values for institutions not in the roster). */
  | "skipped"
  /** Added when the list was cut at MAX_REPORTED_ISSUES. */
  | "truncated";

export type TImportIssue = {
  /** Physical line (CSV) or Excel row number where the record starts; null for file-level issues. */
  line: number | null;
  /** The column's header as written in the file (or the canonical header when the column is absent). */
  column?: string;
  code: TImportIssueCode;
  message: string;
};

/**
 * A systematic problem (a wrong column in a 15,000-row file) would otherwise produce tens of
 * thousands of messages; the first ones are enough to fix the file, and the count says how many.
 */
export const MAX_REPORTED_ISSUES = 1000;

export function issue(line: number | null, code: TImportIssueCode, message: string, column?: string): TImportIssue {
  return column === undefined ? { line, code, message } : { line, column, code, message };
}

/** Sorts by line (file-level first, stable otherwise) and caps the list, saying how many were left out. */
export function finalizeIssues(issues: readonly TImportIssue[], limit = MAX_REPORTED_ISSUES): TImportIssue[] {
  const sorted = issues
    .map((item, index) => ({ item, index }))
    .sort((a, b) => (a.item.line ?? 0) - (b.item.line ?? 0) || a.index - b.index)
    .map(({ item }) => item);
  if (sorted.length <= limit) return sorted;
  const rest = sorted.length - limit;
  return [
    ...sorted.slice(0, limit),
    issue(
      null,
      "truncated",
      `ほかに ${rest.toLocaleString("ja-JP")} 件あります。上の内容を修正してから、もう一度読み込んでください。`,
    ),
  ];
}

/** "12行目 市区町村コード: …" — for the preview and for messages shown inline. */
export function formatIssue(item: TImportIssue): string {
  const where = [item.line !== null ? `${item.line}行目` : null, item.column ?? null].filter(Boolean).join(" ");
  return where ? `${where}: ${item.message}` : item.message;
}

/** One line per issue, `12行目 [医療機関コード] …`, for the CLI and log files. */
export function formatIssuesForCli(issues: readonly TImportIssue[]): string {
  return issues
    .map((item) => {
      const parts = [
        item.line !== null ? `${item.line}行目` : "ファイル全体",
        item.column ? `[${item.column}]` : null,
        item.message,
      ];
      return parts.filter(Boolean).join(" ");
    })
    .join("\n");
}

/** "2行目、5行目、9行目" — names the other occurrences of a duplicate, capped for readability. */
export function formatLines(lines: readonly number[], max = 10): string {
  const shown = lines
    .slice(0, max)
    .map((line) => `${line}行目`)
    .join("、");
  return lines.length > max ? `${shown} ほか${lines.length - max}件` : shown;
}
