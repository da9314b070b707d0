import { apiRoute } from "@/lib/http/api";
import { saveCouncilIssue } from "@/lib/services/council-records";
import { deleteCouncilIssue } from "@/lib/services/council-deletions";

/** PUT: changes a 課題 of a record. */
export const PUT = apiRoute<{ recordId: string; issueId: string }>(async ({ viewer, params, body }) =>
  saveCouncilIssue(viewer, params.recordId, params.issueId, body),
);

/** DELETE: removes a 課題 added by mistake (作成中 records only); its measures stay, without a 課題. */
export const DELETE = apiRoute<{ recordId: string; issueId: string }>(async ({ viewer, params }) =>
  deleteCouncilIssue(viewer, params.recordId, params.issueId),
);
