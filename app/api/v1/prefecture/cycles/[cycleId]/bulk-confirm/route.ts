import { apiRoute } from "@/lib/http/api";
import { bulkConfirm } from "@/lib/services/review";

/** POST { filter }: confirms every 提出済 report matching the list's filter → { confirmed, notSubmitted }. */
export const POST = apiRoute<{ cycleId: string }>(({ viewer, params, body }) =>
  bulkConfirm(viewer, params.cycleId, (body as { filter?: unknown } | undefined)?.filter ?? {}),
);
