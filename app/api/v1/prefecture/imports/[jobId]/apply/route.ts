import { apiRoute } from "@/lib/http/api";
import { applyImportJob } from "@/lib/services/import-jobs";

/**
 * POST { deactivateMissing?, overwriteWeb? }: queues the job on the durable queue and answers at once (202);
 * an app instance runs it, and the browser polls GET …/imports/[jobId] for progress.
 */
export const POST = apiRoute<{ jobId: string }>(async ({ viewer, params, body }) => {
  const result = await applyImportJob(viewer, params.jobId, body);
  return Response.json(result, { status: 202 });
});
