import { apiRoute } from "@/lib/http/api";
import { setCouncilZones } from "@/lib/services/council-hub-accounts";

/** PUT { zoneIds }: replaces a council member's zones (zones of the prefecture's own schemes only). */
export const PUT = apiRoute<{ userId: string }>(async ({ viewer, params, body }) =>
  setCouncilZones(viewer, params.userId, body),
);
