// @vitest-environment node
import { describe, expect, it } from "vitest";
import { jaHyphenationCallback } from "./hyphenation";
import { segments } from "./layout/measure";

/** The pieces between break opportunities (what can end up alone at a line start or end). */
const pieces = (word: string) => segments(word);

describe("jaHyphenationCallback", () => {
  it("returns words without Japanese whole (no hyphenation of codes, numbers or English)", () => {
    expect(jaHyphenationCallback("1810601011")).toEqual(["1810601011"]);
    expect(jaHyphenationCallback("R7-1A2B3C4D-02")).toEqual(["R7-1A2B3C4D-02"]);
    expect(jaHyphenationCallback("information")).toEqual(["information"]);
  });

  it("puts an empty syllable between Japanese characters, so breaks there draw no hyphen", () => {
    const parts = jaHyphenationCallback("協議の場");
    expect(parts.filter((p) => p !== "")).toEqual(["協", "議", "の", "場"]);
    // Every other element is an empty break opportunity; none of the parts is a hyphen.
    expect(parts.filter((_, i) => i % 2 === 1).every((p) => p === "")).toBe(true);
    expect(parts.join("")).toBe("協議の場");
    expect(parts.some((p) => p.includes("-"))).toBe(false);
  });

  it("keeps closing punctuation, small kana and the prolonged sound mark off the line start (行頭禁則)", () => {
    expect(pieces("報告する。次に")).toEqual(["報", "告", "す", "る。", "次", "に"]);
    expect(pieces("チェック")).toEqual(["チェッ", "ク"]);
    expect(pieces("センター")).toEqual(["セ", "ン", "ター"]);
    expect(pieces("有り（自院）、")).toEqual(["有", "り", "（自", "院）、"]);
  });

  it("keeps opening brackets off the line end (行末禁則)", () => {
    const p = pieces("「かかりつけ医」");
    expect(p[0]).toBe("「か");
    expect(p.at(-1)).toBe("医」");
    expect(p.every((piece) => !piece.endsWith("「") && !piece.endsWith("（"))).toBe(true);
  });

  it("keeps runs of digits and Latin letters together inside Japanese text", () => {
    expect(pieces("有り27/29件（93.1%）")).toEqual(["有", "り", "27/29", "件", "（93.1%）"]);
    expect(pieces("令和7年度")).toEqual(["令", "和", "7", "年", "度"]);
    expect(pieces("1号機能")).toEqual(["1", "号", "機", "能"]);
  });

  it("handles characters outside the BMP (𠮷) as one character", () => {
    expect(pieces("𠮷野家")).toEqual(["𠮷", "野", "家"]);
  });

  it("offers no break after a trailing opening bracket", () => {
    const parts = jaHyphenationCallback("内容（");
    expect(parts.at(-1)).not.toBe("");
  });
});
