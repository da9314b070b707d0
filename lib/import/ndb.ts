// NDB プレプリント値: counts from the national claims database, pre-filled into each institution's
// report for the respondent to confirm. One row per (医療機関コード, 項目キー); only items marked
// ndbPrefill in the cycle's questionnaire definition can receive a value.
import { itemIndex, type TItem, type TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { formatLines, issue, type TImportIssue } from "./issues";
import type { TImportFile, TRawTable, TReadOptions } from "./read";
import { runImport, type TImportResult, type TTableOutcome } from "./result";
import { mapTable, reportDuplicates, rowReaders, type RowReader, type TColumnSpec } from "./table";
import { parseCount, resolveInstitutionCode, restoredZerosWarning } from "./values";

export type TNdbField = "institutionCode" | "itemKey" | "value";

export type TNdbRow = { line: number; institutionCode: string; itemKey: string; value: number };

export const NDB_COLUMNS: readonly TColumnSpec<TNdbField>[] = [
  { key: "institutionCode", header: "医療機関コード", aliases: ["医療機関CD", "機関コード"], required: true },
  { key: "itemKey", header: "項目キー", aliases: ["項目", "キー", "item_key", "itemkey"], required: true },
  { key: "value", header: "値", aliases: ["件数", "回数", "数値", "実績"], required: true },
];

export type TNdbImportOptions = {
  prefectureCode: string;
  definition: Pick<TQuestionnaireDefinition, "sections">;
  /**
   * Institutions on the prefecture's roster. NDB extracts cover every institution that claimed,
   * including ones not (or no longer) on the roster: their rows are left out with a warning
   * rather than failing the whole file.
   */
  knownInstitutionCodes?: ReadonlySet<string>;
} & TReadOptions;

export type TNdbExtra = {
  /** Rows left out because the institution is not on the roster (see knownInstitutionCodes). */
  skippedUnknownInstitutions: number;
};
export type TNdbImportResult = TImportResult<TNdbRow, TNdbExtra>;

type TRowContext = {
  options: TNdbImportOptions;
  items: Map<string, TItem>;
  prefillKeys: string[];
  restored: number[];
  unknownInstitutionLines: number[];
  keys: { line: number; key: string }[];
};

function readNdbRow(r: RowReader<TNdbField>, ctx: TRowContext): TNdbRow | null {
  let institutionCode: string | undefined;
  const rawCode = r.cell("institutionCode");
  if (rawCode === "") r.error("institutionCode", "required", "医療機関コードを入力してください。");
  else {
    const resolved = resolveInstitutionCode(rawCode, ctx.options.prefectureCode);
    if (resolved.ok) {
      institutionCode = resolved.code;
      if (resolved.restored) ctx.restored.push(r.line);
    } else {
      r.error("institutionCode", "invalid", resolved.message);
    }
  }

  let item: TItem | undefined;
  const rawKey = r.cell("itemKey");
  const itemKey = rawKey.normalize("NFKC").trim();
  if (itemKey === "") r.error("itemKey", "required", "項目キーを入力してください。");
  else {
    item = ctx.items.get(itemKey);
    const known =
      ctx.prefillKeys.length > 0
        ? `NDB プレプリントの項目キー: ${ctx.prefillKeys.slice(0, 20).join("、")}${ctx.prefillKeys.length > 20 ? " ほか" : ""}`
        : "この様式には NDB プレプリントの項目がありません。";
    if (!item) {
      r.error("itemKey", "unknown_reference", `項目キー「${itemKey}」はこの様式にありません。${known}`);
    } else if (!item.ndbPrefill) {
      r.error(
        "itemKey",
        "invalid",
        `項目「${item.label}」（${itemKey}）は NDB プレプリントの項目ではないため、値を取り込めません。${known}`,
      );
      item = undefined;
    }
  }

  let value: number | undefined;
  const rawValue = r.cell("value");
  if (rawValue === "") r.error("value", "required", "値を入力してください（0件の場合は 0）。");
  else {
    const parsed = parseCount(rawValue, ["件", "回"]);
    if (!parsed.ok) r.error("value", "invalid", parsed.message);
    else if (item && (item.type === "integer" || item.type === "decimal") && parsed.value > item.max) {
      r.error(
        "value",
        "invalid",
        `値 ${parsed.value.toLocaleString("ja-JP")} は項目「${item.label}」の上限（${item.max.toLocaleString("ja-JP")}）を超えています。`,
      );
    } else value = parsed.value;
  }

  if (institutionCode && itemKey) ctx.keys.push({ line: r.line, key: `${institutionCode}\u0000${itemKey}` });
  if (!r.ok || !institutionCode || !item || value === undefined || itemKey === undefined) return null;
  return { line: r.line, institutionCode, itemKey, value };
}

export function validateNdbTable(
  raw: Pick<TRawTable, "rows">,
  options: TNdbImportOptions,
): TTableOutcome<TNdbRow, TNdbExtra> {
  const empty: TNdbExtra = { skippedUnknownInstitutions: 0 };
  const mapped = mapTable(raw, NDB_COLUMNS);
  if (!mapped.ok) return { rows: [], errors: mapped.errors, warnings: [], dataRows: 0, blankLines: 0, extra: empty };
  const { table } = mapped;
  const errors = [...mapped.errors];
  const warnings: TImportIssue[] = [];
  const items = itemIndex(options.definition);
  const ctx: TRowContext = {
    options,
    items,
    prefillKeys: [...items.values()].filter((item) => item.ndbPrefill).map((item) => item.key),
    restored: [],
    unknownInstitutionLines: [],
    keys: [],
  };

  const parsed = rowReaders(table, NDB_COLUMNS, errors).map((r) => readNdbRow(r, ctx));

  const codeColumn = table.headers.get("institutionCode") ?? "医療機関コード";
  const duplicateLines = new Set(
    [
      ...reportDuplicates(
        ctx.keys,
        (x) => x.key,
        (x, firstLine, key) => {
          const [code, itemKey] = key.split("\u0000");
          errors.push(
            issue(
              x.line,
              "duplicate",
              `医療機関コード「${code}」の項目「${itemKey}」の値は${firstLine}行目と重複しています。1つにしてください（この行は取り込みません）。`,
              codeColumn,
            ),
          );
        },
      ),
    ].map((x) => x.line),
  );

  const rows: TNdbRow[] = [];
  for (const row of parsed) {
    if (!row || duplicateLines.has(row.line)) continue;
    if (options.knownInstitutionCodes && !options.knownInstitutionCodes.has(row.institutionCode)) {
      ctx.unknownInstitutionLines.push(row.line);
      continue;
    }
    rows.push(row);
  }

  if (ctx.restored.length > 0) warnings.push(restoredZerosWarning(codeColumn, ctx.restored));
  if (ctx.unknownInstitutionLines.length > 0) {
    warnings.push(
      issue(
        null,
        "skipped",
        `名簿にない医療機関の行 ${ctx.unknownInstitutionLines.length.toLocaleString("ja-JP")}件（${formatLines(ctx.unknownInstitutionLines, 5)}）は取り込みません。名簿に載せる医療機関であれば、先に名簿を更新してください。`,
        codeColumn,
      ),
    );
  }

  return {
    rows,
    errors,
    warnings,
    dataRows: table.rows.length + table.misalignedRows,
    blankLines: table.blankLines,
    extra: { skippedUnknownInstitutions: ctx.unknownInstitutionLines.length },
  };
}

export function importNdb(file: TImportFile, options: TNdbImportOptions): Promise<TNdbImportResult> {
  return runImport(file, { sheetName: options.sheetName }, (table) => validateNdbTable(table, options), {
    skippedUnknownInstitutions: 0,
  });
}
