import { apiRoute } from "@/lib/http/api";
import { closeItemQuery } from "@/lib/services/item-queries";

/** POST { note? }: the officer closes a 照会 (answered, or settled otherwise). */
export const POST = apiRoute<{ queryId: string }>(async ({ viewer, params, body }) => {
  await closeItemQuery(viewer, params.queryId, body);
  return { ok: true };
});
