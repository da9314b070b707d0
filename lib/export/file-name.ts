// Names of exported files: what, which cycle, which scope, which day, and for CSV the encoding,
// so the UTF-8 and the Shift_JIS copies of one table never overwrite each other in a Downloads
// folder: 回答一覧_令和7年度かかりつけ医機能報告_福井県_2026-12-05_UTF-8.csv. Browsers that cannot
// read the RFC 5987 `filename*` get an ASCII name of the same shape (lib/http/download.ts).
import type { TTableFormat } from "./table-file";

export const ENCODING_SUFFIX: Record<TTableFormat, string | null> = {
  csv: "UTF-8",
  "csv-sjis": "Shift_JIS",
  xlsx: null,
};

export type TFileNameParts = {
  /** What the file holds, in Japanese (回答一覧) and in ASCII (submissions). */
  what: string;
  whatAscii: string;
  /** The cycle's title (令和7年度…) and its fiscal year for the ASCII name; absent for files of no cycle. */
  cycle?: { title: string; fiscalYear: number } | null;
  /** The scope: prefecture or zone name, and an ASCII tag (pref18, zone-…). */
  scope?: { name: string; ascii: string } | null;
  /** The day of the export, "YYYY-MM-DD" in Japan time. */
  date: string;
  format: TTableFormat;
};

export type TFileName = { fileName: string; asciiFileName: string };

/** Characters no file system or browser accepts in a name, and runs of spaces. */
const safe = (part: string) =>
  part
    .normalize("NFC")
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_")
    .replace(/\s+/g, "")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");

const asciiSafe = (part: string) =>
  part
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");

export function exportFileName(parts: TFileNameParts): TFileName {
  const extension = parts.format === "xlsx" ? "xlsx" : "csv";
  const encoding = ENCODING_SUFFIX[parts.format];
  const scopeInTitle = parts.scope && parts.cycle?.title.includes(parts.scope.name);
  const japanese = [
    parts.what,
    parts.cycle?.title,
    scopeInTitle ? null : parts.scope?.name,
    parts.date,
    encoding,
  ].filter((p): p is string => Boolean(p));
  const ascii = [
    parts.whatAscii,
    parts.cycle ? `FY${parts.cycle.fiscalYear}` : null,
    parts.scope?.ascii,
    parts.date,
    encoding,
  ].filter((p): p is string => Boolean(p));
  return {
    fileName: `${japanese.map(safe).join("_")}.${extension}`,
    asciiFileName: `${ascii.map(asciiSafe).join("_")}.${extension}`,
  };
}
