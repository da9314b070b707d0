// The agreed record of one zone's council for one 年度 (協議の結果), laid out after the guideline's
// 協議の結果公表シート (p.26): who met and when, ② 目指す姿, ③ 課題 with the indicators behind
// them, ④ causes by 行政・医療・介護, ⑤ 対応策 with owner, period, indicator, baseline and target.
// The council prints it after the meeting; the public page offers the same document.
import { fiscalYearLabel } from "@/lib/domain/wareki";
import {
  causeLines,
  measureRows,
  meetingText,
  recordStatusText,
  recordTitle,
  type TCouncilRecordDocumentInput,
} from "@/lib/summaries/council-record";
import type { TFrame } from "../components/page";
import type { TBlock } from "../layout/blocks";
import type { TextMeasurer } from "../layout/measure";
import { COLORS, TYPE } from "../theme";
import { demoNoticeBlock, factsBlock, note, para, warekiOf } from "./common";
import type { TBuiltDocument } from "./sections/outline";

function issuesBlocks(input: TCouncilRecordDocumentInput): TBlock[] {
  const { record } = input;
  if (record.issues.length === 0) return [note("課題の記録はありません。")];
  return record.issues.flatMap((issue, n): TBlock[] => [
    { kind: "heading", level: 3, text: `課題${n + 1}: ${issue.title}` },
    para(`根拠とした指標: ${issue.indicatorLabels.join("、") || "—"}`, 4),
    {
      kind: "table",
      table: {
        columns: [
          { header: "立場", width: 60 },
          { header: "④ 考えられる原因", width: 440 },
        ],
        rows: causeLines(issue).map((c) => ({ cells: [{ text: c.party, bold: true }, c.text] })),
        empty: "原因の記録はありません。",
      },
    },
  ]);
}

function measuresTable(input: TCouncilRecordDocumentInput): TBlock {
  return {
    kind: "table",
    table: {
      zebra: true,
      columns: [
        { header: "対応策（課題）", width: 150 },
        { header: "担当", width: 80 },
        { header: "時期", width: 70 },
        { header: "確認する指標", width: 100 },
        { header: "基準値（決定時）", width: 70, align: "right" },
        { header: "目標", width: 40, align: "right" },
      ],
      rows: measureRows(input.record).map((r) => ({
        cells: [`${r.measure}\n（${r.issue}）`, r.owner, r.period, r.indicator, r.baseline || "—", r.target],
      })),
      empty: "対応策の記録はありません。",
    },
  };
}

export function buildCouncilRecord(input: TCouncilRecordDocumentInput, _measurer: TextMeasurer): TBuiltDocument {
  const { record } = input;
  const title = recordTitle(record.zone.name, record.fiscalYear);
  const frame: TFrame = {
    title: `${title}（${input.prefectureName}）`,
    owner: input.prefectureName,
    footnote: `作成 ${warekiOf(input.generatedAt)}・記録の状態: ${recordStatusText(record.status)}`,
    isDemo: input.isDemo,
  };
  const blocks: TBlock[] = [
    {
      kind: "text",
      text: `${input.prefectureName}　${fiscalYearLabel(record.fiscalYear)}`,
      size: 12,
      color: COLORS.muted,
    },
    { kind: "text", text: "協議の場 協議の結果", size: 20, bold: true, color: COLORS.accent, gapAfter: 10 },
  ];
  if (input.isDemo)
    blocks.push(demoNoticeBlock("この記録の圏域の協議内容・数値は、画面の確認用に作った架空のデータです。"));
  blocks.push(
    factsBlock([
      ["圏域", `${record.zone.name}（${record.zone.schemeName}）`],
      ["年度", fiscalYearLabel(record.fiscalYear)],
      ["記録の状態", recordStatusText(record.status)],
      ["合意日", record.agreedAt ? warekiOf(record.agreedAt) : "—"],
      ["公表日", record.publishedAt ? warekiOf(record.publishedAt) : "—"],
    ]),
    { kind: "heading", level: 2, text: "① 協議の場の開催状況" },
    ...(record.meetings.length > 0
      ? record.meetings.map((m) => para(meetingText(m), 4))
      : [note("開催の記録はありません。")]),
    { kind: "heading", level: 2, text: "② 目指す姿" },
    para(record.vision || "（記録なし）"),
    { kind: "heading", level: 2, text: "③ 課題と ④ 原因の分析（行政・医療・介護）" },
    ...issuesBlocks(input),
    { kind: "heading", level: 2, text: "⑤ 対応策と担当" },
    measuresTable(input),
    {
      kind: "text",
      text: "基準値は対応策を決めた時点の圏域の値です（その後の報告の更新では変わりません）。翌年度の協議の場資料で、基準値→翌年度の値→目標として効果を確かめます。",
      size: TYPE.small,
      color: COLORS.muted,
    },
  );
  return { frame, blocks, title, subject: `${input.prefectureName} ${title}` };
}
