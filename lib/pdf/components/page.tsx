// One laid-out page as a react-pdf <Page>: a single <Canvas> draws the page frame (header, footer
// with "n / total", the 架空のデモデータ mark) and every text/table operation; charts are react-pdf
// SVG placed at their computed position; contents entries are links to heading anchors.
import { Canvas, Link, Page, View } from "@react-pdf/renderer";
import { alignedText, textOp, type TLaidOutPage, type TOp } from "../layout/blocks";
import { drawOps, type TPainter } from "../layout/draw";
import type { TextMeasurer } from "../layout/measure";
import { COLORS, MARGIN, pageSize } from "../theme";

export type TFrame = {
  /** Left of the header, e.g. "令和7年度 協議の場資料 丹南". */
  title: string;
  /** Right of the header, e.g. "福井県". */
  owner: string;
  /** Left of the footer, e.g. "作成 令和7年11月21日". */
  footnote: string;
  isDemo: boolean;
  /** Page numbers and the footnote (a one-page notice for patients goes without). */
  footer?: boolean;
};

export const DEMO_LABEL = "架空のデモデータ";

/** Header and footer operations of a page. */
export function frameOps(
  measurer: TextMeasurer,
  frame: TFrame,
  page: TLaidOutPage,
  pageNumber: number,
  totalPages: number,
): TOp[] {
  const { width, height } = pageSize(page.orientation);
  const ops: TOp[] = [];
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const headerTop = 22;
  if (page.chrome) {
    let titleRight = right;
    if (frame.isDemo) {
      const label = DEMO_LABEL;
      const w = measurer.width(label, 8, true) + 12;
      ops.push({
        op: "rect",
        x: right - w,
        y: headerTop - 2,
        w,
        h: 15,
        fill: "#ffffff",
        stroke: COLORS.demo,
        lineWidth: 1,
      });
      ops.push(alignedText(measurer, label, right - w, w, headerTop - 1, 8, true, COLORS.demo, 13, "center"));
      titleRight = right - w - 8;
    }
    const owner = measurer.truncate(frame.owner, 160, 8);
    const ownerWidth = measurer.width(owner, 8);
    ops.push(textOp(measurer, titleRight - ownerWidth, headerTop, owner, 8, false, COLORS.muted, 12));
    ops.push(
      textOp(
        measurer,
        left,
        headerTop,
        measurer.truncate(frame.title, titleRight - ownerWidth - left - 16, 8),
        8,
        false,
        COLORS.muted,
        12,
      ),
    );
    ops.push({
      op: "line",
      x1: left,
      y1: headerTop + 17,
      x2: right,
      y2: headerTop + 17,
      color: COLORS.rule,
      width: 0.6,
    });
  }
  if (frame.footer === false) return ops;
  const footerTop = height - MARGIN.bottom + 18;
  const numbers = `${pageNumber} / ${totalPages}`;
  const numbersWidth = measurer.width(numbers, 8);
  const brand = frame.isDemo ? `${DEMO_LABEL}・Renkei` : "Renkei";
  const brandWidth = measurer.width(brand, 7);
  // The footnote takes what the centred page number leaves on the left.
  const footnoteWidth = (right - left) / 2 - numbersWidth / 2 - 12;
  ops.push({
    op: "line",
    x1: left,
    y1: footerTop - 4,
    x2: right,
    y2: footerTop - 4,
    color: COLORS.ruleLight,
    width: 0.5,
  });
  ops.push(alignedText(measurer, numbers, left, right - left, footerTop, 8, false, COLORS.text, 12, "center"));
  if (frame.footnote)
    ops.push(
      textOp(
        measurer,
        left,
        footerTop + 0.5,
        measurer.truncate(frame.footnote, footnoteWidth, 6.5),
        6.5,
        false,
        COLORS.muted,
        12,
      ),
    );
  ops.push(
    textOp(measurer, right - brandWidth, footerTop, brand, 7, false, frame.isDemo ? COLORS.demo : COLORS.muted, 12),
  );
  return ops;
}

export function LaidOutPage({
  page,
  frame,
  pageNumber,
  totalPages,
  measurer,
}: Readonly<{ page: TLaidOutPage; frame: TFrame; pageNumber: number; totalPages: number; measurer: TextMeasurer }>) {
  const { width, height } = pageSize(page.orientation);
  const ops = [...frameOps(measurer, frame, page, pageNumber, totalPages), ...page.ops];
  const faces = measurer.faces;
  return (
    <Page size="A4" orientation={page.orientation} bookmark={page.bookmarks[0]} style={{ position: "relative" }}>
      {/* fixed: the full-page canvas is the page itself, never something to split across pages. */}
      <Canvas
        fixed
        style={{ position: "absolute", top: 0, left: 0, width, height }}
        paint={(painter: TPainter) => {
          drawOps(painter, ops, faces);
          return null;
        }}
      />
      {page.charts.map((chart, i) => (
        <View
          key={`c${i}`}
          style={{ position: "absolute", top: chart.y, left: chart.x, width: chart.width, height: chart.height }}
        >
          {chart.element}
        </View>
      ))}
      {page.anchors.map((anchor) => (
        <View
          key={anchor.id}
          id={anchor.id}
          style={{ position: "absolute", top: anchor.y, left: MARGIN.left, width: 1, height: 1 }}
        />
      ))}
      {page.links.map((link, i) => (
        <Link
          key={`l${i}`}
          src={`#${link.anchor}`}
          style={{ position: "absolute", top: link.y, left: link.x, width: link.width, height: link.height }}
        >
          <View style={{ width: link.width, height: link.height }} />
        </Link>
      ))}
    </Page>
  );
}
