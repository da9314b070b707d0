import { apiRoute } from "@/lib/http/api";
import { acknowledgeFlag } from "@/lib/services/review-flag-acks";

/** POST { kind: "outlier" | "big-change", itemKey, revision, note? }: 確認済み（問題なし）. */
export const POST = apiRoute<{ submissionId: string }>(async ({ viewer, params, body }) => {
  await acknowledgeFlag(viewer, params.submissionId, body);
  return { ok: true };
});
