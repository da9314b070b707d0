import { apiRoute } from "@/lib/http/api";
import { reactivateAccount } from "@/lib/services/accounts";

export const POST = apiRoute<{ userId: string }>(async ({ viewer, params }) => {
  await reactivateAccount(viewer, params.userId);
  return { ok: true };
});
