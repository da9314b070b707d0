"use client";
import { BarChart } from "@tremor/react";
import type { CustomTooltipProps } from "@tremor/react";
import type { TBarRow, TBarSeries } from "@/lib/summaries/bars";

// The one Tremor primitive the dashboards draw with. Values are percentages (0–100); the tooltip
// shows each bar's share with its count and denominator, taken from the row's details.

const percentText = (value: number) => `${value.toFixed(1)}%`;
// Axis ticks are whole percentages; exact figures are in the tooltip and the table.
const tickText = (value: number) => `${Math.round(value)}%`;

function CountTooltip({ payload, active, label }: CustomTooltipProps) {
  if (!active || !payload || payload.length === 0) return null;
  const row = payload[0]?.payload as TBarRow | undefined;
  return (
    <div className="rounded-md border border-gray-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-medium text-gray-900">{String(label ?? "")}</p>
      <ul className="space-y-0.5">
        {payload.map((p) => {
          const key = String(p.dataKey ?? p.name ?? "");
          return (
            <li key={key} className="flex justify-between gap-4 text-gray-700">
              <span>{key}</span>
              <span className="tabular-nums">
                {row?.details[key] ?? (typeof p.value === "number" ? percentText(p.value) : "—")}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export type TBarChartProps = {
  series: TBarSeries;
  colors: string[];
  stack?: boolean;
  /** "vertical" draws horizontal bars (long labels read better). */
  layout?: "horizontal" | "vertical";
  className?: string;
  yAxisWidth?: number;
};

export function PercentBarChart({
  series,
  colors,
  stack = false,
  layout = "horizontal",
  className = "h-72",
  yAxisWidth,
}: Readonly<TBarChartProps>) {
  return (
    <BarChart
      className={className}
      data={series.data}
      index={series.index}
      categories={series.categories}
      colors={colors}
      stack={stack}
      layout={layout}
      valueFormatter={tickText}
      minValue={0}
      maxValue={100}
      yAxisWidth={yAxisWidth ?? (layout === "vertical" ? 150 : 56)}
      customTooltip={CountTooltip}
      showAnimation={false}
      allowDecimals={false}
      noDataText="データがありません"
    />
  );
}
