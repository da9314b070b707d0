import { apiRoute } from "@/lib/http/api";
import { createCycle } from "@/lib/services/cycles";

/** POST { versionId, fiscalYear, requestDate?, opensOn, closesOn, publishOn? } → { cycleId }. */
export const POST = apiRoute(({ viewer, body }) => createCycle(viewer, body));
