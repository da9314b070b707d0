import { apiRoute } from "@/lib/http/api";
import { assertRole } from "@/lib/auth/viewer-guards";
import { resetSecondFactor } from "@/lib/services/two-factor";

/** POST: the national administrator resets a prefecture officer's second factor. */
export const POST = apiRoute<{ userId: string }>(async ({ viewer, params }) => {
  assertRole(viewer, "admin");
  await resetSecondFactor(viewer, params.userId);
  return { ok: true };
});
