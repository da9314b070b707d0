import { apiRoute } from "@/lib/http/api";
import { unacknowledgeFlag } from "@/lib/services/review-flag-acks";

/** POST { kind, itemKey, revision }: undoes 確認済み（問題なし）; the item is a flag again. */
export const POST = apiRoute<{ submissionId: string }>(async ({ viewer, params, body }) => {
  await unacknowledgeFlag(viewer, params.submissionId, body);
  return { ok: true };
});
