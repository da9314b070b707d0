import "server-only";
import type { Prisma } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import type { TQuestionnaireDefinition } from "@/lib/questionnaire/definition";
import type { TImportIssue, TImportResult, TRawTable } from "@/lib/import";
import { canImportValidRowsOnly, rejectedLineReasons } from "@/lib/import/result";
import type {
  TImportApplyOptions,
  TImportDetails,
  TImportOutcome,
  TImportPreview,
} from "@/lib/prefecture/import-preview";
import { rejectedFileFormat, rejectedRowsTable, type TRejectedRows } from "@/lib/prefecture/import-rejected";

// The contract between the job runner (import-jobs.ts) and one kind of import. A handler checks
// a table already read from the file against the reference data it reads through `client`, and
// plans the changes (the preview); then applies the plan inside the runner's transaction. The
// runner calls `check` again with the transaction's client before `apply`, so what is written is
// validated against the data as it is at that moment, not as it was at the preview.

/** The database as a handler sees it: the client, or the runner's transaction. */
export type TDb = Prisma.TransactionClient;

export type TImportCycle = {
  id: string;
  kind: "CLINIC_REPORT" | "HUB_SELF_ASSESSMENT";
  fiscalYear: number;
  questionnaireVersionId: string;
  prefectureCode: string;
  label: string;
  /** Loaded before any transaction (getDefinition reads through the shared client). */
  definition: TQuestionnaireDefinition;
};

export type TImportContext = {
  prefectureCode: string;
  cycle: TImportCycle | null;
  /** The job being applied (null for a check only). */
  jobId: string | null;
  fileName: string;
  fileSha256: string;
};

export type TTableInput = {
  table: Pick<TRawTable, "rows" | "format" | "encoding" | "sheetName">;
  readWarnings: TImportIssue[];
};

export type TChecked<TPlan> = { preview: TImportPreview; plan: TPlan | null; rejected?: TRejectedRows | null };

export type TProgress = (phase: string, done: number, total: number) => void;

export type TImportHandler<TPlan> = {
  check(client: TDb, context: TImportContext, input: TTableInput): Promise<TChecked<TPlan>>;
  apply(
    tx: TDb,
    context: TImportContext,
    plan: TPlan,
    options: TImportApplyOptions,
    actor: TViewer,
    progress: TProgress,
  ): Promise<TImportOutcome>;
};

/** Splits a list for bulk statements (PostgreSQL allows 65,535 parameters per statement). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Display of a stored value in a preview or an audit summary. */
export function shown(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === "") return "（空欄）";
  if (typeof value === "boolean") return value ? "有効" : "無効";
  return typeof value === "number" ? value.toLocaleString("ja-JP") : value;
}

/** The file-level part of an importer's result, as a preview stores it. */
export function previewBase(result: TImportResult<unknown>): Omit<TImportPreview, "ok" | "details"> {
  return {
    format: result.format,
    encoding: result.encoding,
    sheetName: result.sheetName,
    stats: result.stats,
    errors: result.errors,
    warnings: result.warnings,
  };
}

export function invalidPreview(result: TImportResult<unknown>): TImportPreview {
  return { ...previewBase(result), ok: false, details: null };
}

/** A file that cannot be applied at all: file-level problems, or no valid row to import alone. */
export function refusedWhole(result: TImportResult<unknown>): boolean {
  return !result.ok && !canImportValidRowsOnly(result);
}

/**
 * The check's answer for a file that can be applied: whole when it is valid, or — when its
 * problems are confined to rows — its valid rows only, if the officer chooses so; the rows that
 * would be left out are kept as a file to download.
 */
export function plannedCheck<TPlan>(
  input: TTableInput,
  result: TImportResult<{ line: number }>,
  details: TImportDetails,
  plan: TPlan,
): TChecked<TPlan> {
  const preview: TImportPreview = { ...previewBase(result), ok: result.ok, details };
  if (result.ok) return { preview, plan, rejected: null };
  const validLines = new Set(result.rows.map((row) => row.line));
  return {
    preview: { ...preview, validRowsImportable: true },
    plan,
    rejected: {
      table: rejectedRowsTable(input.table, validLines, rejectedLineReasons(result.errors)),
      format: rejectedFileFormat(input.table),
    },
  };
}
