import { apiRoute } from "@/lib/http/api";
import { publishNow } from "@/lib/services/publication";

/** POST: 今すぐ公表 — a publication run is queued at once (202 with whether it was queued). */
export const POST = apiRoute<{ cycleId: string }>(async ({ viewer, params }) => {
  const result = await publishNow(viewer, params.cycleId);
  return Response.json(result, { status: 202 });
});
