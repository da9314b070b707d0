import "server-only";
import type { TViewer } from "@/lib/auth/viewer-types";
import type { TSummaryParams } from "@/lib/summaries/params";
import type { TNationalDashboard, TPrefectureDashboard, TZoneDashboard } from "@/lib/summaries/types";
import { nationalTables, prefectureTables, zoneTables, type TSummaryTable } from "@/lib/summaries/tables";
import { getNationalDashboard, getPrefectureDashboard, getZoneDashboard, resolveSummaryFilter } from "./summaries";

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
  const filter = await resolveSummaryFilter(viewer, params);
  return filter.zoneId ? getZoneDashboard(viewer, filter) : getPrefectureDashboard(viewer, filter);
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
