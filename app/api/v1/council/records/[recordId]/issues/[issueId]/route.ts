import { apiRoute } from "@/lib/http/api";
import { saveCouncilIssue } from "@/lib/services/council-records";

/** PUT: changes a 課題 of a record. */
export const PUT = apiRoute<{ recordId: string; issueId: string }>(async ({ viewer, params, body }) =>
  saveCouncilIssue(viewer, params.recordId, params.issueId, body),
);
