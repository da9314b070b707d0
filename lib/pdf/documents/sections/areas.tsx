// 3. 一次診療の17領域: the share of institutions offering primary care per area — for a zone beside
// last year and its prefecture (council packet), or zones across (prefecture summary).
import { formatInteger } from "@/lib/format";
import { differenceText, rateText, shareOf } from "@/lib/summaries/texts";
import type { TBarSeries } from "../../components/bar-chart";
import type { TBlock } from "../../layout/blocks";
import { COLORS } from "../../theme";
import { note, para } from "../common";
import { barChartBlock, type TGroupRow } from "./groups";
import { judgementCell } from "./outline";
import type { TZoneSectionInput } from "./zone-input";

function areaSeries(input: TZoneSectionInput): TBarSeries[] {
  const { zoneSummary, previousSummary, prefectureSummary } = input;
  const areas = zoneSummary.areas.areas;
  const series: TBarSeries[] = [
    {
      key: "zone",
      label: `${input.zoneName}（回答 ${formatInteger(zoneSummary.areas.asked)}件）`,
      color: COLORS.series[0],
      values: areas.map((a) => shareOf(a.offered)),
    },
  ];
  if (previousSummary)
    series.push({
      key: "prev",
      label: `前年度（回答 ${formatInteger(previousSummary.areas.asked)}件）`,
      color: COLORS.series[1],
      values: areas.map((a) => shareOf(previousSummary.areas.areas.find((x) => x.code === a.code)?.offered)),
    });
  series.push({
    key: "pref",
    label: `${input.prefectureName}全体（回答 ${formatInteger(prefectureSummary.areas.asked)}件）`,
    color: COLORS.series[2],
    values: areas.map((a) => shareOf(prefectureSummary.areas.areas.find((x) => x.code === a.code)?.offered)),
  });
  return series;
}

export function zoneAreasSection(input: TZoneSectionInput): TBlock[] {
  const { zoneSummary, previousSummary, prefectureSummary } = input;
  const areas = zoneSummary.areas.areas;
  const series = areaSeries(input);
  return [
    para(
      "1号機能の報告事項のうち、17の診療領域ごとに一次診療に対応できる医療機関の割合です。住民がよくかかる領域で地域に対応できる医療機関があるかを確かめます。",
    ),
    barChartBlock(330, {
      categories: areas.map((a) => a.label),
      series,
      unit: "share",
      orientation: "horizontal",
      measurer: input.measurer,
    }),
    {
      kind: "table",
      table: {
        columns: [
          { header: "領域", width: 130 },
          { header: "対応できる（件）", width: 60, align: "right" },
          { header: input.zoneName, width: 50, align: "right" },
          { header: "前年度", width: 50, align: "right" },
          { header: `${input.prefectureName}全体`, width: 56, align: "right" },
          { header: "県との差", width: 50, align: "right" },
          { header: "判定", width: 64 },
        ],
        rows: areas.map((a) => {
          const comparison = input.comparisonByKey.get(`area.${a.code}`);
          return {
            cells: [
              a.label,
              formatInteger(a.offered.count),
              rateText(a.offered),
              previousSummary ? rateText(previousSummary.areas.areas.find((x) => x.code === a.code)?.offered) : "—",
              rateText(prefectureSummary.areas.areas.find((x) => x.code === a.code)?.offered),
              comparison ? differenceText(comparison.difference, "share") : "—",
              judgementCell(comparison),
            ],
          };
        }),
      },
    },
    note(
      `回答 ${formatInteger(zoneSummary.areas.asked)}件のうち、いずれかの領域に対応できる医療機関 ${rateText(zoneSummary.areas.anyOffered)}、「該当無し」${rateText(zoneSummary.areas.noneSelected)}。`,
    ),
  ];
}

/** Zones across, the areas down; `chunks` are the zone columns per table (the total in each). */
export function zonesAreasTables(chunks: readonly (readonly TGroupRow[])[], reference: TGroupRow): TBlock[] {
  return chunks.map((chunk, index) => ({
    kind: "table",
    table: {
      caption:
        chunks.length > 1 ? `対応できる医療機関の割合（${index + 1}/${chunks.length}）` : "対応できる医療機関の割合",
      zebra: true,
      columns: [
        { header: "領域", width: 120 },
        ...chunk.map((g) => ({ header: g.name, width: 56, align: "right" as const })),
      ],
      rows: [
        { bold: true, cells: ["回答数", ...chunk.map((g) => formatInteger(g.summary.areas.asked))] },
        ...reference.summary.areas.areas.map((a) => ({
          cells: [
            a.label,
            ...chunk.map((g) => rateText(g.summary.areas.areas.find((x) => x.code === a.code)?.offered)),
          ],
        })),
      ],
    },
  }));
}
