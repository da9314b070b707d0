import { apiRoute } from "@/lib/http/api";
import { setDefaultScheme } from "@/lib/services/zones";

export const POST = apiRoute<{ schemeId: string }>(async ({ viewer, params }) => {
  await setDefaultScheme(viewer, params.schemeId);
  return { ok: true };
});
