import { apiRoute } from "@/lib/http/api";
import { holdInstitution } from "@/lib/services/publication";

/** POST { institutionId, reason }: 公表保留 of one institution (off the public side at once). */
export const POST = apiRoute<{ cycleId: string }>(async ({ viewer, params, body }) => {
  await holdInstitution(viewer, params.cycleId, body);
  return { ok: true };
});
