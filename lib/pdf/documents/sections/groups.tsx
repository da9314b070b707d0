// Blocks that put groups side by side (zones, the zone beside last year and its prefecture),
// shared by the council packet and the prefecture summary.
import {
  RESPONSE_STATUSES,
  RESPONSE_STATUS_LABELS,
  type TClinicSummary,
  type TFunctionSummary,
} from "@/lib/aggregation";
import { formatInteger, formatRate } from "@/lib/format";
import { shareOf } from "@/lib/summaries/texts";
import { BarChart, type TBarChartProps } from "../../components/bar-chart";
import type { TBlock, TRow } from "../../layout/blocks";
import type { TextMeasurer } from "../../layout/measure";
import { COLORS } from "../../theme";

/** A group in a side-by-side table; `style` marks the total or the group the document is about. */
export type TGroupRow = { name: string; summary: TClinicSummary; style?: Omit<TRow, "cells"> };

/** Submission status per group: 対象, each status, 提出率 and the reports counted. */
export function statusTable(
  groups: readonly TGroupRow[],
  options: { caption?: string; groupHeader: string; groupWidth: number; targetWidth: number; zebra?: boolean },
): TBlock {
  return {
    kind: "table",
    table: {
      caption: options.caption,
      zebra: options.zebra,
      columns: [
        { header: options.groupHeader, width: options.groupWidth },
        { header: "対象", width: options.targetWidth, align: "right" },
        ...RESPONSE_STATUSES.map((s) => ({ header: RESPONSE_STATUS_LABELS[s], width: 44, align: "right" as const })),
        { header: "提出率", width: 48, align: "right" },
        { header: "集計対象", width: 50, align: "right" },
      ],
      rows: groups.map((group): TRow => ({
        ...group.style,
        cells: [
          group.name,
          formatInteger(group.summary.status.respondents),
          ...RESPONSE_STATUSES.map((s) => formatInteger(group.summary.status.byStatus[s])),
          formatRate(group.summary.status.withRevision, group.summary.status.respondents),
          formatInteger(group.summary.n),
        ],
      })),
    },
  };
}

/** Every function's 有り share per group, one bar colour per function, the highlighted group first or last. */
export function groupFunctionChart(
  groups: readonly TGroupRow[],
  functions: readonly TFunctionSummary[],
  options: { height: number; highlight: number; maxValueLabels: number; measurer: TextMeasurer },
): TBlock {
  return barChartBlock(options.height, {
    categories: groups.map((g) => `${g.name}\nn=${formatInteger(g.summary.n)}`),
    series: functions.map((f, i) => ({
      key: f.key,
      label: f.shortLabel,
      color: COLORS.series[[0, 4, 2, 5, 3][i % 5]!]!,
      values: groups.map((g) => shareOf(g.summary.functions.find((x) => x.key === f.key)?.has)),
    })),
    unit: "share",
    measurer: options.measurer,
    highlight: options.highlight,
    valueLabels: groups.length * functions.length <= options.maxValueLabels,
  });
}

/** A bar chart as a block of the given height, drawn across the page's width. */
export function barChartBlock(height: number, chart: Omit<TBarChartProps, "width" | "height">): TBlock {
  return { kind: "chart", height, render: (width, h) => <BarChart width={width} height={h} {...chart} /> };
}
