import { apiRoute } from "@/lib/http/api";
import { queueBulkMail } from "@/lib/services/cycle-mail";

/** POST { kind, zone?, municipality?, status? }: queues the bulk send (needs SMTP); answers { batchId, queued }. */
export const POST = apiRoute<{ cycleId: string }>(({ viewer, params, body }) =>
  queueBulkMail(viewer, params.cycleId, body),
);
