// 8. 協議ワークシート: one page per theme (each function, then the hubs) with the facts to start
// from and blanks for ② target, ③ problem, ④ causes and ⑤ measures and owners. When the zone kept
// a council record last year, the first page carries its 課題 and 対応策 with their progress.
import {
  MODE_KEYS,
  MODE_LABELS,
  PRIMARY_FUNCTION_KEY,
  issueCandidates,
  type TFunctionSummary,
  type TIndicatorComparison,
} from "@/lib/aggregation";
import { formatInteger } from "@/lib/format";
import { countOfText, per10kText, rateText, readingText, shareOf } from "@/lib/summaries/texts";
import type { TBlock } from "../../layout/blocks";
import { COLORS } from "../../theme";
import { blankTable, linedBox, note } from "../common";
import type { TCouncilFollowUp } from "@/lib/summaries/council";
import { carryOverWorksheet } from "./council-follow-up";
import { sectionStart } from "./outline";
import { functionOf, type TZoneSectionInput } from "./zone-input";

/** The 2号 function a tagged item belongs to (for the worksheet's 課題の候補 lines). */
const ITEM_THEMES: Record<string, string> = {
  "onCallRota.has": "f2i",
  "emergencyCenter.has": "f2i",
  "backupBeds.has": "f2ro",
  "dischargeRule.has": "f2ro",
  "homeVisitCount.positive": "f2ha",
  "urgentVisitCount.positive": "f2ha",
  "homeEndOfLifeCount.positive": "f2ha",
  "physicianOpinion.has": "f2ni",
  "careConference.has": "f2ni",
};

function candidateLine(fn: TFunctionSummary, candidates: readonly TIndicatorComparison[]): string {
  const own = candidates.filter((c) => c.key.startsWith(`${fn.key}.`));
  const related =
    fn.key === PRIMARY_FUNCTION_KEY
      ? candidates.filter((c) => c.group === "areas")
      : candidates.filter((c) => c.group === "items" && ITEM_THEMES[c.key] === fn.key);
  const flagged = [...own, ...related];
  return flagged.length > 0
    ? `課題の候補: ${flagged.map((c) => `${c.label}（${readingText(c.value)}、県 ${readingText(c.reference)}）`).join("、")}`
    : "課題の候補: なし";
}

function functionFacts(input: TZoneSectionInput, fn: TFunctionSummary): string[] {
  const reference = functionOf(input.prefectureSummary, fn.key);
  const previous = functionOf(input.previousSummary, fn.key);
  const lines = [
    `① 現状: 有り ${countOfText(fn.has)}件（${rateText(fn.has)}）。県全体 ${rateText(reference?.has)}、前年度 ${previous ? rateText(previous.has) : "—"}。`,
  ];
  if (!fn.isPrimary) {
    const modes = fn.reportsMode
      ? `確保の方法: ${MODE_KEYS.filter((m) => m !== "unknown")
          .map((m) => `${MODE_LABELS[m]} ${formatInteger(fn.modes[m].overN.count)}件`)
          .join("・")}。`
      : "";
    lines.push(`1号有りのうち ${rateText(fn.hasOverPrimary)}。${modes}意向有り ${formatInteger(fn.intent.count)}件。`);
  }
  lines.push(`65歳以上人口1万人当たり ${per10kText(fn.per10k65)}（県全体 ${per10kText(reference?.per10k65)}）。`);
  lines.push(candidateLine(fn, issueCandidates(input.dashboard.comparison)));
  return lines;
}

function hubFacts(input: TZoneSectionInput): string[] {
  const { group, previousGroup } = input.dashboard.hubs;
  if (!group) return ["① 現状: この年度の拠点の自己評価はまだありません。"];
  const weakest = [...group.duties]
    .filter((x) => x.requiredMet.n > 0)
    .sort((a, b) => (shareOf(a.requiredMet) ?? 0) - (shareOf(b.requiredMet) ?? 0))
    .slice(0, 3)
    .map((x) => `${x.label}（${rateText(x.requiredMet)}）`)
    .join("、");
  return [
    `① 現状: 拠点 ${formatInteger(group.n)}か所（自己評価の提出）。必須項目の実施率 ${rateText(group.total.requiredMet)}（前年度 ${previousGroup ? rateText(previousGroup.total.requiredMet) : "—"}）、望ましい項目の採用率 ${rateText(group.total.desirableAdopted)}。`,
    `実施率が低い役割: ${weakest || "—"}`,
  ];
}

function worksheetBlocks(index: number, theme: { title: string; lines: string[] }): TBlock[] {
  return [
    { kind: "heading", level: 2, text: `テーマ${index + 1}: ${theme.title}` },
    { kind: "text", text: theme.lines.join("\n"), size: 8.5, fill: COLORS.headerFill, gapAfter: 8 },
    linedBox("② 目指す姿", 2, "このテーマで圏域が目指す状態"),
    linedBox("③ 課題", 3, "現状と目指す姿の差"),
    blankTable(
      "④ 原因の分析",
      [
        { header: "立場", width: 60 },
        { header: "考えられる原因", width: 400 },
      ],
      3,
      30,
    ),
    blankTable(
      "⑤ 対応策と担当",
      [
        { header: "対応策", width: 200 },
        { header: "担当（誰が）", width: 90 },
        { header: "時期", width: 60 },
        { header: "確認する指標", width: 110 },
      ],
      4,
      30,
    ),
    note("④ は行政・医療・介護それぞれの立場から書き出します。⑤ の指標は翌年度の資料で効果を確かめるために使います。"),
  ];
}

/** The worksheets, the first opened by the section heading, each next on a new page. */
export function worksheetsSection(
  input: TZoneSectionInput,
  key: string,
  title: string,
  followUp: TCouncilFollowUp | null = null,
): TBlock[] {
  const carried = followUp ? [...sectionStart(key, title), ...carryOverWorksheet(followUp)] : [];
  const themes = [
    ...input.zoneSummary.functions.map((f) => ({ title: f.label, lines: functionFacts(input, f) })),
    { title: "在宅医療の連携拠点（在宅医療に必要な連携を担う拠点）", lines: hubFacts(input) },
  ];
  return [
    ...carried,
    ...themes.flatMap((theme, index) => [
      ...(index === 0 && !followUp
        ? sectionStart(key, title)
        : [{ kind: "pageBreak", orientation: "portrait" } as const]),
      ...worksheetBlocks(index, theme),
    ]),
  ];
}
