import { apiRoute } from "@/lib/http/api";
import { previewBulkMail } from "@/lib/services/cycle-mail";

/** POST { kind: ANNOUNCEMENT|REMINDER, zone?, municipality?, status? }: who a bulk send would reach, and a rendered sample. */
export const POST = apiRoute<{ cycleId: string }>(({ viewer, params, body }) =>
  previewBulkMail(viewer, params.cycleId, body),
);
