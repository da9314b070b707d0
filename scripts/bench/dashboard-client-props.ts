// The props the dashboard page hands to its client components ("use client": the Tremor bar
// charts and the institution list), mirrored from components/dashboard/*-view.tsx and
// components/charts/function-charts.tsx for scripts/bench/dashboard-payload.ts: these are
// serialised into the page's RSC payload on top of its HTML.
import type { TSummaryView } from "@/lib/data/summary-views";
import { functionModeBars, functionRateBars, referenceBars, yearOverYearBars } from "@/lib/summaries/bars";
import { institutionListItems } from "@/lib/summaries/institutions";
import type { TNamedSummary } from "@/lib/summaries/types";

export function dashboardClientProps(view: TSummaryView): unknown {
  if (view.level === "national") return null;
  if (view.level === "prefecture") {
    const groups: TNamedSummary[] = [
      ...view.zones.map((z) => ({ key: z.id, name: z.name, summary: z.summary })),
      { key: "prefecture", name: "全体", summary: view.prefecture.summary },
    ];
    return {
      functionRateBars: functionRateBars(groups),
      functionModeBars: functionModeBars(groups).map((chart) => chart.series),
      yearOverYearBars: yearOverYearBars(view.prefecture.summary, view.prefecture.previous),
    };
  }
  const others = view.otherZones
    ? [view.zone, ...view.otherZones, { name: "全体", summary: view.prefecture }].map((z) => ({
        key: z.name,
        name: z.name,
        summary: z.summary,
      }))
    : null;
  const functions = view.zone.summary.functions.map((f) => ({ key: f.key, shortLabel: f.shortLabel }));
  return {
    referenceBars: referenceBars(view.zone, { name: "全体", summary: view.prefecture }),
    functionRateBars: others && functionRateBars(others),
    institutionList: { rows: institutionListItems(view.institutions, functions), functions },
    yearOverYearBars: yearOverYearBars(view.zone.summary, view.zone.previous),
  };
}
