// What the council packet's sections are drawn from: the zone dashboard bundle (exactly what the
// screen shows) with the names and lookups every section needs, worked out once.
import type { TClinicSummary, TFunctionSummary, TIndicatorChange, TIndicatorComparison } from "@/lib/aggregation";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import type { TZoneDashboard } from "@/lib/summaries/types";
import type { TextMeasurer } from "../../layout/measure";

export type TZoneSectionInput = {
  dashboard: TZoneDashboard;
  zoneName: string;
  prefectureName: string;
  /** 令和7年度 */
  year: string;
  zoneSummary: TClinicSummary;
  prefectureSummary: TClinicSummary;
  /** The zone last year; null without a previous cycle. */
  previousSummary: TClinicSummary | null;
  comparisonByKey: Map<string, TIndicatorComparison>;
  changeByKey: Map<string, TIndicatorChange>;
  measurer: TextMeasurer;
};

export function zoneSectionInput(dashboard: TZoneDashboard, measurer: TextMeasurer): TZoneSectionInput {
  return {
    dashboard,
    zoneName: dashboard.zone.name,
    prefectureName: dashboard.cycle.prefectureName,
    year: fiscalYearLabel(dashboard.cycle.fiscalYear),
    zoneSummary: dashboard.zone.summary,
    prefectureSummary: dashboard.prefecture,
    previousSummary: dashboard.zone.previous,
    comparisonByKey: new Map(dashboard.comparison.map((c) => [c.key, c])),
    changeByKey: new Map((dashboard.zone.change?.indicators ?? []).map((c) => [c.key, c])),
    measurer,
  };
}

export const functionOf = (summary: TClinicSummary | null | undefined, key: string): TFunctionSummary | undefined =>
  summary?.functions.find((f) => f.key === key);

/** Hospitals and clinics on the roster, in one municipality or (null) the whole zone. */
export function institutionsByKind(dashboard: TZoneDashboard, municipality: string | null) {
  const rows = dashboard.institutions.filter((r) => municipality === null || r.municipality === municipality);
  return {
    hospitals: rows.filter((r) => r.kind === "HOSPITAL").length,
    clinics: rows.filter((r) => r.kind === "CLINIC").length,
  };
}
