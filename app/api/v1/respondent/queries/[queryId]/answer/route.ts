import { apiRoute } from "@/lib/http/api";
import { answerItemQuery } from "@/lib/services/item-queries";

/** POST { answer }: the respondent answers a 照会 on its own report. */
export const POST = apiRoute<{ queryId: string }>(async ({ viewer, params, body }) => {
  await answerItemQuery(viewer, params.queryId, body);
  return { ok: true };
});
