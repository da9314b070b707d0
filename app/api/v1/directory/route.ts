import { apiRoute } from "@/lib/http/api";
import { searchDirectory } from "@/lib/data/directory";

/** GET /api/v1/directory?q=… — institutions by name or code, for the partner picker. */
export const GET = apiRoute(async ({ viewer, request }) => {
  const query = new URL(request.url).searchParams.get("q") ?? "";
  return { results: await searchDirectory(viewer, query.slice(0, 50)) };
});
