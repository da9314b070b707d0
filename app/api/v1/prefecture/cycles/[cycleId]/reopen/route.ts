import { apiRoute } from "@/lib/http/api";
import { reopenRespondent } from "@/lib/services/cycles";

/** POST { respondentId | code, until? }: lets one respondent edit after the deadline (no date: withdraws it). */
export const POST = apiRoute<{ cycleId: string }>(({ viewer, params, body }) =>
  reopenRespondent(viewer, params.cycleId, body),
);
