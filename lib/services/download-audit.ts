import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { recordAudit } from "./audit";

export type TDownloadAction = "download.pdf_packet" | "download.pdf_batch" | "download.summary_export";

/**
 * Records who downloaded which official document of which scope. Called by the download routes
 * after the scoped read succeeded (so only real downloads are recorded), filed under the
 * prefecture whose data the file holds so that prefecture's audit log shows it.
 */
export async function auditDownload(
  viewer: TViewer,
  input: {
    action: TDownloadAction;
    fileName: string;
    /** The cycle the file is about (its prefecture files the event); null for national files. */
    cycleId: string | null;
    /** What exactly: zone, scheme, table… (kept in the event's detail). */
    scope: Record<string, string | null>;
  },
): Promise<void> {
  const cycle = input.cycleId
    ? await db.reportingCycle.findUnique({ where: { id: input.cycleId }, select: { prefectureCode: true } })
    : null;
  await recordAudit(db, viewer, {
    action: input.action,
    entityType: "document",
    entityId: input.cycleId ?? "national",
    prefectureCode: cycle?.prefectureCode ?? null,
    summary: `ダウンロード: ${input.fileName}`,
    after: { fileName: input.fileName, ...input.scope },
  });
}
