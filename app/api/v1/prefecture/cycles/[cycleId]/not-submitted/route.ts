import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { findCycle } from "@/lib/data/cycles";
import { listNotSubmitted } from "@/lib/data/review";
import { recordAudit } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { assertRole } from "@/lib/auth/viewer-guards";
import { TABLE_FORMATS, tableToFile } from "@/lib/export/table-file";
import { notSubmittedTable } from "@/lib/prefecture/exports";
import { ZRespondentFilter } from "@/lib/prefecture/filters";
import { toDateInputJst } from "@/lib/domain/jst-dates";
import { flattenParams } from "@/lib/search-params";

/** GET ?format=csv|csv-sjis|xlsx&<list filters>: 未提出一覧 (未着手・下書き・差戻し) for reminder calls. */
export const GET = apiRoute<{ cycleId: string }>(async ({ viewer, params, request }) => {
  assertRole(viewer, "prefecture");
  const search = new URL(request.url).searchParams;
  const format = z.enum(TABLE_FORMATS).catch("csv").parse(search.get("format"));
  const filter = ZRespondentFilter.parse(flattenParams(search));
  const cycle = await findCycle(viewer, params.cycleId);
  const rows = await listNotSubmitted(viewer, cycle, filter);
  const type = cycle.kind === "CLINIC_REPORT" ? "institution" : "hub";
  const file = await tableToFile(
    notSubmittedTable(
      rows.map((r) => ({
        ...r,
        lastSavedAt: r.submission?.updatedAt ?? null,
        reopenedUntil: r.submission?.reopenedUntil ?? null,
      })),
      type,
    ),
    format,
    "未提出一覧",
  );
  await recordAudit(db, viewer, {
    action: "submissions.export_not_submitted",
    entityType: "reporting_cycle",
    entityId: cycle.id,
    prefectureCode: cycle.prefectureCode,
    summary: `${cycle.title}の未提出一覧を出力（${rows.length}件）`,
    after: { format, rows: rows.length },
  });
  return fileResponse(
    file.bytes,
    `未提出一覧_${cycle.title}_${toDateInputJst(new Date())}.${file.extension}`,
    file.contentType,
  );
});
