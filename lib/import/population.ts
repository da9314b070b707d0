// 人口: one row per municipality, with its source and reference year, as the dashboards need them
// (the share of 75歳以上 and institutions per population). Figures must nest: 75+ ≤ 65+ ≤ 総人口.
import { issue, type TImportIssue } from "./issues";
import type { TImportFile, TRawTable, TReadOptions } from "./read";
import { runImport, type TImportResult, type TTableOutcome } from "./result";
import { mapTable, reportDuplicates, rowReaders, type RowReader, type TColumnSpec } from "./table";
import {
  parseCount,
  parseYear,
  resolveMunicipalityCode,
  restoredZerosWarning,
  sameName,
  uncoveredMunicipalities,
} from "./values";

export type TPopulationField =
  "municipalityCode" | "municipalityName" | "total" | "aged65" | "aged75" | "source" | "year";

export type TPopulationRow = {
  line: number;
  municipalityCode: string;
  /** As written in the file, when the column is present (checked against the known name). */
  municipalityName: string | null;
  /** 総人口 */
  total: number;
  /** 65歳以上人口 */
  aged65: number;
  /** 75歳以上人口 */
  aged75: number;
  /** 出典, e.g. 住民基本台帳（令和7年1月1日） */
  source: string;
  /** 基準年 (西暦) */
  year: number;
};

export const POPULATION_COLUMNS: readonly TColumnSpec<TPopulationField>[] = [
  {
    key: "municipalityCode",
    header: "市区町村コード",
    aliases: ["市町村コード", "全国地方公共団体コード", "地方公共団体コード", "団体コード"],
    required: true,
  },
  { key: "municipalityName", header: "市区町村名", aliases: ["市町村名", "市区町村"] },
  { key: "total", header: "総人口", aliases: ["人口", "総数", "人口総数"], required: true },
  { key: "aged65", header: "65歳以上人口", aliases: ["65歳以上", "老年人口", "高齢者人口"], required: true },
  { key: "aged75", header: "75歳以上人口", aliases: ["75歳以上", "後期高齢者人口"], required: true },
  { key: "source", header: "出典", aliases: ["資料", "出所", "データ出典"], required: true },
  { key: "year", header: "基準年", aliases: ["年", "基準年次", "調査年"], required: true },
];

export type TPopulationImportOptions = {
  prefectureCode: string;
  knownMunicipalityCodes: ReadonlySet<string>;
  /** Code → name; when given, a 市区町村名 column is checked against it. */
  municipalityNames?: ReadonlyMap<string, string>;
} & TReadOptions;

export type TPopulationImportResult = TImportResult<TPopulationRow>;

const MAX_SOURCE = 200;

type TRowContext = {
  options: TPopulationImportOptions;
  restored: number[];
  /** Every readable code with its line, whether or not the rest of the row is valid. */
  codes: { line: number; code: string }[];
};

function readPopulationRow(
  r: RowReader<TPopulationField>,
  { options, restored, codes }: TRowContext,
): TPopulationRow | null {
  const count = (key: TPopulationField, label: string): number | undefined => {
    const value = r.cell(key);
    if (value === "") {
      r.error(key, "required", `${label}を入力してください。`);
      return undefined;
    }
    const parsed = parseCount(value, ["人"]);
    if (parsed.ok) return parsed.value;
    r.error(key, "invalid", parsed.message);
    return undefined;
  };

  let municipalityCode: string | undefined;
  const rawCode = r.cell("municipalityCode");
  if (rawCode === "") r.error("municipalityCode", "required", "市区町村コードを入力してください。");
  else {
    const resolved = resolveMunicipalityCode(rawCode, options.prefectureCode, options.knownMunicipalityCodes);
    if (resolved.ok) {
      municipalityCode = resolved.code;
      codes.push({ line: r.line, code: resolved.code });
      if (resolved.restored) restored.push(r.line);
    } else {
      r.error("municipalityCode", resolved.unknown ? "unknown_reference" : "invalid", resolved.message);
    }
  }

  const name = r.cell("municipalityName") || null;
  const known = municipalityCode ? options.municipalityNames?.get(municipalityCode) : undefined;
  if (name && known && !sameName(name, known)) {
    r.error(
      "municipalityName",
      "inconsistent",
      `市区町村名「${name}」が、市区町村コード「${municipalityCode}」の「${known}」と一致しません。コードと名前のどちらが正しいか確認してください。`,
    );
  }

  const total = count("total", "総人口");
  const aged65 = count("aged65", "65歳以上人口");
  const aged75 = count("aged75", "75歳以上人口");
  if (aged65 !== undefined && aged75 !== undefined && aged75 > aged65) {
    r.error(
      "aged75",
      "inconsistent",
      `75歳以上人口（${aged75.toLocaleString("ja-JP")}）が65歳以上人口（${aged65.toLocaleString("ja-JP")}）を超えています。列が入れ替わっていないか確認してください。`,
    );
  }
  if (total !== undefined && aged65 !== undefined && aged65 > total) {
    r.error(
      "aged65",
      "inconsistent",
      `65歳以上人口（${aged65.toLocaleString("ja-JP")}）が総人口（${total.toLocaleString("ja-JP")}）を超えています。列が入れ替わっていないか確認してください。`,
    );
  }

  const source = r.cell("source");
  if (source === "") r.error("source", "required", "出典を入力してください（例: 住民基本台帳（令和7年1月1日））。");
  else if ([...source].length > MAX_SOURCE)
    r.error("source", "invalid", `出典は${MAX_SOURCE}文字以内で入力してください。`);

  let year: number | undefined;
  const rawYear = r.cell("year");
  if (rawYear === "") r.error("year", "required", "基準年を西暦4桁で入力してください（例: 2025）。");
  else {
    const parsed = parseYear(rawYear);
    if (parsed.ok) year = parsed.value;
    else r.error("year", "invalid", parsed.message);
  }

  if (
    !r.ok ||
    !municipalityCode ||
    total === undefined ||
    aged65 === undefined ||
    aged75 === undefined ||
    !source ||
    year === undefined
  ) {
    return null;
  }
  return { line: r.line, municipalityCode, municipalityName: name, total, aged65, aged75, source, year };
}

export function validatePopulationTable(
  raw: Pick<TRawTable, "rows">,
  options: TPopulationImportOptions,
): TTableOutcome<TPopulationRow> {
  const mapped = mapTable(raw, POPULATION_COLUMNS);
  if (!mapped.ok) return { rows: [], errors: mapped.errors, warnings: [], dataRows: 0, blankLines: 0, extra: {} };
  const { table } = mapped;
  const errors = [...mapped.errors];
  const warnings: TImportIssue[] = [];
  const restored: number[] = [];
  const codes: { line: number; code: string }[] = [];

  const parsed = rowReaders(table, POPULATION_COLUMNS, errors).map((r) =>
    readPopulationRow(r, { options, restored, codes }),
  );

  const codeColumn = table.headers.get("municipalityCode") ?? "市区町村コード";
  const duplicateLines = new Set(
    [
      ...reportDuplicates(
        codes,
        (x) => x.code,
        (x, firstLine, key) =>
          errors.push(
            issue(
              x.line,
              "duplicate",
              `市区町村コード「${key}」は${firstLine}行目と重複しています。1つの市区町村は1行にしてください（この行は取り込みません）。`,
              codeColumn,
            ),
          ),
      ),
    ].map((x) => x.line),
  );
  const rows = parsed.flatMap((row) => (row && !duplicateLines.has(row.line) ? [row] : []));

  if (restored.length > 0) warnings.push(restoredZerosWarning(codeColumn, restored));
  if (errors.length === 0) {
    const missing = uncoveredMunicipalities(options, new Set(rows.map((row) => row.municipalityCode)));
    if (missing) {
      warnings.push(
        issue(
          null,
          "coverage",
          `人口が含まれていない市区町村が${missing.count}件あります: ${missing.list}。これらの市区町村の人口は更新されません。`,
        ),
      );
    }
  }
  const years = new Set(rows.map((row) => row.year));
  if (years.size > 1) {
    warnings.push(
      issue(
        null,
        "unusual_value",
        `基準年が行によって異なります（${[...years].sort().join("、")}）。同じ時点の人口で比べる場合は揃えてください。`,
      ),
    );
  }

  return {
    rows,
    errors,
    warnings,
    dataRows: table.rows.length + table.misalignedRows,
    blankLines: table.blankLines,
    extra: {},
  };
}

export function importPopulation(
  file: TImportFile,
  options: TPopulationImportOptions,
): Promise<TPopulationImportResult> {
  return runImport(file, { sheetName: options.sheetName }, (table) => validatePopulationTable(table, options), {});
}
