import { apiRoute } from "@/lib/http/api";
import { discardAmendment, startAmendment } from "@/lib/services/respondent-reports";

/** 変更報告: start (POST) or abandon (DELETE) an amendment of the submitted report. */
export const POST = apiRoute<{ cycleId: string }>(({ viewer, params }) => startAmendment(viewer, params.cycleId));
export const DELETE = apiRoute<{ cycleId: string }>(async ({ viewer, params }) => {
  await discardAmendment(viewer, params.cycleId);
  return { ok: true };
});
