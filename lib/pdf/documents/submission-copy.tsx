// The 提出控え: a printable record of one submitted revision — 受付番号, revision, the time in
// 和暦 and 西暦, the status derived at submission (functions, or a hub's scores per duty), and every
// answer by section as the receipt page shows it (formatAnswer, visible items only).
import { revisionLabel } from "@/lib/domain/labels";
import { formatDateTime } from "@/lib/domain/wareki";
import { formatInteger, formatShare } from "@/lib/format";
import { evaluateAnswers } from "@/lib/questionnaire/derive";
import { allItems, itemIndex } from "@/lib/questionnaire/definition";
import { formatAnswer, groupTable, itemHeading, STAR_LEGEND, UNANSWERED } from "@/lib/questionnaire/format";
import type { TGroupField, TItem } from "@/lib/questionnaire/definition";
import type { TAnswers, TAnswerValue } from "@/lib/questionnaire/answers";
import { PROVISION_MODE_LABELS } from "@/lib/questionnaire/input";
import { share as scoreShare } from "@/lib/questionnaire/score";
import type { TFrame } from "../components/page";
import type { TBlock, TTableSpec } from "../layout/blocks";
import type { TextMeasurer } from "../layout/measure";
import type { TRespondentDocumentInput } from "../props";
import { COLORS } from "../theme";
import { demoNoticeBlock, factsBlock, note, warekiOf } from "./common";

const CHANNEL_LABELS: Record<string, string> = {
  WEB: "Renkei（ウェブ）",
  PAPER: "紙の報告書（都道府県が入力）",
  IMPORT: "一括取込",
};

export function buildSubmissionCopy(input: TRespondentDocumentInput, _measurer: TextMeasurer) {
  const { definition, revision, respondent, cycle } = input;
  const submittedAt = new Date(revision.submittedAt);
  const isInstitution = respondent.role === "institution";
  const frame: TFrame = {
    title: `提出控え ${cycle.title}`,
    owner: respondent.name,
    footnote: `受付番号 ${input.receiptNumber}・作成 ${warekiOf(input.generatedAt)}（${formatDateTime(new Date(input.generatedAt))}）`,
    isDemo: cycle.isDemo,
  };
  const blocks: TBlock[] = [
    { kind: "text", text: cycle.title, size: 11, color: COLORS.muted, gapAfter: 2 },
    { kind: "heading", level: 1, text: "提出控え", anchor: "copy", bookmark: true },
  ];
  if (cycle.isDemo) blocks.push(demoNoticeBlock("架空の医療機関・拠点の報告です。"));
  blocks.push(
    factsBlock([
      ["受付番号", input.receiptNumber],
      ["報告", `${cycle.title}（${definition.versionLabel}）`],
      [
        isInstitution ? "医療機関" : "拠点",
        `${respondent.name}${respondent.code ? `（医療機関コード ${respondent.code}）` : ""}`,
      ],
      ["所在", respondent.place],
      ["版", revisionLabel(revision.number, revision.kind)],
      ["提出日時", `${warekiOf(revision.submittedAt)}（西暦 ${formatDateTime(submittedAt)}）`],
      ["提出方法", CHANNEL_LABELS[revision.channel] ?? revision.channel],
      ["現在の状況", input.currentStatus],
    ]),
  );

  // Derived status
  if (definition.functions.length > 0) {
    const items = itemIndex(definition);
    blocks.push(
      { kind: "heading", level: 2, text: "提出内容から判定される機能" },
      {
        kind: "table",
        table: {
          minRows: definition.functions.length,
          columns: [
            { header: "機能", width: 220 },
            { header: "判定", width: 70 },
            { header: "確保の方法", width: 80 },
            { header: "備考", width: 150 },
          ],
          rows: definition.functions.map((fn) => {
            const status = revision.derived.functions[fn.key];
            const requirementMissing = Boolean(fn.requires) && !revision.derived.functions[fn.requires!]?.has;
            const verdict = !status ? "—" : status.has ? "有り" : status.intent ? "無し（意向有り）" : "無し";
            const remarks = requirementMissing
              ? "1号機能が「無し」のため報告不要"
              : fn.rule === "allStarred" && status && status.unmetStarred.length > 0
                ? `未充足の★項目: ${status.unmetStarred.map((key) => items.get(key)?.label ?? key).join("／")}`
                : "";
            return {
              cells: [
                fn.label,
                { text: verdict, bold: true, color: status?.has ? COLORS.accent : COLORS.text },
                status?.has && status.mode ? PROVISION_MODE_LABELS[status.mode] : "—",
                remarks,
              ],
            };
          }),
        },
      },
    );
  }
  const scores = revision.derived.scores;
  if (scores) {
    blocks.push(
      { kind: "heading", level: 2, text: "自己評価の状況（役割ごと）" },
      {
        kind: "table",
        table: {
          columns: [
            { header: "役割", width: 220 },
            { header: "必須項目 実施／対象", width: 100, align: "right" },
            { header: "実施率", width: 60, align: "right" },
            { header: "望ましい項目 採用／対象", width: 110, align: "right" },
          ],
          rows: [
            ...scores.groups.map((g) => ({
              cells: [
                g.label,
                `${formatInteger(g.required.met)}/${formatInteger(g.required.n)}`,
                formatShare(scoreShare(g.required)),
                `${formatInteger(g.desirable.adopted)}/${formatInteger(g.desirable.n)}`,
              ],
            })),
            {
              bold: true,
              fill: COLORS.zebra,
              cells: [
                "合計",
                `${formatInteger(scores.total.required.met)}/${formatInteger(scores.total.required.n)}`,
                formatShare(scoreShare(scores.total.required)),
                `${formatInteger(scores.total.desirable.adopted)}/${formatInteger(scores.total.desirable.n)}`,
              ],
            },
          ],
        },
      },
    );
  }

  // Every visible answer, by section
  const { visibility } = evaluateAnswers(definition, revision.answers);
  blocks.push({ kind: "heading", level: 2, text: "提出内容" });
  if (allItems(definition).some((item) => item.star)) blocks.push(note(STAR_LEGEND));
  blocks.push(...answerBlocks(definition, revision.answers, visibility));
  blocks.push(
    note(
      "この控えは、提出された内容をそのまま記録したものです。内容を変更する場合は Renkei から変更報告を行ってください。",
    ),
  );

  return {
    frame,
    blocks,
    title: `提出控え ${respondent.name} ${cycle.title}`,
    subject: `${respondent.name}の提出控え（第${revision.number}版）`,
  };
}

function headingText(heading: ReturnType<typeof itemHeading>): string {
  return heading.period ? `${heading.label}（${heading.period}）` : heading.label;
}

/** Every visible answer, section by section. */
function answerBlocks(
  definition: TRespondentDocumentInput["definition"],
  answers: TAnswers,
  visibility: ReturnType<typeof evaluateAnswers>["visibility"],
): TBlock[] {
  const blocks: TBlock[] = [];
  const sections = definition.sections.filter((s) => visibility.sections.has(s.key));
  let landscape = false;
  for (const section of sections) {
    const items = section.items.filter((item) => visibility.items.has(item.key));
    // A section's plain items form one 項目／回答 table; each repeating group gets its own table
    // with a column per field, on a landscape page so ten columns stay readable.
    const plain = items.filter((item) => item.type !== "group");
    if (landscape && plain.length > 0) {
      blocks.push({ kind: "pageBreak", orientation: "portrait" });
      landscape = false;
    }
    if (plain.length > 0 || items.length === 0) {
      blocks.push({
        kind: "table",
        table: {
          caption: section.title,
          zebra: true,
          minRows: 2,
          columns: [
            { header: "項目", width: 260 },
            { header: "回答", width: 260 },
          ],
          rows: plain.map((item) => ({
            cells: [
              { text: headingText(itemHeading(item)), color: COLORS.text },
              formatAnswer(item, answers[item.key]),
            ],
          })),
        },
      });
    }
    for (const item of items) {
      if (item.type !== "group") continue;
      if (!landscape) {
        blocks.push({ kind: "pageBreak", orientation: "landscape" });
        landscape = true;
      }
      blocks.push({ kind: "table", table: groupTableSpec(item, answers[item.key], section.title) });
    }
  }
  return blocks;
}

/** Long free text gets the wide columns; codes, dates and short figures the narrow ones. */
function groupColumnWeight(field: TGroupField): number {
  switch (field.type) {
    case "text":
      return field.maxLength > 200 ? 3 : field.maxLength > 100 ? 2.2 : 1.6;
    case "single":
      return 2.4;
    case "date":
      return 2;
    default:
      return 1.4;
  }
}

function groupTableSpec(
  item: Extract<TItem, { type: "group" }>,
  value: TAnswerValue,
  sectionTitle: string,
): TTableSpec {
  const table = groupTable(item, value);
  return {
    caption: `${sectionTitle}：${item.label}`,
    zebra: true,
    minRows: 1,
    empty: UNANSWERED,
    columns: [
      { header: "No.", width: 0.8, align: "right" },
      ...table.header.map((header, i) => ({ header, width: groupColumnWeight(item.fields[i]!) })),
    ],
    rows: table.rows.map((cells, r) => ({ cells: [String(r + 1), ...cells] })),
  };
}
