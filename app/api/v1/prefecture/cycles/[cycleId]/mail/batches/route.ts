import { apiRoute } from "@/lib/http/api";
import { assertRole } from "@/lib/auth/viewer-guards";
import { listMailBatches } from "@/lib/data/cycle-mail";

/** GET: the cycle's latest bulk sends with their progress (polled by the mail page). */
export const GET = apiRoute<{ cycleId: string }>(async ({ viewer, params }) => {
  assertRole(viewer, "prefecture");
  return { batches: await listMailBatches(viewer, params.cycleId) };
});
