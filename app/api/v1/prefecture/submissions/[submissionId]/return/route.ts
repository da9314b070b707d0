import { apiRoute } from "@/lib/http/api";
import { returnSubmission } from "@/lib/services/review";

/** POST { revision, comment }: 差戻し with the reason the respondent reads. */
export const POST = apiRoute<{ submissionId: string }>(async ({ viewer, params, body }) => {
  await returnSubmission(viewer, params.submissionId, body);
  return { ok: true };
});
