// 「前年度の協議結果と進捗」: last year's 課題 and 対応策 of the zone with each measure's indicator
// baseline (frozen when decided) → this year's value → target, and the verdict — the rows the
// dashboard block shows (lib/summaries/council.ts), so the packet and the screen agree.
import { fiscalYearLabel } from "@/lib/domain/wareki";
import { COUNCIL_RECORD_STATUS_LABELS } from "@/lib/domain/council";
import {
  FOLLOW_UP_RULE,
  followUpHeading,
  followUpRow,
  type TCouncilFollowUp,
  type TFollowUpRow,
} from "@/lib/summaries/council";
import type { TBlock } from "../../layout/blocks";
import { COLORS, TYPE } from "../../theme";
import { blankTable, linedBox, note } from "../common";

const TONE_COLORS: Record<TFollowUpRow["tone"], string> = {
  good: COLORS.text,
  bad: COLORS.bad,
  warn: COLORS.bad,
  muted: COLORS.muted,
};

/** One block per measure: what, who and when, then baseline → current → target and the verdict. */
function progressBlocks(rows: readonly TFollowUpRow[]): TBlock[] {
  if (rows.length === 0) return [note("前年度に決めた対応策はありません。")];
  return rows.flatMap((r, i): TBlock[] => [
    { kind: "text", text: `対応策${i + 1}: ${r.measure}`, size: TYPE.body, bold: true, gapAfter: 2 },
    {
      kind: "text",
      text: `課題: ${r.issue}　担当: ${r.owner}　時期: ${r.period}　状況: ${r.status}`,
      size: TYPE.small,
      color: COLORS.muted,
      gapAfter: 2,
    },
    {
      kind: "text",
      text: `指標: ${r.indicator}\n基準値（決定時）: ${r.baseline || "—"} → 現在値: ${r.current} → 目標: ${r.target}　判定: ${r.verdict}（${r.n}）`,
      size: TYPE.body,
      color: TONE_COLORS[r.tone],
      indent: 8,
      gapAfter: r.notes ? 2 : 8,
    },
    ...(r.notes ? [note(`経過: ${r.notes}`)] : []),
  ]);
}

export function councilFollowUpSection(followUp: TCouncilFollowUp | null | undefined, year: string): TBlock[] {
  if (!followUp)
    return [
      note(
        `前年度の協議の記録がありません。${year}に決めた課題と対応策を記録すると、翌年度の資料にこの節として進捗が載ります。`,
      ),
    ];
  const rows = followUp.measures.map(followUpRow);
  const blocks: TBlock[] = [
    {
      kind: "text",
      text: `${followUpHeading(followUp.fiscalYear, followUp.currentFiscalYear, rows.length)}（記録の状態: ${COUNCIL_RECORD_STATUS_LABELS[followUp.recordStatus]}）。${FOLLOW_UP_RULE}`,
      size: TYPE.body,
      fill: COLORS.headerFill,
      gapAfter: 10,
    },
  ];
  if (followUp.vision)
    blocks.push({
      kind: "text",
      text: `目指す姿（${fiscalYearLabel(followUp.fiscalYear)}）: ${followUp.vision}`,
      size: TYPE.body,
      gapAfter: 6,
    });
  blocks.push({
    kind: "table",
    table: {
      caption: `課題（${fiscalYearLabel(followUp.fiscalYear)}）`,
      zebra: true,
      columns: [
        { header: "課題", width: 220 },
        { header: "課題の根拠とした指標", width: 270 },
      ],
      rows: followUp.issues.map((i) => ({ cells: [i.title, i.indicatorLabels.join("、") || "—"] })),
      empty: "課題の記録はありません。",
    },
  });
  blocks.push({ kind: "heading", level: 2, text: "対応策の進捗（基準値 → 現在値 → 目標）" }, ...progressBlocks(rows));
  return blocks;
}

/** The worksheet that opens the meeting: last year's decisions pre-filled, with room to revise them. */
export function carryOverWorksheet(followUp: TCouncilFollowUp): TBlock[] {
  const rows = followUp.measures.map(followUpRow);
  return [
    {
      kind: "heading",
      level: 2,
      text: `前年度からの引継ぎ: ${fiscalYearLabel(followUp.fiscalYear)}の課題と対応策の見直し`,
    },
    {
      kind: "text",
      text: [
        `② 目指す姿（前年度）: ${followUp.vision || "（記録なし）"}`,
        ...followUp.issues.map(
          (i, n) =>
            `③ 課題${n + 1}（前年度）: ${i.title}${i.indicatorLabels.length > 0 ? `［${i.indicatorLabels.join("、")}］` : ""}`,
        ),
      ].join("\n"),
      size: 8.5,
      fill: COLORS.headerFill,
      gapAfter: 8,
    },
    {
      kind: "table",
      table: {
        caption: "⑤ 前年度の対応策と進捗（続ける・見直す・終えるを協議で決めます）",
        columns: [
          { header: "対応策", width: 150 },
          { header: "担当", width: 80 },
          { header: "指標 基準値→現在値→目標", width: 170 },
          { header: "判定", width: 50 },
          { header: "今後", width: 50 },
        ],
        rows: rows.map((r) => ({
          cells: [
            r.measure,
            r.owner,
            `${r.indicator}\n${r.baseline || "—"} → ${r.current} → ${r.target}`,
            r.verdict,
            "",
          ],
        })),
        empty: "前年度に決めた対応策はありません。",
      },
    },
    linedBox("③ 課題の見直し（前年度の課題は解消したか）", 3),
    blankTable(
      "⑤ 新たな対応策と担当",
      [
        { header: "対応策", width: 200 },
        { header: "担当（誰が）", width: 90 },
        { header: "時期", width: 60 },
        { header: "確認する指標", width: 110 },
      ],
      3,
      30,
    ),
  ];
}
