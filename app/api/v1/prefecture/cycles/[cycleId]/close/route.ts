import { apiRoute } from "@/lib/http/api";
import { closeCycle } from "@/lib/services/cycles";

export const POST = apiRoute<{ cycleId: string }>(async ({ viewer, params }) => {
  await closeCycle(viewer, params.cycleId);
  return { ok: true };
});
