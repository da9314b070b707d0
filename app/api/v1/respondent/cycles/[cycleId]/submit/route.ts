import { apiRoute } from "@/lib/http/api";
import { submitReport } from "@/lib/services/respondent-reports";

/** Submit (or re-submit) as a new revision: { draftVersion, answers } → { submissionId, revision }. */
export const POST = apiRoute<{ cycleId: string }>(({ viewer, params, body }) =>
  submitReport(viewer, params.cycleId, body),
);
