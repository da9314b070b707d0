import { apiRoute } from "@/lib/http/api";
import { getDocumentJobProgress } from "@/lib/data/document-jobs";

/** GET: the batch's status and progress (documents done of total), polled by the progress bar. */
export const GET = apiRoute<{ jobId: string }>(({ viewer, params }) => getDocumentJobProgress(viewer, params.jobId));
