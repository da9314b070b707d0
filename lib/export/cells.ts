// Typed cells of an exported table. A table row holds what the figure *is* (a count, a rate, an
// instant, a text), not how it reads, so the .xlsx writer can store numbers as numbers, rates as
// numbers with a percent format and instants as dates, and the CSV writer and the screens word
// them. Pure and dependency-free: imported by lib/summaries, lib/prefecture and lib/export.

/** A share (0–1) written as a percentage: 0.123 → 12.3 % in .xlsx, "12.3" in CSV and on screen. */
export type TPercentCell = { kind: "percent"; fraction: number };
/** An instant, shown in Japan time (date and minute). */
export type TDateCell = { kind: "datetime"; at: Date };

export type TCell = string | number | null | undefined | TPercentCell | TDateCell;

export const percentCell = (fraction: number | null | undefined): TPercentCell | null =>
  fraction === null || fraction === undefined || !Number.isFinite(fraction) ? null : { kind: "percent", fraction };

export const dateTimeCell = (at: Date | null | undefined): TDateCell | null => (at ? { kind: "datetime", at } : null);

export const isPercentCell = (cell: TCell): cell is TPercentCell =>
  typeof cell === "object" && cell !== null && cell.kind === "percent";

export const isDateCell = (cell: TCell): cell is TDateCell =>
  typeof cell === "object" && cell !== null && cell.kind === "datetime";

const JST_OFFSET_MS = 9 * 3600_000;

/** "2026/01/05 09:30" in Japan time: the form Excel reads as a date when it opens a CSV. */
export function plainDateTime(at: Date): string {
  const iso = new Date(at.getTime() + JST_OFFSET_MS).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 16)}`;
}

/** The percentage a share is written as, one decimal: 0.1234 → "12.3". */
export const percentText = (fraction: number) => (fraction * 100).toFixed(1);

/**
 * A cell as plain text, the way the CSV holds it: numbers without separators (so a spreadsheet
 * reads them as numbers), shares as percentages with one decimal, instants as "YYYY/MM/DD hh:mm".
 */
export function cellPlainText(cell: TCell): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  if (isPercentCell(cell)) return percentText(cell.fraction);
  return plainDateTime(cell.at);
}

/** The Date whose UTC fields are Japan's wall clock: what an .xlsx date serial must encode. */
export const excelWallClock = (at: Date) => new Date(at.getTime() + JST_OFFSET_MS);
