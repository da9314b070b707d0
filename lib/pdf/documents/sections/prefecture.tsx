// The prefecture summary's own sections: zones side by side for 1号/2号, how 2号 is secured, the
// tagged items, and the prefecture's change from last year.
import {
  CLINIC_INDICATORS,
  MODE_KEYS,
  MODE_LABELS,
  readIndicator,
  type TFunctionSummary,
  type TIndicatorChange,
  type TSummaryChange,
} from "@/lib/aggregation";
import { formatInteger } from "@/lib/format";
import { countWithRateText, differenceText, per10kText, readingText } from "@/lib/summaries/texts";
import type { TBlock, TRow } from "../../layout/blocks";
import type { TextMeasurer } from "../../layout/measure";
import { COLORS } from "../../theme";
import { para } from "../common";
import { groupFunctionChart, type TGroupRow } from "./groups";

/** A zone's value per function, or "—" when the zone's summary lacks the function. */
const perFunction = (group: TGroupRow, functions: readonly TFunctionSummary[], text: (f: TFunctionSummary) => string) =>
  functions.map((f) => {
    const mine = group.summary.functions.find((x) => x.key === f.key);
    return mine ? text(mine) : "—";
  });

export function zonesFunctionsSection(
  groups: readonly TGroupRow[],
  functions: readonly TFunctionSummary[],
  measurer: TextMeasurer,
): TBlock[] {
  return [
    groupFunctionChart(groups, functions, { height: 230, highlight: groups.length - 1, maxValueLabels: 45, measurer }),
    {
      kind: "table",
      table: {
        caption: "「有り」の件数と割合（集計対象の報告数に対する割合）",
        zebra: true,
        size: 7,
        columns: [
          { header: "圏域", width: 96 },
          { header: "報告数", width: 44, align: "right" },
          { header: "65歳以上人口", width: 62, align: "right" },
          ...functions.map((f) => ({ header: `${f.shortLabel} 有り`, width: 66, align: "right" as const })),
        ],
        rows: groups.map((group) => ({
          ...group.style,
          cells: [
            group.name,
            formatInteger(group.summary.n),
            formatInteger(group.summary.population.age65),
            ...perFunction(group, functions, (f) => countWithRateText(f.has)),
          ],
        })),
      },
    },
    {
      kind: "table",
      table: {
        caption: "65歳以上人口1万人当たりの「有り」の医療機関数",
        zebra: true,
        columns: [
          { header: "圏域", width: 96 },
          ...functions.map((f) => ({ header: f.shortLabel, width: 60, align: "right" as const })),
        ],
        rows: groups.map((group) => ({
          ...group.style,
          cells: [group.name, ...perFunction(group, functions, (f) => per10kText(f.per10k65))],
        })),
      },
    },
  ];
}

/** Per 2号 function that reports how it is secured: one table of zones × 自院／連携／… */
export function zonesModesSection(groups: readonly TGroupRow[], functions: readonly TFunctionSummary[]): TBlock[] {
  return functions
    .filter((f) => !f.isPrimary && f.reportsMode)
    .map((fn) => ({
      kind: "table",
      table: {
        caption: fn.label,
        zebra: true,
        columns: [
          { header: "圏域", width: 96 },
          { header: "報告数", width: 44, align: "right" },
          { header: "有り", width: 44, align: "right" },
          ...MODE_KEYS.map((m) => ({ header: MODE_LABELS[m], width: 54, align: "right" as const })),
          { header: "意向有り", width: 48, align: "right" },
        ],
        rows: groups.map((group) => {
          const mine = group.summary.functions.find((y) => y.key === fn.key);
          return {
            ...group.style,
            cells: [
              group.name,
              formatInteger(group.summary.n),
              formatInteger(mine?.has.count),
              ...MODE_KEYS.map((m) => formatInteger(mine?.modes[m].overN.count)),
              formatInteger(mine?.intent.count),
            ],
          };
        }),
      },
    }));
}

/** The tagged items, zones across (chunks of zone columns, the total in each). */
export function zonesItemsSection(chunks: readonly (readonly TGroupRow[])[]): TBlock[] {
  const items = CLINIC_INDICATORS.filter((i) => i.group === "items");
  return chunks.map((chunk, index) => ({
    kind: "table",
    table: {
      caption:
        chunks.length > 1
          ? `実施している医療機関の割合（${index + 1}/${chunks.length}）`
          : "実施している医療機関の割合",
      zebra: true,
      columns: [
        { header: "指標", width: 150 },
        ...chunk.map((g) => ({ header: g.name, width: 56, align: "right" as const })),
      ],
      rows: items.map((indicator) => ({
        cells: [indicator.label, ...chunk.map((g) => readingText(readIndicator(g.summary, indicator)))],
      })),
    },
  }));
}

/** Red when the change goes the wrong way (a real change, of an indicator with a direction). */
const worsened = (change: TIndicatorChange) =>
  change.delta !== null &&
  change.higherIsBetter !== null &&
  change.delta < 0 === change.higherIsBetter &&
  change.delta !== 0;

export function changeSection(change: TSummaryChange | null): TBlock[] {
  if (!change) return [para("前年度の報告サイクルがないため、前年度との比較はありません。")];
  return [
    para(
      `前年度 ${formatInteger(change.n.previous)}件、今年度 ${formatInteger(change.n.current)}件の報告の比較です。前年度と調査票の版が異なり、前年度に尋ねていない項目は「—」です。`,
    ),
    {
      kind: "table",
      table: {
        zebra: true,
        columns: [
          { header: "指標", width: 240 },
          { header: "今年度", width: 60, align: "right" },
          { header: "前年度", width: 60, align: "right" },
          { header: "差", width: 60, align: "right" },
        ],
        rows: change.indicators.map((indicator): TRow => ({
          cells: [
            indicator.label,
            readingText(indicator.current),
            readingText(indicator.previous),
            {
              text: differenceText(indicator.delta, indicator.unit),
              color: worsened(indicator) ? COLORS.bad : COLORS.text,
            },
          ],
        })),
      },
    },
  ];
}
