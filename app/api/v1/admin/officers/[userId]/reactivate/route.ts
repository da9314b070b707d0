import { apiRoute } from "@/lib/http/api";
import { reactivateOfficer } from "@/lib/services/officer-accounts";

/** POST: makes a deactivated officer's account usable again. */
export const POST = apiRoute<{ userId: string }>(async ({ viewer, params }) => {
  await reactivateOfficer(viewer, params.userId);
  return { ok: true };
});
