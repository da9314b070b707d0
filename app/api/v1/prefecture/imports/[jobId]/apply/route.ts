import { after } from "next/server";
import { apiRoute } from "@/lib/http/api";
import { applyImportJob, runImportJob } from "@/lib/services/import-jobs";

/**
 * POST { deactivateMissing?, overwriteWeb? }: queues the job and answers at once (202); the job
 * runs after the response is sent, and the browser polls GET …/imports/[jobId] for progress.
 */
export const POST = apiRoute<{ jobId: string }>(async ({ viewer, params, body }) => {
  const result = await applyImportJob(viewer, params.jobId, body);
  if (result.status === "QUEUED") after(() => runImportJob(params.jobId));
  return Response.json(result, { status: 202 });
});
