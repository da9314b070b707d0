import { z } from "zod";
import { apiRoute } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/download";
import { findCycle } from "@/lib/data/cycles";
import { listExportRespondents } from "@/lib/data/review";
import { getDefinition } from "@/lib/data/questionnaires";
import { recordAudit } from "@/lib/data/audit";
import { db } from "@/lib/db";
import { assertRole } from "@/lib/auth/viewer-guards";
import { TABLE_FORMATS, tableToFile } from "@/lib/export/table-file";
import { submissionsExportTable } from "@/lib/prefecture/exports";
import { toDateInputJst } from "@/lib/domain/jst-dates";

/** GET ?format=csv|csv-sjis|xlsx: every respondent's latest report, one row each (re-importable). */
export const GET = apiRoute<{ cycleId: string }>(async ({ viewer, params, request }) => {
  assertRole(viewer, "prefecture");
  const format = z.enum(TABLE_FORMATS).catch("xlsx").parse(new URL(request.url).searchParams.get("format"));
  const cycle = await findCycle(viewer, params.cycleId);
  const [definition, respondents] = await Promise.all([
    getDefinition(cycle.questionnaireVersionId),
    listExportRespondents(viewer, cycle),
  ]);
  const file = await tableToFile(
    submissionsExportTable(definition, respondents, cycle.kind === "CLINIC_REPORT" ? "institution" : "hub"),
    format,
    cycle.title,
  );
  await recordAudit(db, viewer, {
    action: "submissions.export",
    entityType: "reporting_cycle",
    entityId: cycle.id,
    prefectureCode: cycle.prefectureCode,
    summary: `${cycle.title}の回答を出力（${respondents.length}件）`,
    after: { format, rows: respondents.length },
  });
  return fileResponse(
    file.bytes,
    `回答一覧_${cycle.title}_${toDateInputJst(new Date())}.${file.extension}`,
    file.contentType,
  );
});
