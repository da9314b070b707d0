import { apiRoute } from "@/lib/http/api";
import { confirmSubmission } from "@/lib/services/review";

/** POST { revision, comment? }: 確認済み (the comment, if any, is shown to the respondent). */
export const POST = apiRoute<{ submissionId: string }>(async ({ viewer, params, body }) => {
  await confirmSubmission(viewer, params.submissionId, body);
  return { ok: true };
});
