import { apiRoute } from "@/lib/http/api";
import { getImportProgress } from "@/lib/data/import-jobs";

/** GET: the job's status and progress, polled by the progress bar. */
export const GET = apiRoute<{ jobId: string }>(({ viewer, params }) => getImportProgress(viewer, params.jobId));
