import { apiRoute } from "@/lib/http/api";
import { openCycle } from "@/lib/services/cycles";

export const POST = apiRoute<{ cycleId: string }>(async ({ viewer, params }) => {
  await openCycle(viewer, params.cycleId);
  return { ok: true };
});
