import { apiRoute } from "@/lib/http/api";
import { deactivateAccount } from "@/lib/services/accounts";

export const POST = apiRoute<{ userId: string }>(async ({ viewer, params }) => {
  await deactivateAccount(viewer, params.userId);
  return { ok: true };
});
