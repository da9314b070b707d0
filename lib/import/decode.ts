// Bytes → text. Officers' CSV files come from Excel in two encodings: 「CSV UTF-8（コンマ区切り）」
// (UTF-8 with a BOM) and 「CSV（コンマ区切り）」 (Shift_JIS, in fact Windows CP932 with its NEC/IBM
// extensions such as ① and 髙). Anything else (UTF-16 「Unicode テキスト」, EUC-JP from old Unix
// systems, binaries) is refused with a message saying how to re-save, never decoded into mojibake.
import iconv from "iconv-lite";
import { issue, type TImportIssue } from "./issues";

/** Largest file accepted, checked before anything is decoded or parsed. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type TDetectedEncoding = "utf-8" | "utf-8-bom" | "shift_jis";

/** How the preview names the detected encoding. */
export const ENCODING_LABELS: Readonly<Record<TDetectedEncoding, string>> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8（BOM付き）",
  shift_jis: "Shift_JIS",
};

export const REENCODE_HINT =
  "UTF-8 または Shift_JIS（Excel の「CSV UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」）で保存し直してください。";

const MB = 1024 * 1024;

function formatMegabytes(bytes: number): string {
  const value = bytes / MB;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

/** Refuses an oversized file before any work is done on it (a 200 MB upload must not be decoded). */
export function checkFileSize(byteLength: number, limit = MAX_IMPORT_BYTES): TImportIssue | null {
  if (byteLength <= limit) return null;
  return issue(
    null,
    "file_too_large",
    `ファイルのサイズ（${formatMegabytes(byteLength)}）が上限（${formatMegabytes(limit)}）を超えています。ファイルを分割するか、不要な列やシートを削除してから読み込んでください。`,
  );
}

export type TSniffedFormat = "zip" | "ole" | "pdf" | "text";

/** What the bytes are, whatever the file is called: an .xlsx renamed to .csv is still a ZIP. */
export function sniffFormat(bytes: Uint8Array): TSniffedFormat {
  const startsWith = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  // Local file header, empty archive, spanned archive.
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0x50, 0x4b, 0x05, 0x06) || startsWith(0x50, 0x4b, 0x07, 0x08)) {
    return "zip";
  }
  // OLE2 compound file: Excel 97-2003 .xls, and also password-protected .xlsx.
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return "ole";
  if (startsWith(0x25, 0x50, 0x44, 0x46)) return "pdf";
  return "text";
}

export type TDecodeResult =
  { ok: true; text: string; encoding: TDetectedEncoding } | { ok: false; issue: TImportIssue };

const encodingError = (message: string): TDecodeResult => ({ ok: false, issue: issue(null, "encoding", message) });

const UTF16_MESSAGE =
  "UTF-16 で保存されたファイル（Excel の「Unicode テキスト」など）は読み込めません。Excel で「CSV UTF-8（コンマ区切り）」を選んで保存し直してください。";

/** 1-based line of a character offset, so an encoding error can point at the broken line. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

// C0 controls other than tab, LF, CR never occur in a spreadsheet's CSV; they mean binary data.
// Trailing SUB (0x1A, the DOS end-of-file mark some old tools append) is tolerated and dropped.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u0019\u001B-\u001F\u007F]|\u001A(?!\u001A*$)/;

function checkControls(text: string): TDecodeResult | null {
  const match = CONTROL_CHARS.exec(text);
  if (!match) return null;
  return encodingError(
    `文字コードを判別できません（${lineAt(text, match.index)}行目に文字として読めないデータがあります）。CSV（テキスト）ではない可能性があります。${REENCODE_HINT}`,
  );
}

const HALF_WIDTH_KATAKANA = /[\uFF61-\uFF9F]/g;
const NON_ASCII = /[^\u0000-\u007F]/g;

const EUC_JP_MESSAGE = `EUC-JP で保存されたファイルのようです。このシステムでは読み込めません。${REENCODE_HINT}`;

/** Decodes as EUC-JP without an invalid byte and holds Japanese text (not just ASCII). */
function isCleanEucJp(bytes: Uint8Array): boolean {
  const text = iconv.decode(bytes, "euc-jp");
  return !text.includes("\uFFFD") && /[\u3040-\u30FF\u4E00-\u9FFF]/.test(text);
}

/**
 * EUC-JP bytes mostly fall in 0xA1–0xFE, which CP932 reads as half-width katakana, so EUC-JP can
 * "decode" as Shift_JIS without a single invalid byte. Real Shift_JIS rosters are mostly kanji;
 * text that is mainly half-width katakana and is also clean EUC-JP is taken to be EUC-JP.
 */
function looksLikeEucJp(bytes: Uint8Array, cp932Text: string): boolean {
  const nonAscii = cp932Text.match(NON_ASCII)?.length ?? 0;
  if (nonAscii === 0) return false;
  const halfWidth = cp932Text.match(HALF_WIDTH_KATAKANA)?.length ?? 0;
  return halfWidth / nonAscii > 0.5 && isCleanEucJp(bytes);
}

/**
 * UTF-8 with a few broken bytes (a file cut mid-character, or two files pasted together) would
 * otherwise fall through to CP932 and be read as mojibake. Mostly-valid UTF-8 is reported as such.
 */
function brokenUtf8(bytes: Uint8Array): TDecodeResult | null {
  const text = new TextDecoder("utf-8").decode(bytes);
  const invalid = text.split("\uFFFD").length - 1;
  const valid = (text.match(NON_ASCII)?.length ?? 0) - invalid;
  if (valid < 20 || invalid > Math.max(3, valid / 100)) return null;
  return encodingError(
    `UTF-8 のファイルですが、${lineAt(text, text.indexOf("\uFFFD"))}行目に文字として読めないデータがあります。元のファイルから ${REENCODE_HINT}`,
  );
}

/**
 * A file whose first Japanese text is valid UTF-8 but which later stops being UTF-8 (two files
 * pasted together, one saved as Shift_JIS) is reported at the first line that is not UTF-8, the
 * place the officer must look — not at line 1, where reading it all as Shift_JIS would fail.
 */
function mixedEncodings(bytes: Uint8Array): TDecodeResult | null {
  const strict = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let sawUtf8Text = false;
  let start = 0;
  while (start <= bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const slice = bytes.subarray(start, end === -1 ? bytes.length : end);
    try {
      if (/[^\u0000-\u007F]/.test(strict.decode(slice))) sawUtf8Text = true;
    } catch {
      if (!sawUtf8Text) return null;
      return encodingError(
        `${line}行目から UTF-8 ではない文字（Shift_JIS など）が混ざっています。1つのファイルは1つの文字コードで保存してください。${REENCODE_HINT}`,
      );
    }
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return null;
}

/** Decodes CSV bytes: UTF-8 (with or without BOM), else CP932; anything that does not decode cleanly is refused. */
export function decodeText(bytes: Uint8Array): TDecodeResult {
  if (bytes.length === 0) return { ok: false, issue: issue(null, "file_empty", "ファイルが空です。") };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return encodingError(UTF16_MESSAGE);
  }

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;

  // NUL never appears in UTF-8 or Shift_JIS text. In UTF-16 without a BOM every ASCII character
  // has a NUL byte, all on the same side of the pair (odd offsets for LE, even for BE).
  if (body.indexOf(0) !== -1) {
    let even = 0;
    let odd = 0;
    for (let i = 0; i < Math.min(body.length, 65536); i++) {
      if (body[i] === 0) {
        if (i % 2 === 0) even++;
        else odd++;
      }
    }
    const utf16 = Math.max(even, odd) >= 4 && Math.min(even, odd) <= Math.max(even, odd) / 20;
    return encodingError(
      utf16 ? UTF16_MESSAGE : `文字コードを判別できません。CSV（テキスト）ではない可能性があります。${REENCODE_HINT}`,
    );
  }

  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    return (
      checkControls(text) ?? { ok: true, text: text.replace(/\u001A+$/, ""), encoding: hasBom ? "utf-8-bom" : "utf-8" }
    );
  } catch {
    // Not UTF-8: fall through to Shift_JIS below.
  }
  if (hasBom) {
    return encodingError(
      `UTF-8（BOM付き）のファイルですが、正しく読み取れない文字があります。元のファイルから ${REENCODE_HINT}`,
    );
  }
  const broken = brokenUtf8(body) ?? mixedEncodings(body);
  if (broken) return broken;

  const text = iconv.decode(body, "cp932");
  const bad = text.indexOf("\uFFFD");
  if (bad !== -1 && isCleanEucJp(body)) return encodingError(EUC_JP_MESSAGE);
  if (bad !== -1) {
    return encodingError(
      `文字コードを判別できません（${lineAt(text, bad)}行目に UTF-8 としても Shift_JIS としても読めない文字があります）。${REENCODE_HINT}`,
    );
  }
  if (looksLikeEucJp(body, text)) {
    return encodingError(EUC_JP_MESSAGE);
  }
  return checkControls(text) ?? { ok: true, text: text.replace(/\u001A+$/, ""), encoding: "shift_jis" };
}
