import { apiRoute } from "@/lib/http/api";
import { assertRole } from "@/lib/auth/viewer-guards";
import { resetSecondFactor } from "@/lib/services/two-factor";

/** POST: resets the second factor of a respondent or council account the prefecture manages. */
export const POST = apiRoute<{ userId: string }>(async ({ viewer, params }) => {
  assertRole(viewer, "prefecture");
  await resetSecondFactor(viewer, params.userId);
  return { ok: true };
});
