import { apiRoute } from "@/lib/http/api";
import { requestOutlierFlags } from "@/lib/services/outlier-flags";

/** POST: queue the cycle's outlier flags now (computed off the request path) → { queued }. */
export const POST = apiRoute<{ cycleId: string }>(({ viewer, params }) => requestOutlierFlags(viewer, params.cycleId));
