import { apiRoute } from "@/lib/http/api";
import { startCouncilRecord } from "@/lib/services/council-records";

/** POST { zoneId, fiscalYear }: starts (or returns) a zone's council record of a 年度. */
export const POST = apiRoute(async ({ viewer, body }) => {
  const input = (body ?? {}) as { zoneId?: unknown; fiscalYear?: unknown };
  return startCouncilRecord(viewer, String(input.zoneId ?? ""), input.fiscalYear);
});
