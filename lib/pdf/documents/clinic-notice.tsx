// The 院内掲示: an A4 notice in large type for the waiting room, saying which かかりつけ医機能 the
// institution reported — 1号 and each 2号 function 有り/無し, how it is secured (自院/連携) — and the
// areas in which it offers 一次診療, in words meant for patients. Built from the revision's stored
// derived status (what the prefecture counts) and its answers.
import { PRIMARY_CARE_AREAS_TAG, PRIMARY_FUNCTION_KEY } from "@/lib/aggregation";
import { findItemByTag } from "@/lib/questionnaire/definition";
import { fiscalYearLabel } from "@/lib/domain/wareki";
import type { TFrame } from "../components/page";
import { DEMO_LABEL } from "../components/page";
import { alignedText, textOp, type TBlock, type TDrawFn, type TOp } from "../layout/blocks";
import type { TextMeasurer } from "../layout/measure";
import type { TRespondentDocumentInput } from "../props";
import { COLORS, contentBox } from "../theme";
import { warekiOf } from "./common";

/** Plain words for patients; the official name is printed small underneath. */
const PATIENT_WORDING: Record<string, string> = {
  f1: "日ごろの診療を、総合的・継続的に行います",
  f2i: "通常の診療時間外（休日・夜間など）の診療",
  f2ro: "入院するとき・退院するときの支援",
  f2ha: "在宅医療（通院が難しい方への訪問診療など）",
  f2ni: "介護サービスと連携した医療",
};

const MODE_WORDING: Record<string, string> = {
  self: "当院で対応します",
  partner: "他の医療機関と連携して対応します",
  both: "当院と、連携する医療機関で対応します",
};

export function buildClinicNotice(input: TRespondentDocumentInput, measurer: TextMeasurer) {
  const { definition, revision, respondent, cycle } = input;
  const functions = definition.functions;
  const primary = revision.derived.functions[PRIMARY_FUNCTION_KEY];
  const frame: TFrame = {
    title: "院内掲示",
    owner: respondent.name,
    footnote: "",
    isDemo: cycle.isDemo,
    footer: false,
  };

  const blocks: TBlock[] = [];
  if (cycle.isDemo) {
    blocks.push({
      kind: "text",
      text: `${DEMO_LABEL}（見本）　この掲示は画面確認用の架空の医療機関のものです。`,
      size: 11,
      bold: true,
      color: COLORS.demo,
      border: COLORS.demo,
      fill: "#fff5f5",
      gapAfter: 14,
    });
  }
  blocks.push(
    { kind: "text", text: "当院のかかりつけ医機能について", size: 26, bold: true, color: COLORS.accent, gapAfter: 4 },
    { kind: "text", text: respondent.name, size: 22, bold: true, gapAfter: 12 },
    {
      kind: "text",
      text: `当院は、医療法にもとづく「かかりつけ医機能報告」により、次の内容を${cycle.prefectureName}に報告しています（${fiscalYearLabel(cycle.fiscalYear)}）。`,
      size: 12.5,
      gapAfter: 12,
    },
  );

  // One row per function: the plain wording large, the official name small beneath it, and a
  // badge on the right (あり filled, なし outlined) with how it is secured.
  const rows = functions.map((fn) => {
    const status = revision.derived.functions[fn.key];
    const requirementMissing = Boolean(fn.requires) && !revision.derived.functions[fn.requires!]?.has;
    const has = !requirementMissing && (status?.has ?? false);
    return {
      wording: PATIENT_WORDING[fn.key] ?? fn.label,
      official: fn.label,
      mark: requirementMissing ? "—" : has ? "あり" : "なし",
      has,
      detail: requirementMissing ? "報告の対象外" : has && status?.mode ? (MODE_WORDING[status.mode] ?? "") : "",
    };
  });
  const ROW = 66;
  const drawFunctions: TDrawFn = (area, { measurer }) => {
    const ops: TOp[] = [
      { op: "line", x1: area.x, y1: area.y, x2: area.x + area.width, y2: area.y, color: COLORS.muted, width: 1 },
    ];
    const badgeWidth = 150;
    rows.forEach((row, i) => {
      const top = area.y + i * ROW;
      const textWidth = area.width - badgeWidth - 16;
      ops.push(
        textOp(
          measurer,
          area.x + 4,
          top + 8,
          measurer.truncate(row.wording, textWidth, 15, true),
          15,
          true,
          COLORS.text,
          22,
        ),
      );
      ops.push(
        textOp(
          measurer,
          area.x + 4,
          top + 32,
          measurer.truncate(row.official, textWidth, 9),
          9,
          false,
          COLORS.muted,
          14,
        ),
      );
      const bx = area.x + area.width - badgeWidth;
      ops.push({
        op: "rect",
        x: bx,
        y: top + 9,
        w: 64,
        h: 26,
        fill: row.has ? COLORS.accent : "#ffffff",
        stroke: row.has ? COLORS.accent : COLORS.faint,
        lineWidth: 1,
      });
      ops.push(
        alignedText(measurer, row.mark, bx, 64, top + 9, 15, true, row.has ? "#ffffff" : COLORS.muted, 26, "center"),
      );
      if (row.detail) {
        measurer
          .wrap(row.detail, badgeWidth - 72, 8.5)
          .slice(0, 3)
          .forEach((line, k) => {
            ops.push(textOp(measurer, bx + 70, top + 8 + k * 12, line, 8.5, false, COLORS.text, 12));
          });
      }
      ops.push({
        op: "line",
        x1: area.x,
        y1: top + ROW,
        x2: area.x + area.width,
        y2: top + ROW,
        color: COLORS.rule,
        width: 0.6,
      });
    });
    return ops;
  };
  blocks.push({ kind: "drawn", height: rows.length * ROW + 2, draw: drawFunctions, gapAfter: 18 });

  const areasItem = findItemByTag(definition, PRIMARY_CARE_AREAS_TAG);
  if (primary?.has && areasItem && areasItem.type === "multi") {
    const chosen = revision.answers[areasItem.key];
    const labels = Array.isArray(chosen)
      ? areasItem.options
          .filter((o) => (chosen as unknown[]).includes(o.code) && o.status === "has")
          .map((o) => o.label)
      : [];
    if (labels.length > 0) {
      blocks.push(
        { kind: "text", text: "当院で一次診療に対応できる領域", size: 15, bold: true, gapAfter: 6 },
        chipsBlock(labels, measurer),
      );
    }
  }

  blocks.push(
    {
      kind: "text",
      text: "「連携して対応」は、他の医療機関と協力して体制を確保していることを表します。ご不明な点は受付でおたずねください。",
      size: 10.5,
      color: COLORS.muted,
      gapAfter: 10,
    },
    {
      kind: "text",
      text: `${warekiOf(revision.submittedAt)}に報告した内容（第${revision.number}版）にもとづいて作成　掲示日 ${warekiOf(input.generatedAt)}`,
      size: 10,
      color: COLORS.muted,
      gapAfter: 2,
    },
    {
      kind: "text",
      text: `報告の内容は、${cycle.prefectureName}が公表します。${respondent.code ? `医療機関コード ${respondent.code}` : ""}`,
      size: 10,
      color: COLORS.muted,
    },
  );

  return {
    frame,
    blocks,
    title: `院内掲示 ${respondent.name}`,
    subject: `${respondent.name}のかかりつけ医機能（院内掲示）`,
  };
}

/** Labels as rounded chips that flow onto as many lines as they need (height known up front). */
function chipsBlock(labels: readonly string[], measurer: TextMeasurer): TBlock {
  const SIZE = 12;
  const H = 24;
  const GAP = 8;
  const place = (width: number, measure: (s: string) => number) => {
    let x = 0;
    let line = 0;
    return labels.map((label) => {
      const w = measure(label) + 20;
      if (x > 0 && x + w > width) {
        x = 0;
        line++;
      }
      const chip = { label, x, line, w };
      x += w + GAP;
      return chip;
    });
  };
  const chips = place(contentBox("portrait").width, (s) => measurer.width(s, SIZE));
  const lines = (chips.at(-1)?.line ?? 0) + 1;
  const draw: TDrawFn = (area) =>
    chips.flatMap((chip): TOp[] => [
      { op: "rect", x: area.x + chip.x, y: area.y + chip.line * (H + GAP), w: chip.w, h: H, fill: COLORS.accentLight },
      alignedText(
        measurer,
        chip.label,
        area.x + chip.x,
        chip.w,
        area.y + chip.line * (H + GAP),
        SIZE,
        false,
        COLORS.text,
        H,
        "center",
      ),
    ]);
  return { kind: "drawn", height: lines * (H + GAP), draw, gapAfter: 14 };
}
