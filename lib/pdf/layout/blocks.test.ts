// @vitest-environment node
import { beforeAll, describe, expect, it } from "vitest";
import { getMeasurer } from "../render";
import { contentBox } from "../theme";
import { paginate, type TBlock, type TTextOp } from "./blocks";
import type { TextMeasurer } from "./measure";

let measurer: TextMeasurer;
beforeAll(async () => {
  measurer = await getMeasurer();
});

const texts = (ops: readonly { op: string }[]) => (ops.filter((o) => o.op === "text") as TTextOp[]).map((o) => o.text);

describe("TextMeasurer", () => {
  it("wraps Japanese without hyphens and within the width", () => {
    const text =
      "かかりつけ医機能報告の内容を協議の場で共有し、圏域の課題と対応策を話し合います。「意向有り」の医療機関は協力の候補です。".repeat(
        3,
      );
    const lines = measurer.wrap(text, 200, 9);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join("")).toBe(text);
    for (const line of lines) {
      expect(measurer.width(line, 9)).toBeLessThanOrEqual(200.01);
      expect(line.startsWith("、") || line.startsWith("。") || line.startsWith("」")).toBe(false);
      expect(line.endsWith("「")).toBe(false);
      expect(line).not.toMatch(/-$/);
    }
  });

  it("cuts a line with an ellipsis only when it does not fit", () => {
    expect(measurer.truncate("丹南", 100, 9)).toBe("丹南");
    const cut = measurer.truncate("医療法人社団さくら会 さくら内科クリニック", 60, 9);
    expect(cut.endsWith("…")).toBe(true);
    expect(measurer.width(cut, 9)).toBeLessThanOrEqual(60);
  });
});

describe("paginate", () => {
  const rows = Array.from({ length: 250 }, (_, i) => ({ cells: [`医療機関${i + 1}`, `${i + 1}`] }));
  const table: TBlock = {
    kind: "table",
    table: {
      caption: "医療機関の一覧",
      columns: [
        { header: "名称", width: 3 },
        { header: "番号", width: 1, align: "right" },
      ],
      rows,
    },
  };

  it("splits a long table across pages with the header and caption repeated, every row once", () => {
    const pages = paginate([{ kind: "heading", level: 1, text: "付録" }, table], { measurer });
    expect(pages.length).toBeGreaterThan(3);
    const all = pages.flatMap((p) => texts(p.ops));
    for (let i = 1; i <= 250; i++) expect(all.filter((t) => t === `医療機関${i}`)).toHaveLength(1);
    pages.forEach((page, i) => {
      const t = texts(page.ops);
      expect(t).toContain("名称");
      expect(t).toContain(i === 0 ? "医療機関の一覧" : "医療機関の一覧（続き）");
    });
    // Nothing is drawn below the content area.
    const box = contentBox("portrait");
    for (const page of pages)
      for (const op of page.ops) if (op.op === "text") expect(op.y).toBeLessThanOrEqual(box.y + box.height);
  });

  it("starts landscape pages on request and resolves contents page numbers after layout", () => {
    const seen: (number | null)[] = [];
    const blocks: TBlock[] = [
      {
        kind: "drawn",
        height: 20,
        draw: (_area, { pageOf }) => {
          seen.push(pageOf("appendix"));
          return [];
        },
      },
      { kind: "pageBreak" },
      { kind: "heading", level: 1, text: "本文" },
      { kind: "pageBreak", orientation: "landscape" },
      { kind: "heading", level: 1, text: "付録", anchor: "appendix" },
      table,
    ];
    const pages = paginate(blocks, { measurer });
    expect(pages[0]!.orientation).toBe("portrait");
    expect(pages[2]!.orientation).toBe("landscape");
    expect(seen).toEqual([3]);
    expect(pages[2]!.anchors.map((a) => a.id)).toEqual(["appendix"]);
  });

  it("keeps a heading together with the start of what follows", () => {
    const filler: TBlock = { kind: "drawn", height: contentBox("portrait").height - 30, draw: () => [] };
    const pages = paginate([filler, { kind: "heading", level: 2, text: "見出し" }, table], { measurer });
    expect(texts(pages[0]!.ops)).not.toContain("見出し");
    expect(texts(pages[1]!.ops)).toContain("見出し");
  });
});
