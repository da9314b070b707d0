// 2. 現状把握: submissions, 1号/2号 beside last year and the prefecture, the other zones, how 2号 is
// secured, per 10,000 older people, the tagged items and the municipalities.
import { MODE_KEYS, MODE_LABELS, type TFunctionSummary } from "@/lib/aggregation";
import { formatInteger } from "@/lib/format";
import {
  countOfText,
  countWithRateText,
  differenceText,
  per10kText,
  rateText,
  readingText,
  shareOf,
} from "@/lib/summaries/texts";
import type { TBarSeries } from "../../components/bar-chart";
import type { TBlock, TRow } from "../../layout/blocks";
import { COLORS } from "../../theme";
import { note, para } from "../common";
import { barChartBlock, groupFunctionChart, statusTable, type TGroupRow } from "./groups";
import { judgementCell } from "./outline";
import { functionOf, type TZoneSectionInput } from "./zone-input";

function functionSeries(input: TZoneSectionInput): TBarSeries[] {
  const { zoneName, zoneSummary, previousSummary, prefectureSummary, prefectureName } = input;
  const series: TBarSeries[] = [
    {
      key: "zone",
      label: `${zoneName} 今年度（n=${formatInteger(zoneSummary.n)}）`,
      color: COLORS.series[0],
      values: zoneSummary.functions.map((f) => shareOf(f.has)),
    },
  ];
  if (previousSummary)
    series.push({
      key: "prev",
      label: `${zoneName} 前年度（n=${formatInteger(previousSummary.n)}）`,
      color: COLORS.series[1],
      values: zoneSummary.functions.map((f) => shareOf(functionOf(previousSummary, f.key)?.has)),
    });
  series.push({
    key: "pref",
    label: `${prefectureName}全体（n=${formatInteger(prefectureSummary.n)}）`,
    color: COLORS.series[2],
    values: zoneSummary.functions.map((f) => shareOf(functionOf(prefectureSummary, f.key)?.has)),
  });
  return series;
}

function functionRow(input: TZoneSectionInput, fn: TFunctionSummary): TRow {
  const comparison = input.comparisonByKey.get(`${fn.key}.has`);
  const change = input.changeByKey.get(`${fn.key}.has`);
  return {
    cells: [
      fn.label,
      countOfText(fn.has),
      rateText(fn.has),
      fn.isPrimary ? "—" : rateText(fn.hasOverPrimary),
      input.previousSummary ? rateText(functionOf(input.previousSummary, fn.key)?.has) : "—",
      change ? differenceText(change.delta, "share") : "—",
      rateText(functionOf(input.prefectureSummary, fn.key)?.has),
      comparison
        ? {
            text: differenceText(comparison.difference, "share"),
            color: comparison.below ? COLORS.bad : COLORS.text,
            bold: comparison.below,
          }
        : "—",
    ],
  };
}

function functionShareBlocks(input: TZoneSectionInput): TBlock[] {
  const categories = input.zoneSummary.functions.map((f) => f.shortLabel);
  const series = functionSeries(input);
  return [
    { kind: "heading", level: 2, text: "2-2 1号・2号機能が「有り」の医療機関の割合（圏域・前年度・県全体）" },
    barChartBlock(190, { categories, series, unit: "share", measurer: input.measurer }),
    {
      kind: "table",
      table: {
        columns: [
          { header: "機能", width: 120 },
          { header: "有り（件／報告数）", width: 70, align: "right" },
          { header: "割合", width: 44, align: "right" },
          { header: "1号有りのうち", width: 52, align: "right" },
          { header: "前年度", width: 44, align: "right" },
          { header: "前年度との差", width: 52, align: "right" },
          { header: `${input.prefectureName}全体`, width: 48, align: "right" },
          { header: "県との差", width: 48, align: "right" },
        ],
        rows: input.zoneSummary.functions.map((f) => functionRow(input, f)),
      },
    },
    note(
      "割合は集計対象の報告数に対する「有り」の割合です。2号機能は1号機能が「有り」の医療機関だけが報告するため、「1号有りのうち」の割合も示します。赤字は県全体を下回り、課題の候補になった指標です（6章）。",
    ),
  ];
}

function otherZoneBlocks(input: TZoneSectionInput): TBlock[] {
  const { dashboard, zoneName, zoneSummary, prefectureName } = input;
  const heading: TBlock = { kind: "heading", level: 2, text: "2-3 他の圏域との比較" };
  if (!dashboard.otherZones)
    return [
      heading,
      para(
        "この資料は協議の場の委員の閲覧範囲で作成しているため、他の圏域の数値は含みません。県全体との比較（2-2、6章）をご覧ください。他の圏域と並べた資料は都道府県の担当者が作成できます。",
      ),
    ];
  const groups: TGroupRow[] = [
    { name: zoneName, summary: zoneSummary },
    ...dashboard.otherZones,
    { name: `${prefectureName}全体`, summary: input.prefectureSummary },
  ];
  return [
    heading,
    groupFunctionChart(groups, zoneSummary.functions, {
      height: 200,
      highlight: 0,
      maxValueLabels: 40,
      measurer: input.measurer,
    }),
    {
      kind: "table",
      table: {
        columns: [
          { header: "圏域", width: 100 },
          { header: "報告数", width: 46, align: "right" },
          ...zoneSummary.functions.map((f) => ({ header: f.shortLabel, width: 56, align: "right" as const })),
        ],
        rows: groups.map((group, i) => ({
          bold: i === 0,
          fill: i === groups.length - 1 ? COLORS.zebra : undefined,
          cells: [
            group.name,
            formatInteger(group.summary.n),
            ...zoneSummary.functions.map((f) => rateText(functionOf(group.summary, f.key)?.has)),
          ],
        })),
      },
    },
  ];
}

function modeBlocks(input: TZoneSectionInput): TBlock[] {
  const secondary = input.zoneSummary.functions.filter((f) => !f.isPrimary);
  return [
    { kind: "heading", level: 2, text: "2-4 2号機能の確保の方法（自院／連携）" },
    {
      kind: "table",
      table: {
        columns: [
          { header: "機能", width: 130 },
          { header: "有り", width: 44, align: "right" },
          ...MODE_KEYS.map((m) => ({ header: MODE_LABELS[m], width: 56, align: "right" as const })),
          { header: "意向有り", width: 48, align: "right" },
        ],
        rows: secondary.map((f) => ({
          cells: [
            f.label,
            formatInteger(f.has.count),
            ...MODE_KEYS.map((m) => (f.reportsMode ? formatInteger(f.modes[m].overN.count) : "—")),
            formatInteger(f.intent.count),
          ],
        })),
      },
    },
    note(
      "件数です。「連携」は他の医療機関等との連携により確保していること、「不明」は確保の方法の回答がないことを表します。「—」は報告項目に確保の方法がない機能です。",
    ),
  ];
}

function per10kBlocks(input: TZoneSectionInput): TBlock[] {
  const { zoneName, prefectureName } = input;
  return [
    { kind: "heading", level: 2, text: "2-5 高齢者人口当たりの医療機関数（65歳以上・75歳以上 1万人当たり）" },
    {
      kind: "table",
      table: {
        columns: [
          { header: "機能", width: 150 },
          { header: `${zoneName} 65歳以上`, width: 64, align: "right" },
          { header: `${prefectureName} 65歳以上`, width: 64, align: "right" },
          { header: `${zoneName} 75歳以上`, width: 64, align: "right" },
          { header: `${prefectureName} 75歳以上`, width: 64, align: "right" },
        ],
        rows: input.zoneSummary.functions.map((f) => {
          const reference = functionOf(input.prefectureSummary, f.key);
          return {
            cells: [
              f.label,
              per10kText(f.per10k65),
              per10kText(reference?.per10k65),
              per10kText(f.per10k75),
              per10kText(reference?.per10k75),
            ],
          };
        }),
      },
    },
  ];
}

function itemBlocks(input: TZoneSectionInput): TBlock[] {
  const items = input.dashboard.comparison.filter((c) => c.group === "items");
  return [
    { kind: "heading", level: 2, text: "2-6 個別の取組（時間外・入退院・在宅・介護連携の主な項目）" },
    {
      kind: "table",
      table: {
        columns: [
          { header: "指標", width: 150 },
          { header: "件／回答数", width: 60, align: "right" },
          { header: input.zoneName, width: 48, align: "right" },
          { header: "前年度", width: 48, align: "right" },
          { header: `${input.prefectureName}全体`, width: 52, align: "right" },
          { header: "県との差", width: 48, align: "right" },
          { header: "判定", width: 62 },
        ],
        rows: items.map((c) => ({
          cells: [
            c.label,
            c.value.unit === "share" ? `${formatInteger(c.value.count)}/${formatInteger(c.value.n)}` : "—",
            readingText(c.value),
            readingText(input.changeByKey.get(c.key)?.previous),
            readingText(c.reference),
            differenceText(c.difference, c.unit),
            judgementCell(c),
          ],
        })),
      },
    },
  ];
}

function municipalityBlocks(input: TZoneSectionInput): TBlock[] {
  const { zoneSummary } = input;
  return [
    { kind: "heading", level: 2, text: "2-7 市区町村別の1号・2号機能" },
    {
      kind: "table",
      table: {
        columns: [
          { header: "市区町村", width: 90 },
          { header: "報告数", width: 44, align: "right" },
          ...zoneSummary.functions.map((f) => ({ header: `${f.shortLabel} 有り`, width: 64, align: "right" as const })),
        ],
        rows: [
          ...input.dashboard.municipalities.map((m) => ({
            cells: [
              m.name,
              formatInteger(m.summary.n),
              ...zoneSummary.functions.map((f) => countWithRateText(functionOf(m.summary, f.key)?.has)),
            ],
          })),
          {
            bold: true,
            fill: COLORS.zebra,
            cells: [
              `${input.zoneName} 計`,
              formatInteger(zoneSummary.n),
              ...zoneSummary.functions.map((f) => countWithRateText(f.has)),
            ],
          },
        ],
      },
    },
    note("件数（集計対象の報告数に対する割合）。報告数の少ない市区町村では、1件の違いで割合が大きく変わります。"),
  ];
}

export function zoneCurrentSection(input: TZoneSectionInput): TBlock[] {
  const { zoneName, zoneSummary, previousSummary } = input;
  const groups: TGroupRow[] = [
    { name: zoneName, summary: zoneSummary, style: { bold: true } },
    ...(previousSummary ? [{ name: `${zoneName}（前年度）`, summary: previousSummary }] : []),
    { name: `${input.prefectureName}全体`, summary: input.prefectureSummary },
  ];
  return [
    statusTable(groups, { caption: "2-1 報告の提出状況", groupHeader: "", groupWidth: 90, targetWidth: 44 }),
    ...functionShareBlocks(input),
    ...otherZoneBlocks(input),
    ...modeBlocks(input),
    ...per10kBlocks(input),
    ...itemBlocks(input),
    ...municipalityBlocks(input),
  ];
}
