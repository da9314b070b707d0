import "server-only";
import type { TViewer } from "@/lib/auth/viewer-types";
import { listAuditHistory, type TAuditFilter } from "@/lib/data/audit-log";
import { viewerPrefecture } from "@/lib/data/scope";
import { db } from "@/lib/db";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { prefectureName } from "@/lib/domain/prefectures";
import { exportFileName } from "@/lib/export/file-name";
import { tableToFile, type TTableFormat } from "@/lib/export/table-file";
import { auditEntries, auditLogTable } from "@/lib/summaries/audit-history";
import { recordAudit } from "./audit";
import type { TExportFile } from "./exports";

/** Most events one export holds (newest first); the officer narrows the period for older ones. */
export const AUDIT_EXPORT_LIMIT = 20_000;

/**
 * The audit log as filtered on screen, as a file (entries worded as on the page, autosave
 * sessions merged). The export itself is audited: the log holds names, e-mail addresses and answers.
 */
export async function exportAuditLog(
  viewer: TViewer,
  filter: Omit<TAuditFilter, "before" | "take">,
  format: TTableFormat,
): Promise<TExportFile & { truncated: boolean }> {
  const page = await listAuditHistory(viewer, { ...filter, take: AUDIT_EXPORT_LIMIT });
  const entries = auditEntries(page.rows);
  const table = auditLogTable(entries);
  const file = await tableToFile(table, format, "監査ログ");
  const prefecture = viewerPrefecture(viewer);
  const name = exportFileName({
    what: "監査ログ",
    whatAscii: "audit-log",
    scope: prefecture
      ? { name: prefectureName(prefecture), ascii: `pref${prefecture}` }
      : { name: "全国", ascii: "national" },
    date: toDateInputJst(new Date()),
    format,
  });
  await recordAudit(db, viewer, {
    action: "audit.export",
    entityType: "audit_log",
    entityId: prefecture ?? "national",
    prefectureCode: prefecture,
    summary: `監査ログを出力（${entries.length}件${page.next ? "・上限まで" : ""}）`,
    after: { format, rows: entries.length, fileName: name.fileName },
  });
  return {
    cycleTitle: "",
    bytes: file.bytes,
    ...name,
    contentType: file.contentType,
    rows: entries.length,
    columns: table.header.length,
    truncated: page.next !== null,
  };
}
