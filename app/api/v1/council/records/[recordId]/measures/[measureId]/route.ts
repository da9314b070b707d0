import { apiRoute } from "@/lib/http/api";
import { saveCouncilMeasure } from "@/lib/services/council-records";
import { deleteCouncilMeasure } from "@/lib/services/council-deletions";

/** PUT: changes a 対応策 (status and notes through the year; a new indicator re-freezes the baseline). */
export const PUT = apiRoute<{ recordId: string; measureId: string }>(async ({ viewer, params, body }) =>
  saveCouncilMeasure(viewer, params.recordId, params.measureId, body),
);

/** DELETE: removes a 対応策 added by mistake (作成中 records only). */
export const DELETE = apiRoute<{ recordId: string; measureId: string }>(async ({ viewer, params }) =>
  deleteCouncilMeasure(viewer, params.recordId, params.measureId),
);
