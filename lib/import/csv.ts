// Text → records, each with the physical line it starts on. Line numbers are what an officer
// looks for in Excel or a text editor, so they count every line of the file, blank ones and
// the extra lines of quoted multi-line cells included.
import { parse, type CsvError } from "csv-parse/sync";
import { issue, type TImportIssue } from "./issues";

/** One record (CSV) or row (xlsx): `line` is where it starts, cells are raw strings. */
export type TRawRow = { line: number; cells: string[] };

export type TCsvParseResult = { ok: true; rows: TRawRow[] } | { ok: false; issue: TImportIssue };

const QUOTE_RULE = '値にカンマ・改行・引用符を含めるときは値全体を "…" で囲み、値の中の " は "" と2つ重ねてください。';

function syntaxMessage(code: string): string {
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `この行で始まる引用符（"）が閉じられていないため、ファイルの最後まで1つの値として読まれてしまいます。${QUOTE_RULE}`;
    case "INVALID_OPENING_QUOTE":
      return `引用符（"）で始まっていない値の途中に引用符があります。${QUOTE_RULE}`;
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return `引用符（"）で囲んだ値の後ろに、区切りのカンマ以外の文字があります。${QUOTE_RULE}`;
    case "CSV_MAX_RECORD_SIZE":
      return `1行が長すぎます。引用符（"）の閉じ忘れがないか確認してください。`;
    default:
      return `CSV の形式が正しくありません（${code}）。Excel で開いて「CSV UTF-8（コンマ区切り）」で保存し直してください。`;
  }
}

/**
 * Parses comma-separated text (RFC 4180 quoting, CRLF/LF/CR line ends, quoted newlines).
 * Every record is returned, blank ones included (table mapping decides what blank means), so
 * the line numbers stay exact. Malformed quoting is reported with the line the record starts on.
 */
export function parseCsv(text: string): TCsvParseResult {
  // With a single line-end convention csv-parse counts physical lines exactly (with several
  // delimiters it counts a CRLF inside quotes twice). Excel writes CRLF between records and LF
  // inside cells; both mean the same here.
  const normalized = (text.startsWith("\uFEFF") ? text.slice(1) : text).replace(/\r\n?/g, "\n");
  const rows: TRawRow[] = [];
  // `lines` in the record context is the line the record ends on; the next one starts below it.
  let line = 1;
  try {
    parse(normalized, {
      record_delimiter: "\n",
      // Column counts are checked against the header by the table mapping, with better messages.
      relax_column_count: true,
      on_record: (record, context) => {
        rows.push({ line, cells: record });
        line = context.lines + 1;
        return null;
      },
    });
  } catch (error) {
    const code = (error as Partial<CsvError>).code;
    if (typeof code !== "string") throw error;
    return { ok: false, issue: issue(line, "csv_syntax", syntaxMessage(code)) };
  }
  return { ok: true, rows };
}
