import "server-only";
import type { TViewer } from "@/lib/auth/viewer-types";
import { findCycle, type TCycle } from "@/lib/data/cycles";
import { getDefinition } from "@/lib/data/questionnaires";
import { listExportRespondents, listNotSubmitted } from "@/lib/data/review";
import { db } from "@/lib/db";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { prefectureName } from "@/lib/domain/prefectures";
import { exportFileName, type TFileName } from "@/lib/export/file-name";
import { tableToFile, type TTableFormat } from "@/lib/export/table-file";
import { answerCodeTable, notSubmittedTable, submissionsExportTable } from "@/lib/prefecture/exports";
import type { TRespondentFilter } from "@/lib/prefecture/filters";
import { recordAudit } from "./audit";

// The prefecture's downloads of report data, one use case each, shared by the routes
// (app/api/v1/prefecture/cycles/[cycleId]/…) and the CLI (npm run renkei -- export-submissions):
// read within the viewer's scope, build the file, and audit the download (personal and official
// data leaves the system). The file name says what, which cycle, which prefecture, which day and
// (CSV) which encoding (lib/export/file-name.ts).

export type TExportFile = TFileName & {
  /** The cycle's title (what was exported, for messages). */
  cycleTitle: string;
  bytes: Uint8Array;
  contentType: string;
  rows: number;
  columns: number;
};

/** The file name of a cycle's export: 回答一覧_令和7年度かかりつけ医機能報告_福井県_2026-12-05_UTF-8.csv. */
export function cycleExportFileName(
  cycle: Pick<TCycle, "title" | "fiscalYear" | "prefectureCode">,
  what: { ja: string; ascii: string },
  format: TTableFormat,
  now: Date = new Date(),
): TFileName {
  return exportFileName({
    what: what.ja,
    whatAscii: what.ascii,
    cycle: { title: cycle.title, fiscalYear: cycle.fiscalYear },
    scope: { name: prefectureName(cycle.prefectureCode), ascii: `pref${cycle.prefectureCode}` },
    date: toDateInputJst(now),
    format,
  });
}

/** Every respondent's latest report of a cycle, one row each (re-importable as a paper import). */
export async function exportSubmissions(viewer: TViewer, cycleId: string, format: TTableFormat): Promise<TExportFile> {
  const cycle = await findCycle(viewer, cycleId);
  const [definition, respondents] = await Promise.all([
    getDefinition(cycle.questionnaireVersionId),
    listExportRespondents(viewer, cycle),
  ]);
  const table = submissionsExportTable(definition, respondents, cycle.kind === "CLINIC_REPORT" ? "institution" : "hub");
  // The code sheet comes second: the import reads the first sheet, so the file stays re-importable.
  const file = await tableToFile(table, format, {
    sheetName: "回答一覧",
    extraSheets: [{ name: "コード表", table: answerCodeTable(definition) }],
  });
  const name = cycleExportFileName(cycle, { ja: "回答一覧", ascii: "submissions" }, format);
  await recordAudit(db, viewer, {
    action: "submissions.export",
    entityType: "reporting_cycle",
    entityId: cycle.id,
    prefectureCode: cycle.prefectureCode,
    summary: `${cycle.title}の回答を出力（${respondents.length}件）`,
    after: { format, rows: respondents.length, fileName: name.fileName },
  });
  return {
    cycleTitle: cycle.title,
    bytes: file.bytes,
    ...name,
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
  const name = cycleExportFileName(cycle, { ja: "未提出一覧", ascii: "not-submitted" }, format);
  await recordAudit(db, viewer, {
    action: "submissions.export_not_submitted",
    entityType: "reporting_cycle",
    entityId: cycle.id,
    prefectureCode: cycle.prefectureCode,
    summary: `${cycle.title}の未提出一覧を出力（${rows.length}件）`,
    after: { format, rows: rows.length, fileName: name.fileName },
  });
  return {
    cycleTitle: cycle.title,
    bytes: file.bytes,
    ...name,
    contentType: file.contentType,
    rows: rows.length,
    columns: table.header.length,
  };
}
