import { apiRoute } from "@/lib/http/api";
import { saveCouncilMeasure } from "@/lib/services/council-records";

/** PUT: changes a 対応策 (status and notes through the year; a new indicator re-freezes the baseline). */
export const PUT = apiRoute<{ recordId: string; measureId: string }>(async ({ viewer, params, body }) =>
  saveCouncilMeasure(viewer, params.recordId, params.measureId, body),
);
