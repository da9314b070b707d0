import { apiRoute } from "@/lib/http/api";
import { saveCouncilMeasure } from "@/lib/services/council-records";

/** POST: adds a 対応策 to a record (its indicator's baseline is frozen now). */
export const POST = apiRoute<{ recordId: string }>(async ({ viewer, params, body }) =>
  saveCouncilMeasure(viewer, params.recordId, null, body),
);
