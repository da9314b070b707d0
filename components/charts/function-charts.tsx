import type { TClinicSummary } from "@/lib/aggregation";
import { functionModeBars, functionRateBars, referenceBars, yearOverYearBars } from "@/lib/summaries/bars";
import { type TNamedSummary } from "@/lib/summaries/types";
import { PercentBarChart } from "./bar-chart";
import { ChartFigure } from "./chart-figure";

// Domain-typed chart wrappers, rendered on the server: pages pass summaries, the series are worked
// out here (lib/summaries/bars.ts), and only the series cross to the client chart (PercentBarChart)
// — a prefecture page would otherwise ship every zone's whole summary to the browser.

const FUNCTION_COLORS = ["teal", "sky", "amber", "violet", "rose"];
const MODE_COLORS = ["teal", "sky", "indigo", "gray"];
const PAIR_COLORS = ["teal", "slate"];

/** Each function's 有り rate per group (zones or municipalities side by side). */
export function FunctionRateBars({ groups, caption }: Readonly<{ groups: TNamedSummary[]; caption: string }>) {
  const series = functionRateBars(groups);
  return (
    <ChartFigure caption={caption} note="（%、各群の n は報告数）" testId="chart-function-rates">
      <PercentBarChart series={series} colors={FUNCTION_COLORS} className="h-80" />
    </ChartFigure>
  );
}

/** The four 2号 functions, each a stacked bar per group: 自院 / 連携 / 自院及び連携 / 不明. */
export function FunctionModeBars({ groups }: Readonly<{ groups: TNamedSummary[] }>) {
  const charts = functionModeBars(groups);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      {charts.map((c) => (
        <ChartFigure
          key={c.key}
          caption={c.label}
          note="（有りの内訳、報告数に対する%）"
          testId={`chart-modes-${c.key}`}
        >
          <PercentBarChart
            series={c.series}
            colors={MODE_COLORS}
            stack
            layout="vertical"
            className="h-56"
            yAxisWidth={140}
          />
        </ChartFigure>
      ))}
    </div>
  );
}

/** A zone's function 有り rates beside its prefecture's. */
export function ReferenceBars({
  zone,
  reference,
}: Readonly<{
  zone: { name: string; summary: TClinicSummary };
  reference: { name: string; summary: TClinicSummary };
}>) {
  return (
    <ChartFigure
      caption={`${zone.name}と${reference.name}の機能の有無（有りの割合）`}
      note="（%）"
      testId="chart-reference"
    >
      <PercentBarChart series={referenceBars(zone, reference)} colors={PAIR_COLORS} className="h-72" />
    </ChartFigure>
  );
}

/** This year's function 有り rates beside last year's. */
export function YearOverYearBars({
  current,
  previous,
}: Readonly<{ current: TClinicSummary; previous: TClinicSummary }>) {
  const series = yearOverYearBars(current, previous);
  if (!series) return null;
  return (
    <ChartFigure caption="機能の有無（有りの割合）の前年度比較" note="（%）" testId="chart-yoy">
      <PercentBarChart series={series} colors={PAIR_COLORS} className="h-64" />
    </ChartFigure>
  );
}
