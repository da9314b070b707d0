import "server-only";
import { db } from "@/lib/db";
import type { TViewer } from "@/lib/auth/viewer-types";
import { AppError, forbiddenError } from "@/lib/errors";
import { cycleTitle, SUBMISSION_STATUS_LABELS } from "@/lib/domain/labels";
import { receiptNumber } from "@/lib/domain/receipt";
import type { TSummaryParams } from "@/lib/summaries/params";
import type { TPrefectureSummaryInput, TRespondentDocumentInput, TZonePacketInput } from "@/lib/pdf/props";
import { getPrefectureDashboard, getZoneDashboard } from "./summaries";
import { getCouncilFollowUp } from "./council-follow-up";
import { resolveSummaryFilter } from "./summary-scope";
import { asRespondent, getOwnRevision, getRespondentIdentity } from "./respondent";

// What the PDF documents are rendered from, loaded for a viewer with the same scoped loaders as
// the dashboards and the receipt page — a council asking for another zone's packet gets the same
// NOT_FOUND as on its dashboard, a clinic only ever its own report.

/** The council packet of one zone: the zone dashboard bundle exactly as the screen shows it. */
export async function getZonePacketInput(viewer: TViewer, params: TSummaryParams): Promise<TZonePacketInput> {
  if (!params.zoneId) throw new AppError("INVALID_INPUT", "資料を作成する圏域を選んでください。");
  const filter = await resolveSummaryFilter(viewer, params);
  const dashboard = await getZoneDashboard(viewer, filter);
  // Last year's council decisions and their progress (「前年度の協議結果と進捗」, ADR 0018).
  const councilFollowUp = await getCouncilFollowUp(viewer, params.zoneId, dashboard.cycle.fiscalYear);
  return { dashboard, generatedAt: new Date().toISOString(), councilFollowUp };
}

/** The prefecture summary (all zones side by side): officers and the administrator only. */
export async function getPrefectureSummaryInput(
  viewer: TViewer,
  params: TSummaryParams,
): Promise<TPrefectureSummaryInput> {
  if (viewer.role !== "prefecture" && viewer.role !== "admin") throw forbiddenError();
  const filter = await resolveSummaryFilter(viewer, { ...params, zoneId: null });
  const dashboard = await getPrefectureDashboard(viewer, filter);
  return { dashboard, generatedAt: new Date().toISOString() };
}

/**
 * The respondent's own submitted revision (the latest unless one is named) for its 院内掲示 and
 * 提出控え. The 院内掲示 is the clinic report's (institutions only).
 */
export async function getRespondentDocumentInput(
  viewer: TViewer,
  cycleId: string,
  options: { revision?: number; document: "clinicNotice" | "submissionCopy" },
): Promise<TRespondentDocumentInput> {
  const respondent = asRespondent(viewer);
  if (options.document === "clinicNotice" && respondent.role !== "institution") throw forbiddenError();
  const [{ cycle, submission, definition, revision }, identity, prefecture] = await Promise.all([
    getOwnRevision(respondent, cycleId, options.revision),
    getRespondentIdentity(respondent),
    db.prefecture.findUniqueOrThrow({
      where: { code: respondent.prefectureCode },
      select: { name: true, isDemo: true },
    }),
  ]);
  return {
    respondent: { role: respondent.role, ...identity },
    cycle: {
      title: cycleTitle(cycle),
      fiscalYear: cycle.fiscalYear,
      prefectureName: prefecture.name,
      isDemo: prefecture.isDemo,
    },
    definition,
    revision: {
      number: revision.revision,
      answers: revision.answers,
      derived: revision.derived,
      submittedAt: revision.submittedAt.toISOString(),
      channel: revision.channel,
      kind: revision.kind,
    },
    receiptNumber: receiptNumber({
      fiscalYear: cycle.fiscalYear,
      submissionId: submission.id,
      revision: revision.revision,
    }),
    currentStatus:
      submission.revision === revision.revision
        ? SUBMISSION_STATUS_LABELS[submission.status]
        : `第${submission.revision}版で更新済み`,
    generatedAt: new Date().toISOString(),
  };
}
