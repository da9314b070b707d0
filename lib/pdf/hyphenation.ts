// Japanese line breaking for @react-pdf/renderer.
//
// react-pdf breaks lines only at spaces or between the "syllables" a hyphenation callback returns,
// and when it breaks between two syllables it draws a "-" at the line end. Japanese has no spaces,
// so without help a paragraph either overflows or gets stray hyphens inside words. The way out:
// return an EMPTY syllable between break opportunities. textkit turns an empty syllable into a
// zero-width glue node, and K&P always prefers breaking at that glue (no penalty, no hyphen width)
// over the hyphen penalty just before it, so lines break there without a hyphen.
//
// Basic 禁則 on top: no line starts with closing punctuation, small kana or the prolonged sound
// mark, no line ends with an opening bracket, and runs of Latin letters and digits ("4.2%",
// "R7-1A2B", "1,234") stay whole. Words without Japanese are returned whole: codes, numbers and
// URLs must never be hyphenated either.

/** Characters that must not begin a line (行頭禁則). */
const NO_LINE_START = new Set(
  Array.from(
    "、。，．,.:;：；!?！？)）]］}｝〕〉》」』】〙〗〟’”ゝゞーｰ〜～‐゠–・･%％°′″℃" +
      "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ヽヾ",
  ),
);
/** Characters that must not end a line (行末禁則). */
const NO_LINE_END = new Set(Array.from("(（[［{｛〔〈《「『【〘〖〝‘“¥￥$＄#＃〒№"));

/** Any kana, kanji, CJK punctuation or full-width form: the word needs Japanese breaking. */
const JAPANESE =
  /[\u3000-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff]/u;

/** Tokens: a run of ASCII/full-width letters and digits (with . , - + / % : inside) or one character. */
const TOKENS = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９][A-Za-z0-9Ａ-Ｚａ-ｚ０-９.,\-+/%:]*|[\s\S]/gu;

export function jaHyphenationCallback(word: string): string[] {
  if (!JAPANESE.test(word)) return [word];
  const parts: string[] = [];
  for (const token of word.match(TOKENS) ?? [word]) {
    const previous = parts[parts.length - 1];
    // Glue the token to the previous part when a break between them would violate 禁則.
    if (previous !== undefined && (NO_LINE_START.has(token[0]!) || NO_LINE_END.has(lastChar(previous)))) {
      parts[parts.length - 1] = previous + token;
    } else {
      parts.push(token);
    }
  }
  const out: string[] = [];
  for (const part of parts) {
    out.push(part, "");
  }
  // A trailing break opportunity too: text nodes are often split into runs (nested <Text> with
  // another style), and textkit would otherwise offer only a hyphenated break at the run boundary.
  // Not after an opening bracket (行末禁則).
  if (NO_LINE_END.has(lastChar(parts[parts.length - 1] ?? ""))) out.pop();
  return out;
}

function lastChar(s: string): string {
  const chars = Array.from(s);
  return chars[chars.length - 1] ?? "";
}
