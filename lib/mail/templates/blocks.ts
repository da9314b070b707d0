// A mail is a list of blocks, rendered three ways from the one wording: plain text, HTML (the same
// text, escaped, links clickable) and the letter for post (lib/mail/letters.tsx draws the blocks in
// a PDF). Pure: no React, no Node APIs.

export type TMailBlock =
  /** A paragraph; "\n" inside breaks the line. */
  | { p: string }
  /** A link on its own line (URLs are written in full: letters are read on paper). */
  | { link: string; label?: string }
  /** Quoted text from the officer (e.g. the 差戻し comment), kept as written. */
  | { quote: string; label: string }
  /** Label–value lines (the deadline, the login ID …). */
  | { facts: readonly (readonly [string, string])[] };

export type TRenderedMail = { subject: string; text: string; html: string; blocks: readonly TMailBlock[] };

/** The prefecture as sender: its name, and what the officer wrote in the mail settings. */
export type TMailSender = {
  prefectureName: string;
  /** e.g. 福井県 健康福祉部 地域医療課 */
  senderName: string;
  /** Phone, address, hours — one or more lines. */
  contact: string;
  /** Free closing lines (may be empty). */
  signature: string;
};

const FOOTER_NOTE = "このメールは Renkei（連携）から送信しています。返信ではなく、下記の問い合わせ先にご連絡ください。";

export function signatureBlocks(sender: TMailSender): TMailBlock[] {
  const lines = [sender.senderName, sender.contact.trim(), sender.signature.trim()].filter((l) => l.length > 0);
  return [{ p: "――――――――――――――――――――" }, { p: lines.join("\n") }, { p: FOOTER_NOTE }];
}

function blockText(block: TMailBlock): string {
  if ("p" in block) return block.p;
  if ("link" in block) return block.label ? `${block.label}\n${block.link}` : block.link;
  if ("quote" in block)
    return `${block.label}\n${block.quote
      .split("\n")
      .map((line) => `＞ ${line}`)
      .join("\n")}`;
  return block.facts.map(([label, value]) => `${label}: ${value}`).join("\n");
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const lines = (value: string) => escapeHtml(value).replace(/\n/g, "<br>");

function blockHtml(block: TMailBlock): string {
  if ("p" in block) return `<p>${lines(block.p)}</p>`;
  if ("link" in block) {
    const href = escapeHtml(block.link);
    return `<p>${block.label ? `${lines(block.label)}<br>` : ""}<a href="${href}">${href}</a></p>`;
  }
  if ("quote" in block)
    return `<p>${lines(block.label)}</p><blockquote style="margin:0 0 1em;padding:0.5em 1em;border-left:4px solid #0f766e;background:#f0fdfa">${lines(block.quote)}</blockquote>`;
  return `<table style="border-collapse:collapse;margin:0 0 1em">${block.facts
    .map(
      ([label, value]) =>
        `<tr><th style="text-align:left;padding:2px 12px 2px 0;font-weight:bold">${escapeHtml(label)}</th><td style="padding:2px 0">${lines(value)}</td></tr>`,
    )
    .join("")}</table>`;
}

/** Text and HTML of the blocks; the HTML is the same words (no image, no tracking). */
export function renderBlocks(subject: string, blocks: readonly TMailBlock[]): TRenderedMail {
  const text = blocks.map(blockText).join("\n\n") + "\n";
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.7;color:#111827">${blocks.map(blockHtml).join("\n")}</body></html>`;
  return { subject, text, html, blocks };
}
