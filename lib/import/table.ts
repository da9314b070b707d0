// Raw rows → rows keyed by column, with the header checked strictly. Officers' files drift (a
// column inserted, two columns swapped, an extra 備考 column, an unquoted comma in an address);
// a file that does not match the expected columns exactly is refused as a whole, never half-read.
import { issue, type TImportIssue, type TImportIssueCode } from "./issues";
import type { TRawRow } from "./csv";
import type { TRawTable } from "./read";

// ---- Headers ------------------------------------------------------------------------------------

/**
 * Header text as compared: NFKC (full-width letters and half-width katakana folded), no spaces of
 * any width, no 必須/任意 or ※/* markers that templates add, lower case.
 */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\((?:必須|任意)\)|【(?:必須|任意)】|[※*]/g, "")
    .toLowerCase();
}

/** Spreadsheet column letter of a 0-based index ("A", "Z", "AA"), as officers see columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export type TColumnSpec<K extends string = string> = {
  key: K;
  /** The canonical header: used in messages when the column is absent, and in templates/exports. */
  header: string;
  /** Other headers accepted for this column (compared after normalizeHeader). */
  aliases?: readonly string[];
  /** Custom matcher on the normalised header, instead of header + aliases. */
  match?: (normalizedHeader: string) => boolean;
  /** The column must be present (its values may still be optional). */
  required?: boolean;
  /** Default true. False keeps free text verbatim (a round trip must not lose spaces). */
  trim?: boolean;
};

function headerMatches(spec: TColumnSpec, normalized: string): boolean {
  if (spec.match) return spec.match(normalized);
  return (
    normalizeHeader(spec.header) === normalized || (spec.aliases ?? []).some((a) => normalizeHeader(a) === normalized)
  );
}

// ---- Formula-like values (CSV injection) --------------------------------------------------------

/**
 * A value a spreadsheet would run as a formula when the file is opened: one starting with =, +, @
 * or - (a lone "-" and plain negative numbers such as "-3" or "-1.5" excepted).
 * "-2+3+cmd|' /C calc'!A0" is refused although a digit follows the minus, since Excel runs it.
 */
export function isFormulaLike(value: string): boolean {
  const v = value.trimStart();
  if (/^[=+@]/.test(v)) return true;
  if (v.startsWith("-") && v.length > 1) return !/^-\d+(?:[.,]\d+)*$/.test(v);
  return false;
}

/**
 * Makes a string safe to write into a CSV or .xlsx cell by prefixing "'" when a spreadsheet would
 * run it as a formula (also values starting with tab or CR, which some spreadsheets skip over).
 * Imports read the "'" back off (see mapTable), so export → import is lossless.
 */
export function neutralizeFormula(value: string): string {
  return isFormulaLike(value) || /^[\t\r]/.test(value) ? `'${value}` : value;
}

/** The inverse of neutralizeFormula for values this system exported; anything else is unchanged. */
function restoreNeutralized(value: string): string | null {
  if (!value.startsWith("'")) return null;
  const rest = value.slice(1);
  return isFormulaLike(rest) || /^[\t\r]/.test(rest) ? rest : null;
}

const shorten = (value: string, max = 30) =>
  [...value].length > max ? `${[...value].slice(0, max).join("")}…` : value;

// ---- Mapping ------------------------------------------------------------------------------------

export type TMappedRow<K extends string> = {
  line: number;
  /** Cell values by column key; "" when blank or when the column is absent from the file. */
  cells: Readonly<Record<K, string>>;
};

export type TMappedTable<K extends string> = {
  headerLine: number;
  /** For each column present in the file, its header as written. */
  headers: ReadonlyMap<K, string>;
  rows: TMappedRow<K>[];
  blankLines: number;
  /** Data rows not returned because their cells overflow the header (reported as errors). */
  misalignedRows: number;
};

export type TMapOptions = {
  /** A specific message for a header that is not a column (e.g. a group item in a paper submission). */
  explainUnexpected?: (header: string, normalizedHeader: string) => string | undefined;
  /** Headers accepted and ignored (e.g. a 医療機関名 column kept beside the code for readers). */
  ignore?: (normalizedHeader: string) => boolean;
};

export type TMapResult<K extends string> =
  { ok: true; table: TMappedTable<K>; errors: TImportIssue[] } | { ok: false; errors: TImportIssue[] };

const isBlankRow = (row: TRawRow) => row.cells.every((cell) => cell.trim() === "");

/**
 * Maps the first non-blank row as the header and the rest as data. Header problems (missing
 * required, unexpected, duplicated columns; no data) fail the whole table. Row problems (values
 * beyond the header) are returned as errors alongside the rows.
 */
export function mapTable<K extends string>(
  raw: Pick<TRawTable, "rows">,
  columns: readonly TColumnSpec<K>[],
  options: TMapOptions = {},
): TMapResult<K> {
  const headerIndex = raw.rows.findIndex((row) => !isBlankRow(row));
  const headerRow = raw.rows[headerIndex];
  if (!headerRow) {
    return { ok: false, errors: [issue(null, "file_empty", "ファイルにデータがありません（空のファイルです）。")] };
  }
  const headerLine = headerRow.line;
  const errors: TImportIssue[] = [];

  const byIndex = new Map<number, TColumnSpec<K>>();
  const indexOfKey = new Map<K, number>();
  const headers = new Map<K, string>();
  const unexpected: { header: string; index: number }[] = [];
  const blankHeaderIndexes = new Set<number>();

  headerRow.cells.forEach((cell, index) => {
    const written = cell.trim();
    const normalized = normalizeHeader(written);
    if (normalized === "") {
      blankHeaderIndexes.add(index);
      return;
    }
    const spec = columns.find((c) => headerMatches(c, normalized));
    if (!spec) {
      if (options.ignore?.(normalized)) return;
      const special = options.explainUnexpected?.(written, normalized);
      if (special) errors.push(issue(headerLine, "unexpected_column", special, written));
      else unexpected.push({ header: written, index });
      return;
    }
    const previous = indexOfKey.get(spec.key);
    if (previous !== undefined) {
      errors.push(
        issue(
          headerLine,
          "duplicate_column",
          `列「${headers.get(spec.key)}」（${columnLetter(previous)}列）と列「${written}」（${columnLetter(index)}列）は、どちらも「${spec.header}」の列です。どちらか一方を削除してください。`,
          written,
        ),
      );
      return;
    }
    byIndex.set(index, spec);
    indexOfKey.set(spec.key, index);
    headers.set(spec.key, written);
  });

  if (unexpected.length > 0) {
    const list = unexpected.map((u) => `「${shorten(u.header)}」（${columnLetter(u.index)}列）`).join("、");
    const tabHint =
      headerRow.cells.length === 1 && (headerRow.cells[0] ?? "").includes("\t")
        ? "区切り文字がタブのようです。カンマ区切りの CSV で保存してください。"
        : "";
    errors.push(
      issue(
        headerLine,
        "unexpected_column",
        `${tabHint}取り込めない列があります: ${list}。列名が正しいか、列がずれていないかを確認し、不要な列は削除してください。取り込める列: ${columns
          .slice(0, 15)
          .map((c) => c.header)
          .join("、")}${columns.length > 15 ? " ほか" : ""}`,
      ),
    );
  }
  for (const spec of columns) {
    if (spec.required && !indexOfKey.has(spec.key)) {
      errors.push(
        issue(
          headerLine,
          "missing_column",
          `必須の列「${spec.header}」がありません。見出し行（${headerLine}行目）の列名を確認してください。`,
          spec.header,
        ),
      );
    }
  }
  if (errors.length > 0) {
    if (indexOfKey.size === 0) {
      errors.push(
        issue(
          headerLine,
          "missing_column",
          `${headerLine}行目を見出し行として読みましたが、知っている列名が1つもありません。先頭の行を見出し行（列名）にし、その上のタイトル行などは削除してください。`,
        ),
      );
    }
    return { ok: false, errors };
  }

  const rows: TMappedRow<K>[] = [];
  let blankLines = 0;
  let misalignedRows = 0;
  const width = headerRow.cells.length;

  for (const row of raw.rows.slice(headerIndex + 1)) {
    if (isBlankRow(row)) {
      blankLines++;
      continue;
    }
    const stray = row.cells.findIndex(
      (cell, index) => (index >= width || blankHeaderIndexes.has(index)) && cell.trim() !== "",
    );
    if (stray !== -1) {
      misalignedRows++;
      const where =
        stray >= width ? `見出しより右の ${columnLetter(stray)}列` : `見出しのない ${columnLetter(stray)}列`;
      errors.push(
        issue(
          row.line,
          "extra_cells",
          `${where}に値「${shorten(row.cells[stray]?.trim() ?? "")}」があります。値にカンマが含まれる場合は "…" で囲んでください。列がずれていないか確認してください。`,
        ),
      );
      continue;
    }

    const cells = {} as Record<K, string>;
    for (const spec of columns) {
      const index = indexOfKey.get(spec.key);
      const rawValue = index === undefined ? "" : (row.cells[index] ?? "");
      const value = spec.trim === false ? rawValue : rawValue.trim();
      // Text that a spreadsheet would run as a formula is stored literally, exactly as the web
      // form stores it; every export neutralises it (neutralizeFormula). Only a value this system
      // exported comes back without its protective "'".
      cells[spec.key] = restoreNeutralized(value) ?? value;
    }
    rows.push({ line: row.line, cells });
  }

  if (rows.length === 0 && misalignedRows === 0) {
    return {
      ok: false,
      errors: [issue(headerLine, "no_data", `見出し行（${headerLine}行目）だけで、データの行がありません。`)],
    };
  }
  return { ok: true, table: { headerLine, headers, rows, blankLines, misalignedRows }, errors };
}

// ---- Row validation helpers ---------------------------------------------------------------------

/** Collects one row's problems, naming columns as the file writes them. */
export class RowReader<K extends string> {
  private failed = false;

  constructor(
    private readonly table: TMappedTable<K>,
    private readonly columns: ReadonlyMap<K, TColumnSpec<K>>,
    readonly row: TMappedRow<K>,
    private readonly errors: TImportIssue[],
  ) {}

  get line(): number {
    return this.row.line;
  }

  /** False once an error was reported for this row (by mapping or by the validator). */
  get ok(): boolean {
    return !this.failed;
  }

  cell(key: K): string {
    return this.row.cells[key];
  }

  has(key: K): boolean {
    return this.table.headers.has(key);
  }

  column(key: K): string {
    return this.table.headers.get(key) ?? this.columns.get(key)?.header ?? key;
  }

  error(key: K | null, code: TImportIssueCode, message: string): void {
    this.failed = true;
    this.errors.push(issue(this.row.line, code, message, key === null ? undefined : this.column(key)));
  }
}

/** One RowReader per mapped row, all reporting into `errors`. */
export function rowReaders<K extends string>(
  table: TMappedTable<K>,
  columns: readonly TColumnSpec<K>[],
  errors: TImportIssue[],
): RowReader<K>[] {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  return table.rows.map((row) => new RowReader(table, byKey, row, errors));
}

/**
 * Reports a key found again on a later row: the first row with the key stands (it may be valid),
 * each later copy is reported once, naming the line it repeats. Returns the later copies.
 */
export function reportDuplicates<T extends { line: number }>(
  rows: readonly T[],
  keyOf: (row: T) => string | null,
  report: (row: T, firstLine: number, key: string) => void,
): Set<T> {
  const first = new Map<string, T>();
  const repeated = new Set<T>();
  for (const row of [...rows].sort((a, b) => a.line - b.line)) {
    const key = keyOf(row);
    if (key === null) continue;
    const original = first.get(key);
    if (!original) {
      first.set(key, row);
      continue;
    }
    repeated.add(row);
    report(row, original.line, key);
  }
  return repeated;
}
