// 紙で届いた報告: answers keyed into one CSV/xlsx row per institution by the prefecture, then
// checked exactly as a web submission is (validateAnswers in "submit" mode), so a keyed report can
// never hold what the web form would refuse.
//
// Columns: 医療機関コード, optionally 医療機関名 (for people reading the file; ignored), then one
// column per item, headed "key" or "key:label" — only the key is read, so labels may be shortened
// or reworded freely. Repeating-group items cannot be keyed in a flat row and are refused.
import { normalizeDigits, parseInstitutionCode } from "@/lib/domain/codes";
import { validateAnswers, MESSAGES } from "@/lib/questionnaire/answer-schema";
import type { TAnswers, TAnswerValue, TPartner } from "@/lib/questionnaire/answers";
import { allItems, itemIndex, type TItem, type TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import { evaluateAnswers } from "@/lib/questionnaire/derive";
import { issue, type TImportIssue } from "./issues";
import type { TImportFile, TRawTable, TReadOptions } from "./read";
import { runImport, type TImportResult, type TTableOutcome } from "./result";
import {
  mapTable,
  neutralizeFormula,
  normalizeHeader,
  reportDuplicates,
  rowReaders,
  type RowReader,
  type TColumnSpec,
} from "./table";
import {
  parseDateCell,
  parseNumber,
  resolveInstitutionCode,
  restoredZerosWarning,
  sameName,
  type TParsed,
} from "./values";

export type TPaperItem = Exclude<TItem, { type: "group" }>;

export const PAPER_CODE_HEADER = "医療機関コード";
export const PAPER_NAME_HEADER = "医療機関名";
/** Separators read between the codes of a multiple choice (written back as ";"). */
export const MULTI_SEPARATORS = [";", "、", ","] as const;
/** Separator between partner institutions, each written "医療機関コード:名称" or just "名称". */
export const PARTNER_SEPARATOR = "|";

const CODE_KEY = "__institutionCode";

type TDefinition = Pick<TQuestionnaireDefinition, "sections" | "functions">;

/** Items that can be keyed in one row: every item but repeating groups. */
export function paperSubmissionItems(def: Pick<TQuestionnaireDefinition, "sections">): TPaperItem[] {
  return allItems(def).filter((item): item is TPaperItem => item.type !== "group");
}

/** The header written for an item: "key:label". */
export const paperItemHeader = (item: TItem) => `${item.key}:${item.label}`;

/** Full header row of an export/template: 医療機関コード, 医療機関名, then each item. */
export function paperSubmissionHeaders(def: Pick<TQuestionnaireDefinition, "sections">): string[] {
  return [PAPER_CODE_HEADER, PAPER_NAME_HEADER, ...paperSubmissionItems(def).map(paperItemHeader)];
}

// ---- Answer → cell (exports) --------------------------------------------------------------------

/** One answer as a cell; "" when unanswered. The inverse of cellToAnswer. */
export function answerToCell(item: TItem, value: TAnswerValue): string {
  if (value === undefined || value === null) return "";
  switch (item.type) {
    case "multi":
      return Array.isArray(value) ? (value as string[]).join(";") : "";
    case "yesno":
      return value === true ? "はい" : value === false ? "いいえ" : "";
    case "partners":
      if (!Array.isArray(value)) return "";
      return (value as TPartner[])
        .map((p) => (p.code ? `${p.code}:${p.name}` : /[:：]/.test(p.name) ? `:${p.name}` : p.name))
        .join(PARTNER_SEPARATOR);
    case "group":
      return "";
    default:
      return typeof value === "object" ? "" : String(value);
  }
}

/**
 * Cells for every importable item, keyed by item key ("" when unanswered). Values are raw; pass
 * them through neutralizeFormula when writing a file (paperSubmissionRow does).
 */
export function answersToCsvCells(
  def: Pick<TQuestionnaireDefinition, "sections">,
  answers: TAnswers,
): Record<string, string> {
  return Object.fromEntries(paperSubmissionItems(def).map((item) => [item.key, answerToCell(item, answers[item.key])]));
}

/** A whole export row in paperSubmissionHeaders order, made safe for spreadsheets. */
export function paperSubmissionRow(
  def: Pick<TQuestionnaireDefinition, "sections">,
  institution: { code: string; name: string },
  answers: TAnswers,
): string[] {
  const cells = answersToCsvCells(def, answers);
  return [institution.code, institution.name, ...paperSubmissionItems(def).map((item) => cells[item.key] ?? "")].map(
    neutralizeFormula,
  );
}

// ---- Cell → answer (imports) --------------------------------------------------------------------

const YES = ["はい", "1", "有", "有り", "あり", "yes", "true", "○", "〇"];
const NO = ["いいえ", "0", "無", "無し", "なし", "no", "false", "×"];

function optionList(options: readonly { code: string; label: string }[]): string {
  const shown = options
    .slice(0, 12)
    .map((o) => `${o.code}=${o.label}`)
    .join("、");
  return options.length > 12 ? `${shown} ほか` : shown;
}

function findOption(item: { options: readonly { code: string; label: string }[] }, raw: string) {
  const v = raw.normalize("NFKC").trim();
  // A code wins over a label that happens to look like another option's code.
  return item.options.find((o) => o.code === v) ?? item.options.find((o) => sameName(o.label, v));
}

/** One cell as a typed answer; undefined when blank. Range and completeness are left to validateAnswers. */
export function cellToAnswer(item: TPaperItem, raw: string): TParsed<TAnswerValue> {
  if (raw.trim() === "") return { ok: true, value: undefined };
  const fail = (message: string): TParsed<TAnswerValue> => ({ ok: false, message });
  switch (item.type) {
    case "single": {
      const option = findOption(item, raw);
      return option
        ? { ok: true, value: option.code }
        : fail(
            `「${raw.trim()}」は選択肢にありません。選択肢のコードで入力してください（${optionList(item.options)}）。`,
          );
    }
    case "multi": {
      const parts = raw
        .normalize("NFKC")
        .split(/[;,、]/)
        .map((p) => p.trim())
        .filter(Boolean);
      const codes: string[] = [];
      for (const part of parts) {
        const option = findOption(item, part);
        if (!option)
          return fail(
            `「${part}」は選択肢にありません。選択肢のコードを「;」で区切って入力してください（${optionList(item.options)}）。`,
          );
        if (codes.includes(option.code)) return fail(`選択肢「${part}」が重複しています。`);
        codes.push(option.code);
      }
      return { ok: true, value: codes };
    }
    case "yesno": {
      const v = raw.normalize("NFKC").trim().toLowerCase();
      if (YES.includes(v) || sameName(v, item.yesLabel)) return { ok: true, value: true };
      if (NO.includes(v) || sameName(v, item.noLabel)) return { ok: true, value: false };
      return fail(`「${raw.trim()}」は「はい」または「いいえ」で入力してください（1/0、有/無 も使えます）。`);
    }
    case "integer":
    case "decimal":
      return parseNumber(raw);
    case "text":
      // Verbatim: spaces and line breaks are part of the answer.
      return { ok: true, value: raw };
    case "date":
      return parseDateCell(raw);
    case "partners": {
      const partners: TPartner[] = [];
      const entries = raw
        .split(/[|｜]/)
        .map((e) => e.trim())
        .filter(Boolean);
      for (const [index, entry] of entries.entries()) {
        const withCode = /^([0-9０-９\-‐－\s]+)[:：]([\s\S]*)$/.exec(entry);
        if (withCode) {
          const code = normalizeDigits(withCode[1] ?? "");
          const checked = parseInstitutionCode(code);
          if (!checked.ok) return fail(`${index + 1}件目: ${checked.message}`);
          partners.push({ code: checked.code, name: (withCode[2] ?? "").trim() });
        } else {
          partners.push({ name: (/^[:：]/.test(entry) ? entry.slice(1) : entry).trim() });
        }
      }
      return { ok: true, value: partners };
    }
  }
}

// ---- Import -------------------------------------------------------------------------------------

export type TPaperRow = {
  line: number;
  institutionCode: string;
  /** Validated as a web submission, with answers to hidden items removed (as the web form does). */
  answers: TAnswers;
};

export type TPaperImportOptions = {
  prefectureCode: string;
  definition: TDefinition;
  /** Institutions on the roster: a report for anyone else is an error. */
  knownInstitutionCodes?: ReadonlySet<string>;
} & TReadOptions;

export type TPaperExtra = {
  /** Item keys whose columns are in the file. */
  presentItemKeys: string[];
};
export type TPaperImportResult = TImportResult<TPaperRow, TPaperExtra>;

function paperColumns(def: TDefinition): TColumnSpec[] {
  return [
    { key: CODE_KEY, header: PAPER_CODE_HEADER, aliases: ["医療機関CD", "機関コード"], required: true },
    ...paperSubmissionItems(def).map((item): TColumnSpec => {
      const key = item.key.toLowerCase();
      return {
        key: item.key,
        header: paperItemHeader(item),
        match: (h) => h === key || h.startsWith(`${key}:`),
        trim: item.type !== "text",
      };
    }),
  ];
}

const IGNORED_HEADERS = new Set([PAPER_NAME_HEADER, "名称", "医療機関名称"].map(normalizeHeader));

type TRowContext = {
  options: TPaperImportOptions;
  items: TPaperItem[];
  warnings: TImportIssue[];
  restored: number[];
  codes: { line: number; code: string }[];
};

function readPaperRow(r: RowReader<string>, ctx: TRowContext): TPaperRow | null {
  const { options } = ctx;
  let institutionCode: string | undefined;
  const rawCode = r.cell(CODE_KEY);
  if (rawCode === "") r.error(CODE_KEY, "required", "医療機関コードを入力してください。");
  else {
    const resolved = resolveInstitutionCode(rawCode, options.prefectureCode);
    if (!resolved.ok) r.error(CODE_KEY, "invalid", resolved.message);
    else {
      institutionCode = resolved.code;
      ctx.codes.push({ line: r.line, code: resolved.code });
      if (resolved.restored) ctx.restored.push(r.line);
      if (options.knownInstitutionCodes && !options.knownInstitutionCodes.has(resolved.code)) {
        r.error(
          CODE_KEY,
          "unknown_reference",
          `医療機関コード「${rawCode}」は名簿にありません。先に名簿に登録してください。`,
        );
      }
    }
  }

  const answers: TAnswers = {};
  const unreadable = new Set<string>();
  for (const item of ctx.items) {
    if (!r.has(item.key)) continue;
    const converted = cellToAnswer(item, r.cell(item.key));
    if (!converted.ok) {
      unreadable.add(item.key);
      r.error(item.key, "invalid", converted.message);
    } else if (converted.value !== undefined) {
      answers[item.key] = converted.value;
    }
  }

  const validation = validateAnswers(options.definition, answers, "submit");
  if (!validation.ok) {
    for (const [path, messages] of Object.entries(validation.fieldErrors)) {
      const [key, index] = path.split(".");
      if (!key || unreadable.has(key)) continue;
      // A required answer in a column that could not be read was already reported for that cell.
      for (const message of messages) {
        const prefix = index !== undefined && /^\d+$/.test(index) ? `${Number(index) + 1}件目: ` : "";
        r.error(key, message === MESSAGES.required ? "required" : "invalid", `${prefix}${message}`);
      }
    }
    for (const message of validation.formErrors) r.error(null, "invalid", message);
  }

  if (!r.ok || !institutionCode || !validation.ok) return null;

  // What is submitted is what the respondent could see: answers to hidden items are dropped.
  const { visibility } = evaluateAnswers(options.definition, validation.answers);
  const kept: TAnswers = {};
  for (const [key, value] of Object.entries(validation.answers)) {
    if (visibility.items.has(key)) {
      kept[key] = value;
      continue;
    }
    const item = ctx.items.find((i) => i.key === key);
    ctx.warnings.push(
      issue(
        r.line,
        "hidden_answer",
        `「${item?.label ?? key}」は他の回答により回答しない項目になるため、この値は取り込みません（Web の回答画面と同じ扱いです）。`,
        r.column(key),
      ),
    );
  }
  return { line: r.line, institutionCode, answers: kept };
}

export function validatePaperTable(
  raw: Pick<TRawTable, "rows">,
  options: TPaperImportOptions,
): TTableOutcome<TPaperRow, TPaperExtra> {
  const empty: TPaperExtra = { presentItemKeys: [] };
  const columns = paperColumns(options.definition);
  const items = itemIndex(options.definition);
  const mapped = mapTable(raw, columns, {
    ignore: (h) => IGNORED_HEADERS.has(h),
    explainUnexpected: (header, normalized) => {
      const key = normalized.split(":")[0] ?? "";
      const item = items.get(key);
      if (item?.type === "group") {
        return `列「${header}」: 「${item.label}」は表形式（複数行）の項目のため、CSV では取り込めません。この列を削除し、画面から入力してください。`;
      }
      return undefined;
    },
  });
  if (!mapped.ok) return { rows: [], errors: mapped.errors, warnings: [], dataRows: 0, blankLines: 0, extra: empty };
  const { table } = mapped;
  const errors = [...mapped.errors];
  const warnings: TImportIssue[] = [];
  const ctx: TRowContext = {
    options,
    items: paperSubmissionItems(options.definition),
    warnings,
    restored: [],
    codes: [],
  };

  const parsed = rowReaders(table, columns, errors).map((r) => readPaperRow(r, ctx));

  const codeColumn = table.headers.get(CODE_KEY) ?? PAPER_CODE_HEADER;
  const duplicateLines = new Set(
    [
      ...reportDuplicates(
        ctx.codes,
        (x) => x.code,
        (x, firstLine, key) =>
          errors.push(
            issue(
              x.line,
              "duplicate",
              `医療機関コード「${key}」の報告は${firstLine}行目と重複しています。1つの医療機関は1行にしてください（この行は取り込みません）。`,
              codeColumn,
            ),
          ),
      ),
    ].map((x) => x.line),
  );
  const rows = parsed.flatMap((row) => (row && !duplicateLines.has(row.line) ? [row] : []));
  if (ctx.restored.length > 0) warnings.push(restoredZerosWarning(codeColumn, ctx.restored));

  return {
    rows,
    errors,
    warnings,
    dataRows: table.rows.length + table.misalignedRows,
    blankLines: table.blankLines,
    extra: { presentItemKeys: ctx.items.map((i) => i.key).filter((key) => table.headers.has(key)) },
  };
}

export function importPaperSubmissions(file: TImportFile, options: TPaperImportOptions): Promise<TPaperImportResult> {
  return runImport(file, { sheetName: options.sheetName }, (table) => validatePaperTable(table, options), {
    presentItemKeys: [],
  });
}
