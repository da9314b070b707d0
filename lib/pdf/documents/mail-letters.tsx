// Letters for post: the cycle's 案内 or 督促 as they would be mailed, one respondent a page (or
// more), for a prefecture without a mail server (docs/decisions/0021-cycle-mail.md). The words are
// the mail's own blocks (lib/mail/templates), under a postal address block.
import type { TMailBlock } from "@/lib/mail/templates/blocks";
import type { TFrame } from "../components/page";
import type { TBlock } from "../layout/blocks";
import type { TextMeasurer } from "../layout/measure";
import type { TMailLettersInput } from "../props";
import { COLORS } from "../theme";

function mailBlock(block: TMailBlock): TBlock[] {
  if ("p" in block) return [{ kind: "text", text: block.p, gapAfter: 8 }];
  if ("link" in block)
    return [
      ...(block.label ? [{ kind: "text" as const, text: block.label, bold: true, gapAfter: 2 }] : []),
      { kind: "text", text: block.link, color: COLORS.accent, gapAfter: 8 },
    ];
  if ("quote" in block)
    return [
      { kind: "text", text: block.label, bold: true, gapAfter: 2 },
      { kind: "text", text: block.quote, fill: "#f0fdfa", border: COLORS.accent, gapAfter: 8 },
    ];
  return [{ kind: "text", text: block.facts.map(([l, v]) => `${l}: ${v}`).join("\n"), indent: 12, gapAfter: 8 }];
}

export function buildMailLetters(input: TMailLettersInput, _measurer: TextMeasurer) {
  const frame: TFrame = {
    title: input.title,
    owner: input.prefectureName,
    footnote: `作成 ${input.dateLabel}`,
    isDemo: input.isDemo,
  };
  const blocks: TBlock[] = [];
  input.letters.forEach((letter, i) => {
    if (i > 0) blocks.push({ kind: "pageBreak" });
    blocks.push(
      { kind: "text", text: letter.addressLines.join("\n"), size: 11, gapAfter: 14 },
      { kind: "text", text: input.dateLabel, size: 10, color: COLORS.muted, gapAfter: 10 },
      { kind: "heading", level: 2, text: letter.subject },
      ...letter.blocks.flatMap(mailBlock),
    );
  });
  return { frame, blocks, title: input.title, subject: input.title };
}
