import { apiRoute } from "@/lib/http/api";
import { schedulePublication } from "@/lib/services/publication";

/** PUT { publishOn, licence }: the cycle's 公表日 and licence; the queue publishes on that day. */
export const PUT = apiRoute<{ cycleId: string }>(async ({ viewer, params, body }) => {
  await schedulePublication(viewer, params.cycleId, body);
  return { ok: true };
});
