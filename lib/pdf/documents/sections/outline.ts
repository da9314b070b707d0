// What every sectioned document shares: the built document, a section's first blocks (a page
// break, then a bookmarked heading the contents link to), the cover, and the way a total row and
// a judgement are drawn.
import { KIND_FILTER_LABELS, type TIndicatorComparison } from "@/lib/aggregation";
import type { TSummaryFilter } from "@/lib/summaries/types";
import { JUDGEMENT_TEXTS, judgementTone } from "@/lib/summaries/texts";
import type { TFrame } from "../../components/page";
import type { TBlock, TCell } from "../../layout/blocks";
import { COLORS } from "../../theme";
import { contentsBlock, demoNoticeBlock, factsBlock, type TContentsEntry } from "../common";

export type TBuiltDocument = { frame: TFrame; blocks: TBlock[]; title: string; subject: string };

export type TOrientation = "portrait" | "landscape";

export const sectionAnchor = (key: string) => `sec-${key}`;

/** A new page (portrait unless told) opened by the section's heading, bookmarked and linked from the contents. */
export function sectionStart(key: string, title: string, orientation: TOrientation = "portrait"): TBlock[] {
  return [
    { kind: "pageBreak", orientation },
    { kind: "heading", level: 1, text: title, anchor: sectionAnchor(key), bookmark: true },
  ];
}

export type TCoverInput = {
  /** "福井県　令和7年度". */
  overline: string;
  title: string;
  subtitle: string;
  /** Big name under the title (the zone) and the line under it, when the document is about one place. */
  name?: { text: string; detail: string };
  /** The fictional-data notice, when the cycle is a demo. */
  demoNotice: string | null;
  facts: [string, string][];
  contents: TContentsEntry[];
  /** A small gap between the facts and the contents. */
  spacedContents: boolean;
};

/** The cover: place and year, the title, the facts of the count and the contents with page numbers. */
export function coverBlocks(cover: TCoverInput): TBlock[] {
  const blocks: TBlock[] = [
    { kind: "text", text: cover.overline, size: 12, color: COLORS.muted, gapAfter: 2 },
    { kind: "text", text: cover.title, size: 24, bold: true, color: COLORS.accent, gapAfter: 2 },
    { kind: "text", text: cover.subtitle, size: 10.5, gapAfter: cover.name ? 18 : 16 },
  ];
  if (cover.name)
    blocks.push(
      { kind: "text", text: cover.name.text, size: 30, bold: true, gapAfter: 0 },
      { kind: "text", text: cover.name.detail, size: 10, color: COLORS.muted, gapAfter: 16 },
    );
  if (cover.demoNotice) blocks.push(demoNoticeBlock(cover.demoNotice));
  blocks.push(factsBlock(cover.facts));
  if (cover.spacedContents) blocks.push({ kind: "spacer", height: 8 });
  blocks.push({ kind: "heading", level: 2, text: "目次" }, contentsBlock(cover.contents));
  return blocks;
}

/** A judgement in its words (lib/summaries/texts.ts): a 課題の候補 in bold red, a 参考値 in amber. */
export function judgementCell(comparison: TIndicatorComparison | undefined): TCell {
  if (!comparison) return "—";
  const text = JUDGEMENT_TEXTS[comparison.judgement];
  const tone = judgementTone(comparison.judgement);
  if (tone === "bad") return { text, color: COLORS.bad, bold: true };
  return { text, color: tone === "warn" ? COLORS.warn : COLORS.muted };
}

/** Which reports were counted, for the cover and every page's footnote. */
export const filterLabelOf = (filter: Pick<TSummaryFilter, "kind" | "confirmedOnly">, submittedDetail = "") =>
  `${KIND_FILTER_LABELS[filter.kind]}・${filter.confirmedOnly ? "確認済みの報告のみ" : `提出済みの報告すべて${submittedDetail}`}`;
