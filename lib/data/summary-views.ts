import "server-only";
import type { TViewer } from "@/lib/auth/viewer-types";
import type { TSummaryParams } from "@/lib/summaries/params";
import type { TNationalDashboard, TPrefectureDashboard, TZoneDashboard } from "@/lib/summaries/types";
import { nationalTables, prefectureTables, zoneTables, type TSummaryTable } from "@/lib/summaries/tables";
import { getNationalDashboard, getPrefectureDashboard, getZoneDashboard } from "./summaries";
import { resolveSummaryScope, type TDashboardCycle, type TSummaryScope } from "./summary-scope";

export type TSummaryView = TPrefectureDashboard | TZoneDashboard | TNationalDashboard;

/**
 * The view a set of URL parameters asks for, as this viewer may see it: the national view for
 * the administrator without a cycle, a zone view when a zone is named (always for councils),
 * otherwise the prefecture view. Shared by the pages, GET /api/v1/summaries and the exports.
 */
export async function getSummaryView(viewer: TViewer, params: TSummaryParams): Promise<TSummaryView> {
  if (viewer.role === "admin" && !params.cycleId) {
    return getNationalDashboard(viewer, {
      fiscalYear: params.fiscalYear ?? undefined,
      kind: params.kind,
      confirmedOnly: params.confirmedOnly,
    });
  }
  return (await getDashboardView(viewer, params)).view;
}

/**
 * A prefecture or zone view with the cycles and schemes loaded to resolve it (the dashboard
 * pages show them in the filter bar without loading them again).
 */
export async function getDashboardView(
  viewer: TViewer,
  params: TSummaryParams,
  loaded: { cycles?: TDashboardCycle[] } = {},
): Promise<{ view: TPrefectureDashboard | TZoneDashboard; scope: TSummaryScope }> {
  const scope = await resolveSummaryScope(viewer, params, loaded);
  const view = scope.filter.zoneId
    ? await getZoneDashboard(viewer, scope.filter)
    : await getPrefectureDashboard(viewer, scope.filter);
  return { view, scope };
}

export function tablesOf(view: TSummaryView): TSummaryTable[] {
  switch (view.level) {
    case "prefecture":
      return prefectureTables(view);
    case "zone":
      return zoneTables(view);
    case "national":
      return nationalTables(view);
  }
}
