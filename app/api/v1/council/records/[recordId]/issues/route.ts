import { apiRoute } from "@/lib/http/api";
import { saveCouncilIssue } from "@/lib/services/council-records";

/** POST: adds a 課題 (with its indicators and causes) to a record. */
export const POST = apiRoute<{ recordId: string }>(async ({ viewer, params, body }) =>
  saveCouncilIssue(viewer, params.recordId, null, body),
);
