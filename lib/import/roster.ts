// 医療機関名簿: the institutions a prefecture asks to report. One row per 病院・診療所, keyed by
// 医療機関コード. Codes are checked against the prefecture, municipalities against the known list.
import { issue, type TImportIssue } from "./issues";
import type { TImportFile, TRawTable, TReadOptions } from "./read";
import { runImport, type TImportResult, type TTableOutcome } from "./result";
import { mapTable, reportDuplicates, rowReaders, type RowReader, type TColumnSpec } from "./table";
import {
  parseCount,
  parseDateCell,
  parseEmail,
  parsePhone,
  parsePostalCode,
  resolveInstitutionCode,
  resolveMunicipalityCode,
  restoredZerosWarning,
} from "./values";

import type { TInstitutionKind } from "@/lib/domain/institution-kinds";

export type TRosterField =
  | "code"
  | "name"
  | "kind"
  | "beds"
  | "postalCode"
  | "address"
  | "municipalityCode"
  | "phone"
  | "contactEmail"
  | "suspendedSince"
  | "suspensionReason";

export type TRosterRow = {
  line: number;
  /** 10-digit 医療機関コード (verified, in the importing prefecture). */
  code: string;
  name: string;
  kind: TInstitutionKind;
  beds: number | null;
  /** 123-4567 */
  postalCode: string | null;
  address: string | null;
  /** 6-digit 全国地方公共団体コード, known and in the prefecture. */
  municipalityCode: string;
  phone: string | null;
  /** Normalised as sign-in compares addresses (NFKC, lower case). */
  contactEmail: string | null;
  /** 休院日 YYYY-MM-DD: 休院 for every cycle whose 1 January reference date is on or after it. */
  suspendedSince: string | null;
  /** Why (shown with the figures the exclusion changes); required with a 休院日. */
  suspensionReason: string | null;
};

export const ROSTER_COLUMNS: readonly TColumnSpec<TRosterField>[] = [
  { key: "code", header: "医療機関コード", aliases: ["医療機関CD", "機関コード"], required: true },
  {
    key: "name",
    header: "名称",
    aliases: ["医療機関名", "医療機関名称", "医療機関の名称", "施設名", "施設名称"],
    required: true,
  },
  {
    key: "kind",
    header: "種別",
    aliases: ["施設種別", "医療機関種別", "病院・診療所の別", "病院診療所区分"],
    required: true,
  },
  { key: "beds", header: "病床数", aliases: ["許可病床数", "病床数(合計)", "総病床数"] },
  { key: "postalCode", header: "郵便番号", aliases: ["〒"] },
  { key: "address", header: "住所", aliases: ["所在地", "所在地住所"] },
  {
    key: "municipalityCode",
    header: "市区町村コード",
    aliases: ["市町村コード", "全国地方公共団体コード", "地方公共団体コード", "団体コード"],
    required: true,
  },
  { key: "phone", header: "電話", aliases: ["電話番号", "TEL"] },
  {
    key: "contactEmail",
    header: "担当者メール",
    aliases: ["担当者メールアドレス", "メールアドレス", "メール", "E-mail", "Email"],
  },
  { key: "suspendedSince", header: "休院日", aliases: ["休院年月日", "休院開始日"] },
  { key: "suspensionReason", header: "休院理由", aliases: ["休院の理由"] },
];

/** 種別 values accepted. 「クリニック」「医院」 are names, not 種別, and 歯科 is outside the report. */
export const INSTITUTION_KIND_VALUES: Readonly<Record<string, TInstitutionKind>> = {
  病院: "HOSPITAL",
  診療所: "CLINIC",
  一般診療所: "CLINIC",
  医科診療所: "CLINIC",
  有床診療所: "CLINIC",
  無床診療所: "CLINIC",
};

/** A 病院 has 20 beds or more and a 診療所 19 or fewer (医療法 第1条の5). */
const CLINIC_MAX_BEDS = 19;

const MAX_NAME = 200;
const MAX_ADDRESS = 300;
const MAX_REASON = 200;

export type TRosterImportOptions = {
  /** The importing prefecture ("18" for 福井県): every code must belong to it. */
  prefectureCode: string;
  /** 6-digit codes of the prefecture's municipalities. */
  knownMunicipalityCodes: ReadonlySet<string>;
} & TReadOptions;

export type TRosterExtra = {
  /** Columns present in the file. An absent optional column means "leave as is", a blank cell "clear". */
  presentFields: TRosterField[];
  hospitals: number;
  clinics: number;
};

export type TRosterImportResult = TImportResult<TRosterRow, TRosterExtra>;

const length = (value: string) => [...value].length;

function parseKind(raw: string): { kind: TInstitutionKind; variant: string } | { message: string } {
  const v = raw.normalize("NFKC").replace(/\s+/g, "");
  const kind = INSTITUTION_KIND_VALUES[v];
  if (kind) return { kind, variant: v };
  if (v.includes("歯科"))
    return { message: `種別「${raw}」: 歯科医療機関はかかりつけ医機能報告の対象外です。名簿から削除してください。` };
  if (v === "クリニック" || v === "医院") {
    return {
      message: `「${raw}」は種別として使えません。「診療所」と入力してください（名称に「${v}」とつく医療機関も種別は診療所です）。`,
    };
  }
  return {
    message: `種別「${raw}」は「病院」または「診療所」で入力してください（「一般診療所」「有床診療所」「無床診療所」も使えます）。`,
  };
}

type TRosterContext = {
  options: TRosterImportOptions;
  warnings: TImportIssue[];
  /** Every readable code with its line, whether or not the rest of the row is valid. */
  codes: { line: number; code: string }[];
  restoredCodes: number[];
  restoredMunicipalities: number[];
};

function readRosterRow(r: RowReader<TRosterField>, ctx: TRosterContext): TRosterRow | null {
  const required = (key: TRosterField, label: string): string | undefined => {
    const value = r.cell(key);
    if (value === "") r.error(key, "required", `${label}を入力してください。`);
    return value || undefined;
  };
  const optional = <T>(
    key: TRosterField,
    parse: (v: string) => { ok: true; value: T } | { ok: false; message: string },
  ): T | null => {
    const value = r.cell(key);
    if (!value) return null;
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    r.error(key, "invalid", parsed.message);
    return null;
  };

  let code: string | undefined;
  const rawCode = required("code", "医療機関コード");
  if (rawCode !== undefined) {
    const resolved = resolveInstitutionCode(rawCode, ctx.options.prefectureCode);
    if (resolved.ok) {
      code = resolved.code;
      ctx.codes.push({ line: r.line, code });
      if (resolved.restored) ctx.restoredCodes.push(r.line);
    } else {
      r.error("code", "invalid", resolved.message);
    }
  }

  const name = required("name", "名称");
  if (name !== undefined && length(name) > MAX_NAME)
    r.error("name", "invalid", `名称は${MAX_NAME}文字以内で入力してください（${length(name)}文字あります）。`);

  let kind: TInstitutionKind | undefined;
  let kindVariant = "";
  const rawKind = required("kind", "種別（病院・診療所）");
  if (rawKind !== undefined) {
    const parsed = parseKind(rawKind);
    if ("message" in parsed) r.error("kind", "invalid", parsed.message);
    else ({ kind, variant: kindVariant } = parsed);
  }

  const beds = optional("beds", (v) => parseCount(v, ["床"]));
  if (kind && r.has("beds") && r.cell("beds") === "" && kind === "HOSPITAL") {
    r.error("beds", "required", "病院は病床数を入力してください。");
  }
  if (kind === "CLINIC" && beds !== null) {
    if (beds > CLINIC_MAX_BEDS) {
      r.error(
        "beds",
        "inconsistent",
        `診療所の病床数は${CLINIC_MAX_BEDS}床以下です（${beds}床）。種別が「病院」でないか、病床数が正しいか確認してください。`,
      );
    } else if (kindVariant === "無床診療所" && beds > 0) {
      r.error("beds", "inconsistent", `無床診療所ですが病床数が${beds}床です。種別か病床数を確認してください。`);
    } else if (kindVariant === "有床診療所" && beds === 0) {
      r.error("beds", "inconsistent", "有床診療所ですが病床数が0床です。種別か病床数を確認してください。");
    }
  }
  if (kind === "HOSPITAL" && beds !== null && beds < CLINIC_MAX_BEDS + 1) {
    ctx.warnings.push(
      issue(
        r.line,
        "unusual_value",
        `病院ですが病床数が${beds}床です（病院は通常20床以上）。誤りでなければこのまま取り込めます。`,
        r.column("beds"),
      ),
    );
  }

  const postalCode = optional("postalCode", parsePostalCode);
  const address = r.cell("address") || null;
  if (address !== null && length(address) > MAX_ADDRESS)
    r.error("address", "invalid", `住所は${MAX_ADDRESS}文字以内で入力してください。`);

  let municipalityCode: string | undefined;
  const rawMunicipality = required("municipalityCode", "市区町村コード");
  if (rawMunicipality !== undefined) {
    const resolved = resolveMunicipalityCode(
      rawMunicipality,
      ctx.options.prefectureCode,
      ctx.options.knownMunicipalityCodes,
    );
    if (resolved.ok) {
      municipalityCode = resolved.code;
      if (resolved.restored) ctx.restoredMunicipalities.push(r.line);
    } else {
      r.error("municipalityCode", resolved.unknown ? "unknown_reference" : "invalid", resolved.message);
    }
  }

  const phone = optional("phone", parsePhone);
  const contactEmail = optional("contactEmail", parseEmail);
  const { suspendedSince, suspensionReason } = readSuspension(r, optional);

  if (!r.ok || code === undefined || name === undefined || kind === undefined || municipalityCode === undefined)
    return null;
  return {
    line: r.line,
    code,
    name,
    kind,
    beds,
    postalCode,
    address,
    municipalityCode,
    phone,
    contactEmail,
    suspendedSince,
    suspensionReason,
  };
}

/** 休院日 and 休院理由 go together: a date needs its reason (it is shown with the figures), and a reason its date. */
function readSuspension(
  r: RowReader<TRosterField>,
  optional: <T>(
    key: TRosterField,
    parse: (v: string) => { ok: true; value: T } | { ok: false; message: string },
  ) => T | null,
): { suspendedSince: string | null; suspensionReason: string | null } {
  const suspendedSince = optional("suspendedSince", parseDateCell);
  const suspensionReason = r.cell("suspensionReason") || null;
  if (suspensionReason !== null && length(suspensionReason) > MAX_REASON)
    r.error("suspensionReason", "invalid", `休院理由は${MAX_REASON}文字以内で入力してください。`);
  if (r.cell("suspendedSince") !== "" && suspensionReason === null)
    r.error(
      "suspensionReason",
      "required",
      "休院日を入れた医療機関は、休院理由も入力してください（集計に表示されます）。",
    );
  if (r.cell("suspendedSince") === "" && suspensionReason !== null)
    r.error("suspendedSince", "required", "休院理由があります。休院日（例: 2027/1/1）も入力してください。");
  return { suspendedSince, suspensionReason };
}

/** Validates a roster table already read from a file (pure, synchronous). */
export function validateRosterTable(
  raw: Pick<TRawTable, "rows">,
  options: TRosterImportOptions,
): TTableOutcome<TRosterRow, TRosterExtra> {
  const empty: TRosterExtra = { presentFields: [], hospitals: 0, clinics: 0 };
  const mapped = mapTable(raw, ROSTER_COLUMNS);
  if (!mapped.ok) return { rows: [], errors: mapped.errors, warnings: [], dataRows: 0, blankLines: 0, extra: empty };
  const { table } = mapped;
  const errors = [...mapped.errors];
  const warnings: TImportIssue[] = [];
  const ctx: TRosterContext = { options, warnings, codes: [], restoredCodes: [], restoredMunicipalities: [] };

  const parsed = rowReaders(table, ROSTER_COLUMNS, errors).map((r) => readRosterRow(r, ctx));

  // Duplicates are judged on every row with a readable code, valid otherwise or not, so the
  // officer sees all occurrences at once.
  const codeColumn = table.headers.get("code") ?? "医療機関コード";
  const duplicates = reportDuplicates(
    ctx.codes,
    (x) => x.code,
    (x, firstLine, key) =>
      errors.push(
        issue(
          x.line,
          "duplicate",
          `医療機関コード「${key}」は${firstLine}行目と重複しています。1つの医療機関は1行にしてください（この行は取り込みません）。`,
          codeColumn,
        ),
      ),
  );
  const duplicateLines = new Set([...duplicates].map((x) => x.line));
  const rows = parsed.flatMap((row) => (row && !duplicateLines.has(row.line) ? [row] : []));

  const emailColumn = table.headers.get("contactEmail") ?? "担当者メール";
  reportDuplicates(
    rows.filter((row) => row.contactEmail !== null),
    (row) => row.contactEmail,
    (row, firstLine) =>
      warnings.push(
        issue(
          row.line,
          "unusual_value",
          `${firstLine}行目の医療機関と同じ担当者メールです。意図したものか確認してください。`,
          emailColumn,
        ),
      ),
  );

  if (ctx.restoredCodes.length > 0) warnings.push(restoredZerosWarning(codeColumn, ctx.restoredCodes));
  if (ctx.restoredMunicipalities.length > 0) {
    warnings.push(
      restoredZerosWarning(table.headers.get("municipalityCode") ?? "市区町村コード", ctx.restoredMunicipalities),
    );
  }

  return {
    rows,
    errors,
    warnings,
    dataRows: table.rows.length + table.misalignedRows,
    blankLines: table.blankLines,
    extra: {
      presentFields: ROSTER_COLUMNS.map((c) => c.key).filter((key) => table.headers.has(key)),
      hospitals: rows.filter((row) => row.kind === "HOSPITAL").length,
      clinics: rows.filter((row) => row.kind === "CLINIC").length,
    },
  };
}

/** Reads and validates a roster upload (CSV or .xlsx). Never throws for bad input. */
export function importRoster(file: TImportFile, options: TRosterImportOptions): Promise<TRosterImportResult> {
  return runImport(file, { sheetName: options.sheetName }, (table) => validateRosterTable(table, options), {
    presentFields: [],
    hospitals: 0,
    clinics: 0,
  });
}
