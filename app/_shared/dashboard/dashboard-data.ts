import "server-only";
import { notFound } from "next/navigation";
import type { TViewer } from "@/lib/auth/viewer-types";
import { listDashboardCycles, resolveSummaryFilter } from "@/lib/data/summary-scope";
import { getDashboardView } from "@/lib/data/summary-views";
import { isAppError } from "@/lib/errors";
import { CYCLE_STATUS_LABELS, cycleTitle } from "@/lib/domain/labels";
import { parseSummaryParams } from "@/lib/summaries/params";
import type { TDashboardScreenData } from "@/components/dashboard/dashboard-screen";
import type { TSearchParams } from "@/lib/search-params";

/**
 * What a prefecture/zone dashboard page needs, for any viewer allowed one (officer, council,
 * administrator with a cycle): the view from the URL, and the choices of the filter bar.
 * A zone, scheme or cycle the viewer may not see is a 404 page — the same as one that does not
 * exist, so another zone's existence is never revealed.
 */
export async function loadDashboardScreen(
  viewer: TViewer,
  searchParams: TSearchParams,
): Promise<TDashboardScreenData | null> {
  const params = parseSummaryParams(searchParams);
  const cycles = await listDashboardCycles(viewer);
  if (cycles.length === 0) return null;
  // The administrator's dashboard shows one prefecture's cycle; the national view is /admin.
  if (viewer.role === "admin" && !params.cycleId) notFound();
  const { view, scope } = await getDashboardView(viewer, params, { cycles }).catch(notFoundOutOfScope);
  return {
    view,
    cycles: cycles
      .filter((c) => c.prefectureCode === view.cycle.prefectureCode)
      .map((c) => ({ id: c.id, label: `${cycleTitle(c)}（${CYCLE_STATUS_LABELS[c.status]}）` })),
    schemes: scope.schemes.map((s) => ({ id: s.id, name: s.name })),
    zones: scope.schemes.flatMap((s) =>
      s.zones.map((z) => ({ id: z.id, name: z.name, schemeId: s.id, schemeName: s.name })),
    ),
  };
}

/** A cycle, scheme or zone the viewer may not see (or a malformed one) is a 404 page. */
function notFoundOutOfScope(error: unknown): never {
  if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN" || error.code === "INVALID_INPUT"))
    notFound();
  throw error;
}

export type TDashboardAccess = { kind: "ok" } | { kind: "none" } | { kind: "preparing"; message: string };

/**
 * The cheap part of a dashboard page, awaited before anything streams: "none" when there is no
 * cycle to show yet, "preparing" (with what it holds) for a cycle in 準備中, a 404 when the URL
 * names a cycle, scheme or zone out of the viewer's scope. A 404 must be decided here, outside the
 * Suspense boundary: once the shell has streamed, the HTTP status is already 200. (It resolves the
 * filter once more than the dashboard itself does.)
 */
export async function checkDashboardAccess(viewer: TViewer, searchParams: TSearchParams): Promise<TDashboardAccess> {
  const params = parseSummaryParams(searchParams);
  try {
    if ((await listDashboardCycles(viewer)).length === 0 && !params.cycleId) return { kind: "none" };
    await resolveSummaryFilter(viewer, params);
    return { kind: "ok" };
  } catch (error) {
    if (isAppError(error) && error.code === "CYCLE_PREPARING") return { kind: "preparing", message: error.message };
    return notFoundOutOfScope(error);
  }
}
