// 4. 意向有り: institutions that do not offer a 2号 function yet but intend to — per function, per
// item, and the list of them (who the council can ask).
import { INSTITUTION_KIND_LABELS, type TRate } from "@/lib/aggregation";
import { formatInteger } from "@/lib/format";
import { rateText } from "@/lib/summaries/texts";
import type { TBlock } from "../../layout/blocks";
import { COLORS } from "../../theme";
import { para } from "../common";
import { functionOf, type TZoneSectionInput } from "./zone-input";

/** 意向有り per function or per item: count, its n, the share, and the prefecture's share. */
function intentTable(
  caption: string,
  [labelHeader, nHeader]: [string, string],
  prefectureName: string,
  rows: { label: string; intent: TRate; prefecture: TRate | undefined }[],
): TBlock {
  return {
    kind: "table",
    table: {
      caption,
      columns: [
        { header: labelHeader, width: 160 },
        { header: "意向有り（件）", width: 60, align: "right" },
        { header: nHeader, width: 50, align: "right" },
        { header: "割合", width: 50, align: "right" },
        { header: `${prefectureName}全体`, width: 60, align: "right" },
      ],
      rows: rows.map((r) => ({
        cells: [
          r.label,
          formatInteger(r.intent.count),
          formatInteger(r.intent.n),
          rateText(r.intent),
          rateText(r.prefecture),
        ],
      })),
    },
  };
}

function poolListTable(input: TZoneSectionInput): TBlock {
  const secondary = input.zoneSummary.functions.filter((f) => !f.isPrimary);
  const pool = input.dashboard.institutions.filter((r) =>
    secondary.some((f) => r.functions[f.key]?.intent && !r.functions[f.key]?.has),
  );
  return {
    kind: "table",
    table: {
      caption: `意向有りの医療機関の一覧（${formatInteger(pool.length)}機関）`,
      zebra: true,
      columns: [
        { header: "医療機関", width: 170, wrap: false },
        { header: "市区町村", width: 64 },
        { header: "種別", width: 40 },
        ...secondary.map((f) => ({ header: f.shortLabel, width: 50, align: "center" as const })),
      ],
      rows: pool.map((r) => ({
        cells: [
          r.name,
          r.municipality,
          INSTITUTION_KIND_LABELS[r.kind],
          ...secondary.map((f) => {
            const answer = r.functions[f.key];
            if (answer?.has) return { text: "有り", color: COLORS.muted };
            return answer?.intent ? { text: "意向有り", bold: true, color: COLORS.accent } : "";
          }),
        ],
      })),
      empty: "意向有りと答えた医療機関はありません。",
    },
  };
}

export function poolsSection(input: TZoneSectionInput): TBlock[] {
  const { zoneSummary, prefectureSummary, prefectureName } = input;
  const prefectureIntent = new Map(prefectureSummary.choices.map((c) => [c.tag, c.intent]));
  const intentChoices = zoneSummary.choices.filter(
    (c) => c.intent.count > 0 || (prefectureIntent.get(c.tag)?.count ?? 0) > 0,
  );
  const blocks: TBlock[] = [
    para(
      "「無し（意向有り）」と答えた医療機関は、今は実施していないものの、今後実施する意向がある医療機関です。協議の場で協力をお願いできる候補になります。",
    ),
    intentTable(
      "機能ごとの意向有り",
      ["機能", "報告数"],
      prefectureName,
      zoneSummary.functions
        .filter((f) => !f.isPrimary)
        .map((f) => ({ label: f.label, intent: f.intent, prefecture: functionOf(prefectureSummary, f.key)?.intent })),
    ),
  ];
  if (intentChoices.length > 0)
    blocks.push(
      intentTable(
        "項目ごとの意向有り",
        ["項目", "回答数"],
        prefectureName,
        intentChoices.map((c) => ({ label: c.label, intent: c.intent, prefecture: prefectureIntent.get(c.tag) })),
      ),
    );
  blocks.push(poolListTable(input));
  return blocks;
}
