// What an import job stores and shows: the preview of a checked file and the outcome of applying
// it. Pure types and labels, shared by the services, the pages, the client components and the
// command line (lib/services/import-jobs.ts runs the jobs).
import type { TDetectedEncoding, TFileFormat, TImportIssue, TImportStats } from "@/lib/import";

export const IMPORT_KINDS = ["ROSTER", "ZONES", "POPULATION", "NDB", "PAPER"] as const;
export type TImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<TImportKind, string> = {
  ROSTER: "医療機関名簿",
  ZONES: "圏域",
  POPULATION: "人口",
  NDB: "NDBプレプリント値",
  PAPER: "紙で届いた報告",
};

export type TImportJobStatus = "PREVIEWED" | "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "DISCARDED";

export const IMPORT_STATUS_LABELS: Record<TImportJobStatus, string> = {
  PREVIEWED: "確認待ち（未反映）",
  QUEUED: "反映待ち",
  RUNNING: "反映中",
  SUCCEEDED: "反映済み",
  FAILED: "失敗（反映されていません）",
  DISCARDED: "取り消し（反映されていません）",
};

/** Lists in a preview are capped; counts are always complete. */
export const PREVIEW_LIST_LIMIT = 1000;

export type TFieldChange = { field: string; label: string; before: string; after: string };

export type TRosterPreview = {
  kind: "ROSTER";
  presentFields: string[];
  creates: { line: number; code: string; name: string; kindLabel: string; municipality: string }[];
  updates: { line: number; code: string; name: string; changes: TFieldChange[] }[];
  unchanged: number;
  /** Active institutions of the prefecture that are not in the file. */
  missing: { code: string; name: string; municipality: string }[];
  counts: { creates: number; updates: number; unchanged: number; missing: number };
};

export type TZonesPreview = {
  kind: "ZONES";
  schemes: {
    name: string;
    kindLabel: string;
    isNew: boolean;
    zones: {
      code: string;
      name: string;
      change: "new" | "renamed" | "members" | "unchanged";
      previousName?: string;
      municipalities: string[];
    }[];
    removedZones: { code: string; name: string }[];
  }[];
  counts: { schemesNew: number; zonesNew: number; zonesChanged: number; zonesUnchanged: number; zonesRemoved: number };
};

export type TPopulationPreview = {
  kind: "POPULATION";
  updates: { line: number; code: string; name: string; changes: TFieldChange[] }[];
  unchanged: number;
  counts: { updates: number; unchanged: number };
};

export type TNdbPreview = {
  kind: "NDB";
  cycleLabel: string;
  counts: { creates: number; updates: number; unchanged: number; institutions: number; skipped: number };
  updates: { line: number; code: string; name: string; itemKey: string; before: number; after: number }[];
};

export type TPaperPreview = {
  kind: "PAPER";
  cycleLabel: string;
  creates: { line: number; code: string; name: string }[];
  updates: { line: number; code: string; name: string; revision: number; changedItems: number }[];
  /** Rows whose institution already reported on the web: applied only with the explicit option. */
  conflicts: { line: number; code: string; name: string; status: string; revision: number }[];
  unchanged: number;
  counts: { creates: number; updates: number; conflicts: number; unchanged: number };
};

export type TImportDetails = TRosterPreview | TZonesPreview | TPopulationPreview | TNdbPreview | TPaperPreview;

export type TImportPreview = {
  ok: boolean;
  format: TFileFormat | null;
  encoding: TDetectedEncoding | null;
  sheetName: string | null;
  stats: TImportStats;
  errors: TImportIssue[];
  warnings: TImportIssue[];
  /**
   * Present when the file is valid, or when its problems are confined to rows (then only with
   * `validRowsImportable`): what applying it — or its valid rows — would change right now.
   */
  details: TImportDetails | null;
  /** The file has row errors only: the officer may choose to import just its valid rows. */
  validRowsImportable?: boolean;
};

export type TImportApplyOptions = {
  /** Roster: deactivate active institutions that are not in the file. */
  deactivateMissing?: boolean;
  /** Paper reports: replace reports the institutions submitted on the web. */
  overwriteWeb?: boolean;
  /** Import the valid rows of a file with row errors and leave the others out (audited as partial). */
  validRowsOnly?: boolean;
};

export type TImportOutcome = {
  created: number;
  updated: number;
  unchanged: number;
  deactivated?: number;
  deleted?: number;
  skipped?: number;
  /** Rows left out of a partial import ("valid rows only"). */
  rejected?: number;
};

export type TImportProgress = {
  status: TImportJobStatus;
  phase: string | null;
  done: number;
  total: number;
  result: TImportOutcome | null;
  errorMessage: string | null;
};

/** "作成 12件、更新 3件、変更なし 14,985件、無効化 2件" */
export function formatOutcome(outcome: TImportOutcome): string {
  const parts = [
    `新規 ${outcome.created.toLocaleString("ja-JP")}件`,
    `更新 ${outcome.updated.toLocaleString("ja-JP")}件`,
    `変更なし ${outcome.unchanged.toLocaleString("ja-JP")}件`,
  ];
  if (outcome.deactivated !== undefined) parts.push(`無効化 ${outcome.deactivated.toLocaleString("ja-JP")}件`);
  if (outcome.deleted !== undefined) parts.push(`削除 ${outcome.deleted.toLocaleString("ja-JP")}件`);
  if (outcome.skipped) parts.push(`対象外 ${outcome.skipped.toLocaleString("ja-JP")}件`);
  if (outcome.rejected) parts.push(`誤りのため取り込まなかった行 ${outcome.rejected.toLocaleString("ja-JP")}件`);
  return parts.join("、");
}

/** The preview's counts as one Japanese line (command line, notices). */
export function summarizeDetails(details: TImportDetails): string {
  const n = (value: number) => `${value.toLocaleString("ja-JP")}件`;
  switch (details.kind) {
    case "ROSTER":
      return `新規 ${n(details.counts.creates)}、変更 ${n(details.counts.updates)}、変更なし ${n(details.counts.unchanged)}、ファイルにない医療機関 ${n(details.counts.missing)}`;
    case "ZONES":
      return `新しい区分 ${n(details.counts.schemesNew)}、新しい圏域 ${n(details.counts.zonesNew)}、変更 ${n(details.counts.zonesChanged)}、変更なし ${n(details.counts.zonesUnchanged)}、削除 ${n(details.counts.zonesRemoved)}`;
    case "POPULATION":
      return `更新 ${n(details.counts.updates)}、変更なし ${n(details.counts.unchanged)}`;
    case "NDB":
      return `${details.cycleLabel}: 新規 ${n(details.counts.creates)}、更新 ${n(details.counts.updates)}、変更なし ${n(details.counts.unchanged)}（医療機関 ${n(details.counts.institutions)}、名簿にないため対象外 ${n(details.counts.skipped)}）`;
    case "PAPER":
      return `${details.cycleLabel}: 新規 ${n(details.counts.creates)}、更新 ${n(details.counts.updates)}、Web で報告済み ${n(details.counts.conflicts)}、変更なし ${n(details.counts.unchanged)}`;
  }
}

/** The upload limit as the browser checks it before sending (the server checks MAX_IMPORT_BYTES). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
