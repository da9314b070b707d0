// Replays drawing operations on react-pdf's <Canvas> painter (a thin wrapper around pdfkit).
// Text goes out as plain runs in the same embedded Noto Sans JP that react-pdf uses: the painter
// is handed the very fontkit objects of react-pdf's font store, so pdfkit recognises the font and
// the PDF embeds one subset per weight, and pdftotext reads the text like any other.
import type { TOp } from "./blocks";
import type { TFontFace } from "./measure";

/** The pdfkit methods react-pdf's Canvas painter exposes that we use. */
export type TPainter = {
  save(): TPainter;
  restore(): TPainter;
  font(font: unknown, size?: number): TPainter;
  fontSize(size: number): TPainter;
  text(text: string, x: number, y: number, options?: Record<string, unknown>): TPainter;
  fillColor(color: string): TPainter;
  strokeColor(color: string): TPainter;
  lineWidth(width: number): TPainter;
  rect(x: number, y: number, w: number, h: number): TPainter;
  fill(color?: string): TPainter;
  stroke(color?: string): TPainter;
  fillAndStroke(fill?: string, stroke?: string): TPainter;
  moveTo(x: number, y: number): TPainter;
  lineTo(x: number, y: number): TPainter;
  dash(length: number, options?: Record<string, unknown>): TPainter;
};

export function drawOps(painter: TPainter, ops: readonly TOp[], faces: { regular: TFontFace; bold: TFontFace }): void {
  let font: "regular" | "bold" | null = null;
  let size = -1;
  let fill = "";
  for (const op of ops) {
    switch (op.op) {
      case "rect": {
        if (op.fill && op.stroke) {
          painter
            .lineWidth(op.lineWidth ?? 0.5)
            .rect(op.x, op.y, op.w, op.h)
            .fillAndStroke(op.fill, op.stroke);
          fill = "";
        } else if (op.fill) {
          painter.rect(op.x, op.y, op.w, op.h).fill(op.fill);
          fill = "";
        } else if (op.stroke) {
          painter
            .lineWidth(op.lineWidth ?? 0.5)
            .rect(op.x, op.y, op.w, op.h)
            .stroke(op.stroke);
        }
        break;
      }
      case "line": {
        painter.save().lineWidth(op.width);
        if (op.dash) painter.dash(op.dash, { space: op.dash });
        painter.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).stroke(op.color);
        painter.restore();
        break;
      }
      case "text": {
        const wanted = op.bold ? "bold" : "regular";
        // pdfkit's font() compares the font's name tables on every call (~40 µs); switch faces
        // only when the face changes and sizes with fontSize().
        if (wanted !== font) {
          painter.font(faces[wanted], op.size);
          font = wanted;
          size = op.size;
        } else if (op.size !== size) {
          painter.fontSize(op.size);
          size = op.size;
        }
        if (op.color !== fill) {
          painter.fillColor(op.color);
          fill = op.color;
        }
        // lineBreak false: we broke the lines ourselves; pdfkit would otherwise wrap at the page edge.
        painter.text(op.text, op.x, op.y, { lineBreak: false, baseline: "alphabetic" });
        break;
      }
    }
  }
}
