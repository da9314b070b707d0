// 6. 課題の候補: the indicators clearly below the prefecture, picked by the rule the screen uses —
// for one zone with the 参考値 beside them (council packet), or counted per zone (prefecture summary).
import {
  INDICATOR_GROUP_LABELS,
  ISSUE_CANDIDATE_RULE,
  MIN_N_FOR_COMPARISON,
  issueCandidates,
  type TIndicatorComparison,
} from "@/lib/aggregation";
import { formatInteger } from "@/lib/format";
import { differenceText, readingText } from "@/lib/summaries/texts";
import type { TBlock } from "../../layout/blocks";
import { COLORS, TYPE } from "../../theme";
import { linedBox, para } from "../common";
import type { TZoneSectionInput } from "./zone-input";

const insufficientOf = (comparison: readonly TIndicatorComparison[]) =>
  comparison.filter((c) => c.judgement === "insufficientN");

function referenceValuesTable(input: TZoneSectionInput, reference: TIndicatorComparison[]): TBlock {
  return {
    kind: "table",
    table: {
      caption: `参考値（報告数が${MIN_N_FOR_COMPARISON}件未満のため判定しない指標・${reference.length}件）`,
      zebra: true,
      columns: [
        { header: "区分", width: 70 },
        { header: "指標", width: 200 },
        { header: input.zoneName, width: 60, align: "right" },
        { header: "分母", width: 40, align: "right" },
        { header: `${input.prefectureName}全体`, width: 60, align: "right" },
      ],
      rows: reference.map((c) => ({
        cells: [
          INDICATOR_GROUP_LABELS[c.group],
          c.label,
          readingText(c.value),
          formatInteger(c.value.base),
          readingText(c.reference),
        ],
      })),
    },
  };
}

export function zoneIssuesSection(input: TZoneSectionInput): TBlock[] {
  const candidates = issueCandidates(input.dashboard.comparison);
  const reference = insufficientOf(input.dashboard.comparison);
  const blocks: TBlock[] = [
    {
      kind: "text",
      text: `県全体の値を下回る指標を、集計から自動で抽出しました。${ISSUE_CANDIDATE_RULE}「意向有り」のように良し悪しの方向がない指標は判定しません。候補は議論の出発点であり、数値だけで課題と決めるものではありません。`,
      size: TYPE.body,
      fill: COLORS.headerFill,
      gapAfter: 10,
    },
    {
      kind: "table",
      table: {
        caption: `課題の候補（${candidates.length}件）`,
        zebra: true,
        columns: [
          { header: "区分", width: 70 },
          { header: "指標", width: 200 },
          { header: input.zoneName, width: 60, align: "right" },
          { header: `${input.prefectureName}全体`, width: 60, align: "right" },
          { header: "差", width: 56, align: "right" },
        ],
        rows: candidates.map((c) => ({
          cells: [
            INDICATOR_GROUP_LABELS[c.group],
            c.label,
            readingText(c.value),
            readingText(c.reference),
            { text: differenceText(c.difference, c.unit), color: COLORS.bad, bold: true },
          ],
        })),
        empty: "県全体を明らかに下回る指標はありませんでした。",
      },
    },
  ];
  if (reference.length > 0) blocks.push(referenceValuesTable(input, reference));
  blocks.push(
    linedBox("② 目指す姿（圏域として合意したいこと）", 3),
    linedBox("③ 課題（上の候補から協議で取り上げるもの）", 4),
  );
  return blocks;
}

/** Per zone: how many 課題の候補 and 参考値, and which indicators. */
export function zonesIssuesSection(zones: readonly { name: string; comparison: TIndicatorComparison[] }[]): TBlock[] {
  return [
    para(`各圏域の指標を県全体と比べ、課題の候補を数えました。${ISSUE_CANDIDATE_RULE}`),
    {
      kind: "table",
      table: {
        zebra: true,
        columns: [
          { header: "圏域", width: 90 },
          { header: "候補の数", width: 44, align: "right" },
          { header: "参考値", width: 40, align: "right" },
          { header: "課題の候補（県全体を下回る指標）", width: 330 },
        ],
        rows: zones.map((zone) => {
          const candidates = issueCandidates(zone.comparison);
          return {
            cells: [
              zone.name,
              formatInteger(candidates.length),
              formatInteger(insufficientOf(zone.comparison).length),
              candidates.length > 0
                ? candidates.map((c) => `${c.label}（${readingText(c.value)}）`).join("、")
                : "なし",
            ],
          };
        }),
        empty: "圏域がありません。",
      },
    },
  ];
}
