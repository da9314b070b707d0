import { apiRoute } from "@/lib/http/api";
import { getSummaryView } from "@/lib/data/summary-views";
import { parseSummaryParams } from "@/lib/summaries/params";

/**
 * GET /api/v1/summaries?cycle=…&scheme=…&zone=…&kind=all|hospital|clinic&confirmed=1
 * The dashboard's figures as JSON (counts and denominators), scoped by the signed-in viewer.
 */
export const GET = apiRoute(async ({ viewer, request }) =>
  getSummaryView(viewer, parseSummaryParams(new URL(request.url).searchParams)),
);
