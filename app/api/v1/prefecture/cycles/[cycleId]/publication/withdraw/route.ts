import { apiRoute } from "@/lib/http/api";
import { withdrawPublication } from "@/lib/services/publication";

/** POST { reason }: 公表の取り下げ — pages and open data of the cycle stop at once. */
export const POST = apiRoute<{ cycleId: string }>(async ({ viewer, params, body }) => {
  await withdrawPublication(viewer, params.cycleId, body);
  return { ok: true };
});
