import { apiRoute } from "@/lib/http/api";
import { updateCycleDates } from "@/lib/services/cycles";

/** PUT { requestDate?, opensOn, closesOn, publishOn? }: the cycle's dates (days in Japan time). */
export const PUT = apiRoute<{ cycleId: string }>(async ({ viewer, params, body }) => {
  await updateCycleDates(viewer, params.cycleId, body);
  return { ok: true };
});
