// Answers as people read them (receipts, diffs, reviews, PDFs): codes become their labels,
// numbers get units and separators. Pure; shared by screens and documents.
import type { TGroupField, TItem } from "./definition";
import { isEmptyAnswer, type TAnswerValue, type TGroupRow, type TPartner } from "./answers";
import { periodText, referencePeriodLabel } from "./respondent-view";

export const UNANSWERED = "（未回答）";

export function formatAnswer(item: TItem | TGroupField, value: TAnswerValue): string {
  if (isEmptyAnswer(value)) return UNANSWERED;
  switch (item.type) {
    case "single":
      return item.options.find((o) => o.code === value)?.label ?? `（不明なコード: ${String(value)}）`;
    case "multi":
      return (value as string[]).map((code) => item.options.find((o) => o.code === code)?.label ?? code).join("、");
    case "yesno":
      return value === true ? item.yesLabel : item.noLabel;
    case "integer":
    case "decimal":
      return typeof value === "number"
        ? `${value.toLocaleString("ja-JP", { maximumFractionDigits: item.type === "decimal" ? item.decimals : 0 })}${item.unit ?? ""}`
        : String(value);
    case "text":
    case "date":
      return String(value);
    case "partners":
      return (value as TPartner[]).map((p) => (p.code ? `${p.name}（${p.code}）` : p.name)).join("、");
    case "group":
      return (value as TGroupRow[])
        .map(
          (row, i) => `${i + 1}. ${item.fields.map((f) => `${f.label}: ${formatAnswer(f, row[f.key])}`).join(" / ")}`,
        )
        .join("\n");
  }
}

/** The legend for ★ items, shown wherever they are listed (form, receipt, PDFs). */
export const STAR_LEGEND = "★は1号機能の要件となる項目です（★の項目をすべて満たすと1号機能「有り」）。";

/**
 * An item's heading where answers are listed: 「(イ)1 ★院内掲示…」 and its date or period in words.
 * Respondent definitions carry the words already; a reviewer's full definition gives the cycle's
 * 年度 to compute them from `reference`.
 */
export function itemHeading(item: TItem | TGroupField, fiscalYear?: number): { label: string; period: string | null } {
  const period = item.reference && fiscalYear ? referencePeriodLabel(item.reference, fiscalYear) : item.period;
  return {
    label: `${item.officialNo ? `${item.officialNo} ` : ""}${item.star ? "★" : ""}${item.label}`,
    period: period ? periodText(period) : null,
  };
}

export type TGroupTable = { header: string[]; rows: string[][] };

/**
 * A repeating group (the hub's PDCA 課題 → 対応策 → 指標 → …) as a table: one column per field,
 * one row per entry, so receipts, council pages and PDFs show it as a table, not a run-on cell.
 */
export function groupTable(item: Extract<TItem, { type: "group" }>, value: TAnswerValue): TGroupTable {
  const rows = Array.isArray(value) ? (value as TGroupRow[]) : [];
  return {
    header: item.fields.map((f) => f.label),
    rows: rows.map((row) => item.fields.map((f) => (isEmptyAnswer(row[f.key]) ? "—" : formatAnswer(f, row[f.key])))),
  };
}
