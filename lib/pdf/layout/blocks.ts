// The documents' page layout: a document is a list of blocks (headings, paragraphs, tables,
// charts, drawn boxes) that `paginate` packs into A4 pages — splitting paragraphs by line and
// tables by row with the header repeated on every page — and turns into drawing operations.
//
// Every page is laid out here, not by react-pdf, so the number of pages is known before anything
// is rendered: page numbers ("3 / 24") and the contents page's numbers are plain text, and a
// 1,000-row appendix costs a few hundred milliseconds instead of seconds (see measure.ts).
import type { ReactElement } from "react";
import { COLORS, contentBox, TYPE, type TOrientation } from "../theme";
import type { TextMeasurer } from "./measure";
import { drawTable, measureTable, textOp } from "./table";

export { alignedText, textOp } from "./table";

// ---- Drawing operations (page coordinates, points, origin top-left) ------------------------------

export type TTextOp = { op: "text"; x: number; y: number; text: string; size: number; bold: boolean; color: string };
export type TRectOp = {
  op: "rect";
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
  stroke?: string;
  lineWidth?: number;
};
export type TLineOp = {
  op: "line";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  dash?: number;
};
export type TOp = TTextOp | TRectOp | TLineOp;

export type TArea = { x: number; y: number; width: number; height: number };

// ---- Blocks ---------------------------------------------------------------------------------------

export type TCellStyle = { color?: string; bold?: boolean; fill?: string };
export type TCell = string | ({ text: string } & TCellStyle);
export type TRow = { cells: TCell[]; bold?: boolean; fill?: string };

export type TColumn = {
  header: string;
  /** Relative width (the columns share the content width in proportion). */
  width: number;
  align?: "left" | "right" | "center";
  /** Let long text wrap onto more lines (default) or cut it with "…" to keep rows one line high. */
  wrap?: boolean;
};

export type TTableSpec = {
  columns: TColumn[];
  rows: TRow[];
  /** Font size of the cells (default TYPE.table). */
  size?: number;
  /** Shown above the table, and as "…（続き）" above its continuation on the next page. */
  caption?: string;
  /** Shaded alternate rows (long lists). */
  zebra?: boolean;
  /** Rows that must stay together with the header at the bottom of a page (default 3). */
  minRows?: number;
  /** Text when there are no rows. */
  empty?: string;
  /** false: no header row (key–value lists). */
  header?: boolean;
};

/** Draws into the given area; `pageOf` resolves an anchor to its page number (contents pages). */
export type TDrawContext = {
  pageOf: (anchor: string) => number | null;
  measurer: TextMeasurer;
  /** Makes a rectangle of the page a link to a heading anchor (contents entries). */
  link: (area: TArea, anchor: string) => void;
};
export type TDrawFn = (area: TArea, context: TDrawContext) => TOp[];

export type TBlock =
  | { kind: "heading"; text: string; level: 1 | 2 | 3; anchor?: string; bookmark?: boolean }
  | {
      kind: "text";
      text: string;
      size?: number;
      bold?: boolean;
      color?: string;
      indent?: number;
      gapAfter?: number;
      /** A shaded box around the paragraph (notes, explanations). */
      fill?: string;
      border?: string;
    }
  | { kind: "table"; table: TTableSpec; gapAfter?: number }
  | { kind: "chart"; height: number; render: (width: number, height: number) => ReactElement; gapAfter?: number }
  | { kind: "drawn"; height: number; draw: TDrawFn; gapAfter?: number }
  | { kind: "spacer"; height: number }
  | { kind: "pageBreak"; orientation?: TOrientation };

// ---- Laid-out pages -------------------------------------------------------------------------------

export type TChartPlacement = { x: number; y: number; width: number; height: number; element: ReactElement };
export type TLinkPlacement = { x: number; y: number; width: number; height: number; anchor: string };

export type TLaidOutPage = {
  orientation: TOrientation;
  ops: TOp[];
  charts: TChartPlacement[];
  links: TLinkPlacement[];
  /** Link destinations on this page (heading anchors) with their y. */
  anchors: { id: string; y: number }[];
  /** PDF outline entries starting on this page. */
  bookmarks: string[];
  /** Whether the header and footer are drawn (not on the cover of a notice, for example). */
  chrome: boolean;
};

export type TPaginateOptions = {
  measurer: TextMeasurer;
  orientation?: TOrientation;
  /** Pages (e.g. a cover) laid out by the caller that come before the blocks. */
};

const HEADING = {
  1: { size: TYPE.h1, before: 0, after: 10, rule: true },
  2: { size: TYPE.h2, before: 12, after: 6, rule: false },
  3: { size: TYPE.h3, before: 8, after: 4, rule: false },
} as const;

const GAP = 8;

type TPending = { page: TLaidOutPage; draws: { area: TArea; draw: TDrawFn }[] };

/**
 * Packs blocks into pages. Drawn blocks are materialised after every page exists, so a contents
 * block can print the page numbers of headings that come after it.
 */
export function paginate(blocks: readonly TBlock[], options: TPaginateOptions): TLaidOutPage[] {
  const layout = new PageLayout(options.measurer, options.orientation ?? "portrait");
  blocks.forEach((block, index) => layout.place(block, blocks[index + 1]));
  return layout.finish();
}

/** The state of pagination: the pages so far, the current page's content box and the offset in it. */
class PageLayout {
  private readonly pages: TPending[] = [];
  private current: TPending | null = null;
  private box: TArea;
  /** Offset from the current page's content top. */
  private y = 0;
  private readonly anchorPages = new Map<string, number>();

  constructor(
    private readonly measurer: TextMeasurer,
    private orientation: TOrientation,
  ) {
    this.box = contentBox(orientation);
  }

  place(block: TBlock, next: TBlock | undefined): void {
    switch (block.kind) {
      case "pageBreak":
        return this.pageBreak(block.orientation ?? this.orientation);
      case "spacer":
        if (this.current !== null && this.y > 0) this.y = Math.min(this.box.height, this.y + block.height);
        return;
      case "heading":
        return this.heading(block, next);
      case "text":
        return this.text(block);
      case "table":
        return this.table(block);
      case "chart":
        return this.chart(block);
      case "drawn":
        return this.drawn(block);
    }
  }

  /** Materialises the drawn blocks once every page exists (a contents block needs later page numbers). */
  finish(): TLaidOutPage[] {
    if (this.pages.length === 0) this.newPage();
    const pageOf = (anchor: string) => this.anchorPages.get(anchor) ?? null;
    for (const pending of this.pages) {
      const link = (area: TArea, anchor: string) => pending.page.links.push({ ...area, anchor });
      for (const { area, draw } of pending.draws)
        pending.page.ops.push(...draw(area, { pageOf, measurer: this.measurer, link }));
    }
    return this.pages.map((p) => p.page);
  }

  private newPage(): TPending {
    this.current = {
      page: {
        orientation: this.orientation,
        ops: [],
        charts: [],
        links: [],
        anchors: [],
        bookmarks: [],
        chrome: true,
      },
      draws: [],
    };
    this.pages.push(this.current);
    this.box = contentBox(this.orientation);
    this.y = 0;
    return this.current;
  }

  private page(): TPending {
    return this.current ?? this.newPage();
  }

  private remaining(): number {
    return this.box.height - this.y;
  }

  /** A new page unless `height` still fits (or nothing is on the page yet). */
  private ensure(height: number): void {
    if (this.current === null || (this.y > 0 && height > this.remaining())) this.newPage();
  }

  private pageBreak(wanted: TOrientation): void {
    if (this.current !== null && (this.y > 0 || wanted !== this.orientation)) {
      this.orientation = wanted;
      this.newPage();
      return;
    }
    this.orientation = wanted;
    if (this.current !== null) {
      this.current.page.orientation = wanted;
      this.box = contentBox(wanted);
    }
  }

  private textLines(block: Extract<TBlock, { kind: "text" }>) {
    const size = block.size ?? TYPE.body;
    const pad = block.fill || block.border ? 6 : 0;
    const width = this.box.width - (block.indent ?? 0) - pad * 2;
    return { size, pad, lines: this.measurer.wrap(block.text, width, size, block.bold ?? false) };
  }

  private headingHeight(block: Extract<TBlock, { kind: "heading" }>): number {
    const spec = HEADING[block.level];
    const lines = this.measurer.wrap(block.text, this.box.width, spec.size, true).length;
    return lines * lineHeight(spec.size) + spec.after + (spec.rule ? 3 : 0);
  }

  /** The least height a block needs at the top of its first page (keeps a heading with its content). */
  private minimumHeight(block: TBlock | undefined): number {
    if (!block) return 0;
    switch (block.kind) {
      case "heading":
        return this.headingHeight(block);
      case "text": {
        const { size, pad, lines } = this.textLines(block);
        return Math.min(lines.length, 2) * lineHeight(size) + pad * 2;
      }
      case "table": {
        const layout = measureTable(block.table, this.box.width, this.measurer);
        const first = layout.rowHeights.slice(0, block.table.minRows ?? 3).reduce((a, h) => a + h, 0);
        return (
          layout.captionHeight + layout.headerHeight + (layout.rowHeights.length === 0 ? layout.emptyHeight : first)
        );
      }
      case "chart":
      case "drawn":
        return block.height;
      default:
        return 0;
    }
  }

  private heading(block: Extract<TBlock, { kind: "heading" }>, next: TBlock | undefined): void {
    const spec = HEADING[block.level];
    const before = this.y > 0 ? spec.before : 0;
    this.ensure(before + this.headingHeight(block) + this.minimumHeight(next));
    const { page } = this.page();
    if (this.y > 0) this.y += spec.before;
    const lines = this.measurer.wrap(block.text, this.box.width, spec.size, true);
    const top = this.box.y + this.y;
    if (block.anchor) {
      page.anchors.push({ id: block.anchor, y: top });
      this.anchorPages.set(block.anchor, this.pages.length);
    }
    if (block.bookmark) page.bookmarks.push(block.text);
    const color = spec.rule ? COLORS.accent : COLORS.text;
    const height = lineHeight(spec.size);
    lines.forEach((line, i) =>
      page.ops.push(textOp(this.measurer, this.box.x, top + i * height, line, spec.size, true, color, height)),
    );
    this.y += lines.length * height;
    if (spec.rule) {
      const ruleY = this.box.y + this.y + 1;
      page.ops.push({
        op: "line",
        x1: this.box.x,
        y1: ruleY,
        x2: this.box.x + this.box.width,
        y2: ruleY,
        color: COLORS.accent,
        width: 1.2,
      });
      this.y += 3;
    }
    this.y += spec.after;
  }

  /** Text flows over pages, at least two lines together, each page's part in its own box. */
  private text(block: Extract<TBlock, { kind: "text" }>): void {
    const { size, pad, lines } = this.textLines(block);
    const height = lineHeight(size);
    let at = 0;
    while (at < lines.length) {
      this.ensure(Math.min(lines.length - at, 2) * height + pad * 2);
      const { page } = this.page();
      const fit = Math.max(1, Math.floor((this.remaining() - pad * 2) / height));
      const take = lines.slice(at, at + fit);
      const x = this.box.x + (block.indent ?? 0);
      const top = this.box.y + this.y;
      const boxHeight = take.length * height + pad * 2;
      if (block.fill || block.border) {
        const w = this.box.width - (block.indent ?? 0);
        page.ops.push({
          op: "rect",
          x,
          y: top,
          w,
          h: boxHeight,
          fill: block.fill,
          stroke: block.border,
          lineWidth: 0.6,
        });
      }
      const color = block.color ?? COLORS.text;
      take.forEach((line, i) =>
        page.ops.push(
          textOp(this.measurer, x + pad, top + pad + i * height, line, size, block.bold ?? false, color, height),
        ),
      );
      this.y += boxHeight;
      at += take.length;
      if (at < lines.length) this.newPage();
    }
    this.y += block.gapAfter ?? GAP * 0.75;
  }

  /** A table splits between rows, repeating its header; at least `minRows` rows go with the header. */
  private table(block: Extract<TBlock, { kind: "table" }>): void {
    const layout = measureTable(block.table, this.box.width, this.measurer);
    const rowCount = layout.rowHeights.length;
    let at = 0;
    let first = true;
    do {
      const minRows = Math.min(block.table.minRows ?? 3, rowCount - at);
      const minRowsHeight = layout.rowHeights.slice(at, at + Math.max(minRows, 0)).reduce((a, h) => a + h, 0);
      this.ensure(layout.captionHeight + layout.headerHeight + (rowCount === 0 ? layout.emptyHeight : minRowsHeight));
      const { page } = this.page();
      let rows = 0;
      let height = layout.captionHeight + layout.headerHeight;
      while (at + rows < rowCount && height + layout.rowHeights[at + rows]! <= this.remaining() + 0.01) {
        height += layout.rowHeights[at + rows]!;
        rows++;
      }
      if (rows === 0 && rowCount > 0) {
        // A single row taller than a page: place it anyway (cut at the page edge).
        rows = 1;
        height += layout.rowHeights[at]!;
      }
      if (rowCount === 0) height += layout.emptyHeight;
      const area = { x: this.box.x, y: this.box.y + this.y, width: this.box.width };
      page.ops.push(...drawTable(block.table, layout, at, at + rows, area, first, this.measurer));
      this.y += height;
      at += rows;
      first = false;
      if (at < rowCount) this.newPage();
    } while (at < rowCount);
    this.y += block.gapAfter ?? GAP;
  }

  private chart(block: Extract<TBlock, { kind: "chart" }>): void {
    this.ensure(block.height);
    const { page } = this.page();
    const { x, width } = this.box;
    page.charts.push({
      x,
      y: this.box.y + this.y,
      width,
      height: block.height,
      element: block.render(width, block.height),
    });
    this.y += block.height + (block.gapAfter ?? GAP);
  }

  private drawn(block: Extract<TBlock, { kind: "drawn" }>): void {
    this.ensure(block.height);
    const area = { x: this.box.x, y: this.box.y + this.y, width: this.box.width, height: block.height };
    this.page().draws.push({ area, draw: block.draw });
    this.y += block.height + (block.gapAfter ?? GAP);
  }
}

const lineHeight = (size: number) => size * TYPE.lineHeight;
