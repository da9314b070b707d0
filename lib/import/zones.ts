// 圏域: how a prefecture divides its municipalities, one row per (区分, 圏域, 市区町村). A file may
// hold several schemes (二次医療圏 and 在宅医療の圏域 side by side), told apart by 区分名.
import { issue, type TImportIssue } from "./issues";
import type { TImportFile, TRawTable, TReadOptions } from "./read";
import { runImport, type TImportResult, type TTableOutcome } from "./result";
import { mapTable, reportDuplicates, rowReaders, type RowReader, type TColumnSpec } from "./table";
import { resolveMunicipalityCode, restoredZerosWarning, sameName, uncoveredMunicipalities } from "./values";

/** Mirrors the ZoneSchemeKind enum of the schema, kept here so this layer stays free of Prisma. */
export type TZoneSchemeKind = "SECONDARY_MEDICAL_AREA" | "HOME_CARE_AREA" | "HEALTH_CENTER_AREA" | "OTHER";

export type TZoneField = "scheme" | "zoneCode" | "zoneName" | "municipalityCode" | "municipalityName";

export type TZoneRow = {
  line: number;
  /** 区分名 as written (NFKC, trimmed), e.g. 二次医療圏. */
  schemeName: string;
  schemeKind: TZoneSchemeKind;
  zoneCode: string;
  zoneName: string;
  municipalityCode: string;
};

export type TZoneScheme = {
  name: string;
  kind: TZoneSchemeKind;
  zones: { code: string; name: string; municipalityCodes: string[] }[];
};

export const ZONE_COLUMNS: readonly TColumnSpec<TZoneField>[] = [
  { key: "scheme", header: "区分名", aliases: ["区分", "圏域区分", "圏域の区分", "圏域の種類"], required: true },
  { key: "zoneCode", header: "圏域コード", aliases: ["圏域番号", "医療圏コード", "二次医療圏コード"], required: true },
  { key: "zoneName", header: "圏域名", aliases: ["圏域", "圏域名称", "医療圏名", "二次医療圏名"], required: true },
  {
    key: "municipalityCode",
    header: "市区町村コード",
    aliases: ["市町村コード", "全国地方公共団体コード", "地方公共団体コード", "団体コード"],
    required: true,
  },
  { key: "municipalityName", header: "市区町村名", aliases: ["市町村名", "市区町村"] },
];

/** The scheme's kind from its name; unknown names are OTHER (the officer may keep their own schemes). */
export function zoneSchemeKind(name: string): TZoneSchemeKind {
  const v = name.normalize("NFKC").replace(/\s+/g, "");
  if (/二次医療圏|2次医療圏/.test(v)) return "SECONDARY_MEDICAL_AREA";
  if (/在宅医療/.test(v)) return "HOME_CARE_AREA";
  if (/保健所/.test(v)) return "HEALTH_CENTER_AREA";
  return "OTHER";
}

export type TZoneImportOptions = {
  prefectureCode: string;
  knownMunicipalityCodes: ReadonlySet<string>;
  /** Code → name; when given, a 市区町村名 column is checked against it. */
  municipalityNames?: ReadonlyMap<string, string>;
} & TReadOptions;

export type TZoneExtra = { schemes: TZoneScheme[] };
export type TZoneImportResult = TImportResult<TZoneRow, TZoneExtra>;

const MAX_CODE = 20;
const MAX_NAME = 100;
const clean = (value: string) => value.normalize("NFKC").replace(/\s+/g, " ").trim();
const length = (value: string) => [...value].length;

function readZoneRow(r: RowReader<TZoneField>, options: TZoneImportOptions, restored: number[]): TZoneRow | null {
  const required = (key: TZoneField, label: string, max: number): string | undefined => {
    const raw = r.cell(key);
    const value = clean(raw);
    if (value === "") {
      r.error(key, "required", `${label}を入力してください。`);
      return undefined;
    }
    if (length(value) > max) {
      r.error(key, "invalid", `${label}は${max}文字以内で入力してください。`);
      return undefined;
    }
    return value;
  };
  const schemeName = required("scheme", "区分名（例: 二次医療圏）", MAX_NAME);
  const zoneCode = required("zoneCode", "圏域コード", MAX_CODE);
  const zoneName = required("zoneName", "圏域名", MAX_NAME);

  let municipalityCode: string | undefined;
  const rawMunicipality = r.cell("municipalityCode");
  if (rawMunicipality === "") r.error("municipalityCode", "required", "市区町村コードを入力してください。");
  else {
    const resolved = resolveMunicipalityCode(rawMunicipality, options.prefectureCode, options.knownMunicipalityCodes);
    if (resolved.ok) {
      municipalityCode = resolved.code;
      if (resolved.restored) restored.push(r.line);
    } else {
      r.error("municipalityCode", resolved.unknown ? "unknown_reference" : "invalid", resolved.message);
    }
  }

  const name = r.cell("municipalityName");
  const known = municipalityCode ? options.municipalityNames?.get(municipalityCode) : undefined;
  if (name && known && !sameName(name, known)) {
    r.error(
      "municipalityName",
      "inconsistent",
      `市区町村名「${name}」が、市区町村コード「${municipalityCode}」の「${known}」と一致しません。コードと名前のどちらが正しいか確認してください。`,
    );
  }

  if (!r.ok || !schemeName || !zoneCode || !zoneName || !municipalityCode) return null;
  return { line: r.line, schemeName, schemeKind: zoneSchemeKind(schemeName), zoneCode, zoneName, municipalityCode };
}

/**
 * Within a scheme, a zone code has one name and a name one code (the database keeps both unique),
 * and each municipality belongs to one zone. Every row that disagrees is reported.
 */
function checkConsistency(
  rows: readonly TZoneRow[],
  headers: ReadonlyMap<TZoneField, string>,
  errors: TImportIssue[],
): Set<TZoneRow> {
  const bad = new Set<TZoneRow>();
  const column = (key: TZoneField, fallback: string) => headers.get(key) ?? fallback;

  const bySchemeAnd = (pick: (row: TZoneRow) => string) => {
    const map = new Map<string, TZoneRow[]>();
    for (const row of rows) {
      const key = `${row.schemeName}\u0000${pick(row)}`;
      const list = map.get(key);
      if (list) list.push(row);
      else map.set(key, [row]);
    }
    return map;
  };

  for (const group of bySchemeAnd((row) => row.zoneCode).values()) {
    const first = group[0];
    if (!first) continue;
    const differing = group.filter((row) => row.zoneName !== first.zoneName);
    for (const row of differing) {
      bad.add(row);
      errors.push(
        issue(
          row.line,
          "inconsistent",
          `「${row.schemeName}」の圏域コード「${row.zoneCode}」の圏域名が、${first.line}行目では「${first.zoneName}」、この行では「${row.zoneName}」です。同じ圏域コードには同じ圏域名を入力してください。`,
          column("zoneName", "圏域名"),
        ),
      );
    }
  }
  for (const group of bySchemeAnd((row) => row.zoneName).values()) {
    const first = group[0];
    if (!first) continue;
    for (const row of group.filter((r) => r.zoneCode !== first.zoneCode)) {
      bad.add(row);
      errors.push(
        issue(
          row.line,
          "inconsistent",
          `「${row.schemeName}」の圏域名「${row.zoneName}」の圏域コードが、${first.line}行目では「${first.zoneCode}」、この行では「${row.zoneCode}」です。1つの圏域には1つのコードを使ってください。`,
          column("zoneCode", "圏域コード"),
        ),
      );
    }
  }
  for (const row of reportDuplicates(
    rows,
    (row) => `${row.schemeName}\u0000${row.municipalityCode}`,
    (row, firstLine) =>
      errors.push(
        issue(
          row.line,
          "duplicate",
          `市区町村コード「${row.municipalityCode}」は「${row.schemeName}」の中で${firstLine}行目と重複しています。1つの市区町村は1つの区分の中で1つの圏域にだけ入れてください（この行は取り込みません）。`,
          column("municipalityCode", "市区町村コード"),
        ),
      ),
  )) {
    bad.add(row);
  }
  return bad;
}

function groupSchemes(rows: readonly TZoneRow[]): TZoneScheme[] {
  const schemes = new Map<string, TZoneScheme>();
  for (const row of rows) {
    let scheme = schemes.get(row.schemeName);
    if (!scheme) {
      scheme = { name: row.schemeName, kind: row.schemeKind, zones: [] };
      schemes.set(row.schemeName, scheme);
    }
    let zone = scheme.zones.find((z) => z.code === row.zoneCode);
    if (!zone) {
      zone = { code: row.zoneCode, name: row.zoneName, municipalityCodes: [] };
      scheme.zones.push(zone);
    }
    zone.municipalityCodes.push(row.municipalityCode);
  }
  return [...schemes.values()];
}

export function validateZoneTable(
  raw: Pick<TRawTable, "rows">,
  options: TZoneImportOptions,
): TTableOutcome<TZoneRow, TZoneExtra> {
  const mapped = mapTable(raw, ZONE_COLUMNS);
  if (!mapped.ok)
    return { rows: [], errors: mapped.errors, warnings: [], dataRows: 0, blankLines: 0, extra: { schemes: [] } };
  const { table } = mapped;
  const errors = [...mapped.errors];
  const warnings: TImportIssue[] = [];
  const restored: number[] = [];

  const parsed = rowReaders(table, ZONE_COLUMNS, errors).flatMap((r) => {
    const row = readZoneRow(r, options, restored);
    return row ? [row] : [];
  });
  const bad = checkConsistency(parsed, table.headers, errors);
  const rows = parsed.filter((row) => !bad.has(row));
  const schemes = groupSchemes(rows);

  if (restored.length > 0)
    warnings.push(restoredZerosWarning(table.headers.get("municipalityCode") ?? "市区町村コード", restored));
  // A scheme normally covers the whole prefecture; a gap is allowed but worth a look.
  if (errors.length === 0) {
    for (const scheme of schemes) {
      const missing = uncoveredMunicipalities(options, new Set(scheme.zones.flatMap((z) => z.municipalityCodes)));
      if (!missing) continue;
      warnings.push(
        issue(
          null,
          "coverage",
          `「${scheme.name}」に含まれていない市区町村が${missing.count}件あります: ${missing.list}。圏域に入れ忘れていないか確認してください。`,
        ),
      );
    }
  }

  return {
    rows,
    errors,
    warnings,
    dataRows: table.rows.length + table.misalignedRows,
    blankLines: table.blankLines,
    extra: { schemes },
  };
}

export function importZones(file: TImportFile, options: TZoneImportOptions): Promise<TZoneImportResult> {
  return runImport(file, { sheetName: options.sheetName }, (table) => validateZoneTable(table, options), {
    schemes: [],
  });
}
