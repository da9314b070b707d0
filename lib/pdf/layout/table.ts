// Tables and text runs as drawing operations: a table measured once (every row's height, so
// pagination can split it between rows) and drawn a page's slice at a time with its header
// repeated; text placed by its font metrics (measure.ts).
import { COLORS, TYPE } from "../theme";
import type { TCell, TCellStyle, TOp, TTableSpec, TTextOp } from "./blocks";
import type { TextMeasurer } from "./measure";

const CELL_PAD_X = 3;
const CELL_PAD_Y = 2.2;
const TABLE_LINE = 1.3;
const CAPTION_SIZE = 8.5;

type TCellLayout = { lines: string[]; style: TCellStyle };
export type TTableLayout = {
  widths: number[];
  size: number;
  lineHeight: number;
  captionHeight: number;
  headerHeight: number;
  header: string[][];
  rows: TCellLayout[][];
  rowHeights: number[];
  emptyHeight: number;
};

const cellText = (cell: TCell | undefined): string =>
  cell === undefined ? "" : typeof cell === "string" ? cell : cell.text;
const cellStyle = (cell: TCell | undefined): TCellStyle => (cell === undefined || typeof cell === "string" ? {} : cell);

export function measureTable(table: TTableSpec, width: number, measurer: TextMeasurer): TTableLayout {
  const size = table.size ?? TYPE.table;
  const lh = size * TABLE_LINE;
  const total = table.columns.reduce((a, c) => a + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * width);
  const inner = (i: number) => Math.max(4, widths[i]! - CELL_PAD_X * 2);
  const header = table.columns.map((c, i) => measurer.wrap(c.header, inner(i), size, true));
  const headerHeight = table.header === false ? 0 : Math.max(1, ...header.map((l) => l.length)) * lh + CELL_PAD_Y * 2;
  const rows = table.rows.map((row) =>
    table.columns.map((column, i): TCellLayout => {
      const cell = row.cells[i];
      const style = cellStyle(cell);
      const bold = style.bold ?? row.bold ?? false;
      const text = cellText(cell);
      const lines =
        column.wrap === false
          ? [measurer.truncate(text, inner(i), size, bold)]
          : measurer.wrap(text, inner(i), size, bold);
      return { lines, style: { ...style, bold } };
    }),
  );
  const rowHeights = rows.map((cells) => Math.max(1, ...cells.map((c) => c.lines.length)) * lh + CELL_PAD_Y * 2);
  const captionHeight = table.caption ? CAPTION_SIZE * TYPE.lineHeight + 2 : 0;
  return {
    widths,
    size,
    lineHeight: lh,
    captionHeight,
    headerHeight,
    header,
    rows,
    rowHeights,
    emptyHeight: lh + CELL_PAD_Y * 2,
  };
}

export function drawTable(
  table: TTableSpec,
  layout: TTableLayout,
  from: number,
  to: number,
  at: { x: number; y: number; width: number },
  first: boolean,
  measurer: TextMeasurer,
): TOp[] {
  const ops: TOp[] = [];
  let y = at.y;
  if (table.caption) {
    const caption = first ? table.caption : `${table.caption}（続き）`;
    ops.push(textOp(measurer, at.x, y, caption, CAPTION_SIZE, true, COLORS.text, CAPTION_SIZE * TYPE.lineHeight));
    y += layout.captionHeight;
  }
  const size = layout.size;
  const lh = layout.lineHeight;
  const xs: number[] = [];
  layout.widths.reduce((x, w) => {
    xs.push(x);
    return x + w;
  }, at.x);
  // Header (repeated on every page the table runs onto)
  if (table.header !== false) {
    ops.push({ op: "rect", x: at.x, y, w: at.width, h: layout.headerHeight, fill: COLORS.headerFill });
    layout.header.forEach((lines, i) => {
      const column = table.columns[i]!;
      lines.forEach((line, k) => {
        ops.push(
          alignedText(
            measurer,
            line,
            xs[i]!,
            layout.widths[i]!,
            y + CELL_PAD_Y + k * lh,
            size,
            true,
            COLORS.text,
            lh,
            column.align ?? "left",
          ),
        );
      });
    });
  }
  ops.push({ op: "line", x1: at.x, y1: y, x2: at.x + at.width, y2: y, color: COLORS.muted, width: 0.7 });
  y += layout.headerHeight;
  ops.push({ op: "line", x1: at.x, y1: y, x2: at.x + at.width, y2: y, color: COLORS.muted, width: 0.7 });
  if (layout.rows.length === 0) {
    ops.push(
      textOp(measurer, at.x + CELL_PAD_X, y + CELL_PAD_Y, table.empty ?? "該当なし", size, false, COLORS.muted, lh),
    );
    y += layout.emptyHeight;
    ops.push({ op: "line", x1: at.x, y1: y, x2: at.x + at.width, y2: y, color: COLORS.rule, width: 0.5 });
    return ops;
  }
  for (let r = from; r < to; r++) {
    const height = layout.rowHeights[r]!;
    const row = table.rows[r]!;
    const fill = row.fill ?? (table.zebra && (r - from) % 2 === 1 ? COLORS.zebra : undefined);
    if (fill) ops.push({ op: "rect", x: at.x, y, w: at.width, h: height, fill });
    layout.rows[r]!.forEach((cell, i) => {
      if (cell.style.fill)
        ops.push({ op: "rect", x: xs[i]!, y, w: layout.widths[i]!, h: height, fill: cell.style.fill });
      const column = table.columns[i]!;
      cell.lines.forEach((line, k) => {
        ops.push(
          alignedText(
            measurer,
            line,
            xs[i]!,
            layout.widths[i]!,
            y + CELL_PAD_Y + k * lh,
            size,
            cell.style.bold ?? false,
            cell.style.color ?? COLORS.text,
            lh,
            column.align ?? "left",
          ),
        );
      });
    });
    y += height;
    ops.push({
      op: "line",
      x1: at.x,
      y1: y,
      x2: at.x + at.width,
      y2: y,
      color: r === to - 1 ? COLORS.muted : COLORS.ruleLight,
      width: r === to - 1 ? 0.7 : 0.4,
    });
  }
  return ops;
}

// ---- Text helpers --------------------------------------------------------------------------------------

/** A text run whose line box starts at `top` (the baseline is computed from the font). */
export function textOp(
  measurer: TextMeasurer,
  x: number,
  top: number,
  text: string,
  size: number,
  bold: boolean,
  color: string,
  lineHeight = size * TYPE.lineHeight,
): TTextOp {
  return { op: "text", x, y: top + measurer.baseline(size, lineHeight, bold), text, size, bold, color };
}

export function alignedText(
  measurer: TextMeasurer,
  text: string,
  x: number,
  width: number,
  top: number,
  size: number,
  bold: boolean,
  color: string,
  lineHeight: number,
  align: "left" | "right" | "center",
): TTextOp {
  const w = align === "left" ? 0 : measurer.width(text, size, bold);
  const left =
    align === "right" ? x + width - CELL_PAD_X - w : align === "center" ? x + (width - w) / 2 : x + CELL_PAD_X;
  return textOp(measurer, left, top, text, size, bold, color, lineHeight);
}
