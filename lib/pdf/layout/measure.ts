// Text measuring and line breaking for the documents' own layout (layout/blocks.ts).
//
// Why our own: react-pdf lays out every <Text> through textkit + yoga, ~0.5 ms a cell, and its
// page splitting re-lays out everything that remains on every page break; a 1,000-institution
// appendix took 5–16 s that way. Tables and prose are instead measured here from the font's
// advance widths and drawn as plain text runs (layout/draw.ts), which is ~20× faster and lets us
// paginate ourselves: the page count is known before rendering, so "n / total" and the contents
// page's page numbers are plain text.
//
// Break opportunities come from the same hyphenation callback react-pdf uses (spaces, and the
// empty syllables between Japanese characters with 禁則 applied), so both break alike: never a "-".
import { jaHyphenationCallback } from "../hyphenation";

/** The part of a fontkit font we read (the object react-pdf's font store loads). */
export type TFontFace = {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
};

export type TFaces = { regular: TFontFace; bold: TFontFace };

const ELLIPSIS = "…";

export class TextMeasurer {
  private readonly advances = { regular: new Map<number, number>(), bold: new Map<number, number>() };
  // fontkit recomputes these getters from its tables on every access.
  private readonly metrics: Record<"regular" | "bold", { unitsPerEm: number; ascent: number; descent: number }>;

  constructor(readonly faces: TFaces) {
    const read = (f: TFontFace) => ({ unitsPerEm: f.unitsPerEm, ascent: f.ascent, descent: f.descent });
    this.metrics = { regular: read(faces.regular), bold: read(faces.bold) };
  }

  private face(bold: boolean): TFontFace {
    return bold ? this.faces.bold : this.faces.regular;
  }

  /** Width of a single line of text in points. */
  width(text: string, size: number, bold = false): number {
    const face = this.face(bold);
    const cache = bold ? this.advances.bold : this.advances.regular;
    const unitsPerEm = this.metrics[bold ? "bold" : "regular"].unitsPerEm;
    let units = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let advance = cache.get(cp);
      if (advance === undefined) {
        advance = face.glyphForCodePoint(cp).advanceWidth;
        cache.set(cp, advance);
      }
      units += advance;
    }
    return (units * size) / unitsPerEm;
  }

  /** Where the baseline sits in a line box of `lineHeight` (the em box centred vertically). */
  baseline(size: number, lineHeight: number, bold = false): number {
    const m = this.metrics[bold ? "bold" : "regular"];
    const ascent = (m.ascent * size) / m.unitsPerEm;
    const descent = (-m.descent * size) / m.unitsPerEm;
    return (lineHeight - (ascent + descent)) / 2 + ascent;
  }

  /** The text broken into lines no wider than `maxWidth` (explicit "\n" kept). */
  wrap(text: string, maxWidth: number, size: number, bold = false): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split("\n")) {
      if (paragraph === "") {
        lines.push("");
        continue;
      }
      let line = "";
      let lineWidth = 0;
      const flush = () => {
        lines.push(line.trimEnd());
        line = "";
        lineWidth = 0;
      };
      for (const segment of segments(paragraph)) {
        const isSpace = segment.trim() === "";
        if (isSpace && line === "") continue; // no leading spaces on a new line
        const w = this.width(segment, size, bold);
        if (lineWidth + w <= maxWidth + 0.01) {
          line += segment;
          lineWidth += w;
          continue;
        }
        if (isSpace) {
          flush();
          continue;
        }
        if (line !== "") flush();
        if (w <= maxWidth) {
          line = segment;
          lineWidth = w;
          continue;
        }
        // A single unbreakable segment wider than the line (a long code or URL): break anywhere.
        for (const ch of segment) {
          const cw = this.width(ch, size, bold);
          if (lineWidth + cw > maxWidth && line !== "") flush();
          line += ch;
          lineWidth += cw;
        }
      }
      if (line !== "" || lines.length === 0) flush();
    }
    return lines;
  }

  /** One line, cut with "…" when wider than `maxWidth`. */
  truncate(text: string, maxWidth: number, size: number, bold = false): string {
    if (this.width(text, size, bold) <= maxWidth) return text;
    const budget = maxWidth - this.width(ELLIPSIS, size, bold);
    let out = "";
    let w = 0;
    for (const ch of text) {
      const cw = this.width(ch, size, bold);
      if (w + cw > budget) break;
      out += ch;
      w += cw;
    }
    return out + ELLIPSIS;
  }
}

/**
 * A paragraph as break-separated segments: runs of spaces, and the syllables of each word from
 * the hyphenation callback (its empty strings mark the break opportunities).
 */
export function segments(paragraph: string): string[] {
  const out: string[] = [];
  for (const piece of paragraph.split(/( +)/)) {
    if (piece === "") continue;
    if (piece.trim() === "") {
      out.push(piece);
      continue;
    }
    let current = "";
    for (const syllable of jaHyphenationCallback(piece)) {
      if (syllable === "") {
        if (current !== "") out.push(current);
        current = "";
      } else {
        current += syllable;
      }
    }
    if (current !== "") out.push(current);
  }
  return out;
}
