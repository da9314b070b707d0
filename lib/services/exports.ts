import "server-only";
import type { TViewer } from "@/lib/auth/viewer-types";
import { findCycle } from "@/lib/data/cycles";
import { getDefinition } from "@/lib/data/questionnaires";
import { listExportRespondents, listNotSubmitted } from "@/lib/data/review";
import { db } from "@/lib/db";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { tableToFile, type TTableFormat } from "@/lib/export/table-file";
import { notSubmittedTable, submissionsExportTable } from "@/lib/prefecture/exports";
import type { TRespondentFilter } from "@/lib/prefecture/filters";
import { recordAudit } from "./audit";

// The prefecture's downloads of report data, one use case each, shared by the routes
// (app/api/v1/prefecture/cycles/[cycleId]/…) and the CLI (npm run renkei -- export-submissions):
// read within the viewer's scope, build the file, and audit the download (personal and official
// data leaves the system).

export type TExportFile = {
  /** The cycle's title (what was exported, for messages). */
  cycleTitle: string;
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
  rows: number;
  columns: number;
};

/** Every respondent's latest report of a cycle, one row each (re-importable as a paper import). */
export async function exportSubmissions(viewer: TViewer, cycleId: string, format: TTableFormat): Promise<TExportFile> {
  const cycle = await findCycle(viewer, cycleId);
  const [definition, respondents] = await Promise.all([
    getDefinition(cycle.questionnaireVersionId),
    listExportRespondents(viewer, cycle),
  ]);
  const table = submissionsExportTable(definition, respondents, cycle.kind === "CLINIC_REPORT" ? "institution" : "hub");
  const file = await tableToFile(table, format, cycle.title);
  await recordAudit(db, viewer, {
    action: "submissions.export",
    entityType: "reporting_cycle",
    entityId: cycle.id,
    prefectureCode: cycle.prefectureCode,
    summary: `${cycle.title}の回答を出力（${respondents.length}件）`,
    after: { format, rows: respondents.length },
  });
  return {
    cycleTitle: cycle.title,
    bytes: file.bytes,
    fileName: `回答一覧_${cycle.title}_${toDateInputJst(new Date())}.${file.extension}`,
    contentType: file.contentType,
    rows: respondents.length,
    columns: table.header.length,
  };
}

/** 未提出一覧 (未着手・下書き・差戻し) of a cycle, filtered as the list on screen, for reminder calls. */
export async function exportNotSubmitted(
  viewer: TViewer,
  cycleId: string,
  filter: TRespondentFilter,
  format: TTableFormat,
): Promise<TExportFile> {
  const cycle = await findCycle(viewer, cycleId);
  const rows = await listNotSubmitted(viewer, cycle, filter);
  const table = notSubmittedTable(
    rows.map((r) => ({
      ...r,
      lastSavedAt: r.submission?.updatedAt ?? null,
      reopenedUntil: r.submission?.reopenedUntil ?? null,
    })),
    cycle.kind === "CLINIC_REPORT" ? "institution" : "hub",
  );
  const file = await tableToFile(table, format, "未提出一覧");
  await recordAudit(db, viewer, {
    action: "submissions.export_not_submitted",
    entityType: "reporting_cycle",
    entityId: cycle.id,
    prefectureCode: cycle.prefectureCode,
    summary: `${cycle.title}の未提出一覧を出力（${rows.length}件）`,
    after: { format, rows: rows.length },
  });
  return {
    cycleTitle: cycle.title,
    bytes: file.bytes,
    fileName: `未提出一覧_${cycle.title}_${toDateInputJst(new Date())}.${file.extension}`,
    contentType: file.contentType,
    rows: rows.length,
    columns: table.header.length,
  };
}
