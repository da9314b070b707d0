import { apiRoute } from "@/lib/http/api";
import { releaseHold } from "@/lib/services/publication";

/** POST: ends the hold; the institution is public again from the next publication run. */
export const POST = apiRoute<{ cycleId: string; institutionId: string }>(async ({ viewer, params }) => {
  await releaseHold(viewer, params.cycleId, params.institutionId);
  return { ok: true };
});
