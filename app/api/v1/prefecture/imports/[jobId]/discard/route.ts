import { apiRoute } from "@/lib/http/api";
import { discardImportJob } from "@/lib/services/import-jobs";

/** POST: drops a preview that will not be applied. */
export const POST = apiRoute<{ jobId: string }>(async ({ viewer, params }) => {
  await discardImportJob(viewer, params.jobId);
  return { ok: true };
});
