// Layout pieces shared by the documents: dates in 和暦, the contents with page numbers, the demo
// notice, key–value facts and the lined blanks of the worksheets. Figures as text come from
// lib/summaries/texts.ts, the one presentation layer, never from here.
import { formatDateTime, formatWareki } from "@/lib/domain/wareki";
import { alignedText, textOp, type TBlock, type TDrawFn, type TOp } from "../layout/blocks";
import { COLORS, TYPE } from "../theme";
import { DEMO_LABEL } from "../components/page";

export const warekiOf = (iso: string) => formatWareki(new Date(iso));
export const warekiDateTime = (iso: string) => `${formatWareki(new Date(iso))}（${formatDateTime(new Date(iso))}）`;

export type TContentsEntry = { label: string; anchor: string; note?: string };

/** The contents: one line per section with dotted leaders, its page number, and a link to it. */
export function contentsBlock(entries: readonly TContentsEntry[]): TBlock {
  const line = 17;
  const draw: TDrawFn = (area, { pageOf, measurer, link }) => {
    const ops: TOp[] = [];
    entries.forEach((entry, i) => {
      const top = area.y + i * line;
      const page = pageOf(entry.anchor);
      const number = page === null ? "" : String(page);
      const numberWidth = measurer.width(number, 9.5);
      const labelWidth = measurer.width(entry.label, 9.5);
      ops.push(textOp(measurer, area.x, top, entry.label, 9.5, false, COLORS.text, line));
      let noteWidth = 0;
      if (entry.note) {
        noteWidth = measurer.width(entry.note, 7.5) + 8;
        ops.push(textOp(measurer, area.x + labelWidth + 8, top + 1.5, entry.note, 7.5, false, COLORS.muted, line));
      }
      const leaderStart = area.x + labelWidth + noteWidth + 10;
      const leaderEnd = area.x + area.width - numberWidth - 6;
      if (leaderEnd > leaderStart) {
        ops.push({
          op: "line",
          x1: leaderStart,
          y1: top + line * 0.68,
          x2: leaderEnd,
          y2: top + line * 0.68,
          color: COLORS.faint,
          width: 0.6,
          dash: 1,
        });
      }
      ops.push(alignedText(measurer, number, area.x, area.width + 3, top, 9.5, false, COLORS.text, line, "right"));
      link({ x: area.x, y: top, width: area.width, height: line }, entry.anchor);
    });
    return ops;
  };
  return { kind: "drawn", height: entries.length * line + 4, draw };
}

/** The red 架空のデモデータ notice (covers, notices). */
export function demoNoticeBlock(detail: string): TBlock {
  return {
    kind: "text",
    text: `${DEMO_LABEL}　${detail}`,
    size: 9,
    bold: true,
    color: COLORS.demo,
    fill: "#fff5f5",
    border: COLORS.demo,
    gapAfter: 10,
  };
}

/** Key–value lines (a small two-column table without a header). */
export function factsBlock(rows: readonly [string, string][], labelWidth = 110): TBlock {
  return {
    kind: "table",
    table: {
      columns: [
        { header: "項目", width: labelWidth },
        { header: "内容", width: 400 },
      ],
      rows: rows.map(([label, value]) => ({ cells: [{ text: label, bold: true, color: COLORS.muted }, value] })),
      minRows: rows.length,
      header: false,
    },
  };
}

/** A titled box with `lines` ruled blank lines to write in at the meeting. */
export function linedBox(title: string, lines: number, hint?: string): TBlock {
  const lineGap = 19;
  const head = 16;
  const height = head + lines * lineGap + 6;
  const draw: TDrawFn = (area, { measurer }) => {
    const ops: TOp[] = [
      { op: "rect", x: area.x, y: area.y, w: area.width, h: height, stroke: COLORS.muted, lineWidth: 0.8 },
      { op: "rect", x: area.x, y: area.y, w: area.width, h: head, fill: COLORS.headerFill },
      textOp(measurer, area.x + 6, area.y + 1, title, 9, true, COLORS.text, 14),
    ];
    if (hint)
      ops.push(
        textOp(
          measurer,
          area.x + 12 + measurer.width(title, 9, true),
          area.y + 2.5,
          measurer.truncate(hint, area.width - measurer.width(title, 9, true) - 24, 7),
          7,
          false,
          COLORS.muted,
          12,
        ),
      );
    for (let i = 1; i <= lines; i++) {
      const y = area.y + head + i * lineGap;
      ops.push({
        op: "line",
        x1: area.x + 8,
        y1: y,
        x2: area.x + area.width - 8,
        y2: y,
        color: COLORS.rule,
        width: 0.5,
        dash: 2,
      });
    }
    return ops;
  };
  return { kind: "drawn", height, draw, gapAfter: 7 };
}

/** A table with a header and empty ruled rows (e.g. 対応策 / 担当 / 時期 / 指標). */
export function blankTable(
  title: string,
  columns: { header: string; width: number }[],
  rows: number,
  rowHeight = 26,
): TBlock {
  const head = 16;
  const colHead = 14;
  const height = head + colHead + rows * rowHeight;
  const draw: TDrawFn = (area, { measurer }) => {
    const total = columns.reduce((a, c) => a + c.width, 0);
    const ops: TOp[] = [
      { op: "rect", x: area.x, y: area.y, w: area.width, h: height, stroke: COLORS.muted, lineWidth: 0.8 },
      { op: "rect", x: area.x, y: area.y, w: area.width, h: head, fill: COLORS.headerFill },
      textOp(measurer, area.x + 6, area.y + 1, title, 9, true, COLORS.text, 14),
    ];
    let x = area.x;
    columns.forEach((c, i) => {
      const w = (c.width / total) * area.width;
      ops.push(textOp(measurer, x + 5, area.y + head, c.header, 7.5, true, COLORS.muted, colHead));
      if (i > 0)
        ops.push({ op: "line", x1: x, y1: area.y + head, x2: x, y2: area.y + height, color: COLORS.rule, width: 0.5 });
      x += w;
    });
    for (let r = 0; r <= rows; r++) {
      const y = area.y + head + colHead + r * rowHeight;
      ops.push({
        op: "line",
        x1: area.x,
        y1: y,
        x2: area.x + area.width,
        y2: y,
        color: r === 0 ? COLORS.muted : COLORS.rule,
        width: r === 0 ? 0.6 : 0.5,
      });
    }
    return ops;
  };
  return { kind: "drawn", height, draw, gapAfter: 7 };
}

export const note = (text: string, gapAfter = 8): TBlock => ({
  kind: "text",
  text,
  size: TYPE.small,
  color: COLORS.muted,
  gapAfter,
});
export const para = (text: string, gapAfter = 6): TBlock => ({ kind: "text", text, size: TYPE.body, gapAfter });
