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
    <div>
      <SeriesLegend categories={series.categories} colors={colors} />
      {/* Hidden from screen readers, which read the figures in the table beside the chart. */}
      <div aria-hidden="true">
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
          // Tremor's legend is a focusable scroller: inside the hidden drawing it would be a tab
          // stop nobody can hear (axe aria-hidden-focus). SeriesLegend above replaces it.
          showLegend={false}
        />
      </div>
    </div>
  );
}

/**
 * The chart's colour key as plain text outside the hidden drawing: each series name with the
 * swatch of its bars (Tremor fills bars with the 500 shade of the named colour).
 */
function SeriesLegend({ categories, colors }: Readonly<{ categories: string[]; colors: string[] }>) {
  return (
    <ul aria-label="凡例" className="mb-2 flex flex-wrap justify-end gap-x-4 gap-y-1 text-xs text-gray-700">
      {categories.map((category, i) => (
        <li key={category} className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={`inline-block h-2.5 w-2.5 rounded-full bg-${colors[i % colors.length]}-500`}
          />
          {category}
        </li>
      ))}
    </ul>
  );
}
