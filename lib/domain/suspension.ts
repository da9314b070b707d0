// 休院: an institution closed (休院) on the 1 January its cycle's 体制 items refer to is outside
// that cycle's denominator (対象) — the report's 報告対象 excludes it (kakaritsuke-report-digest
// §"Who reports", index item Q8). The roster records the 休院日 and the reason.

/** The 1 January the cycle refers to: 令和8年度 (fiscal year 2026), reported early 2027 → 2027-01-01. */
export function referenceDateOf(fiscalYear: number): string {
  return `${fiscalYear + 1}-01-01`;
}

/** Whether the institution is 休院 for the cycle of this fiscal year. */
export function isSuspendedFor(institution: { suspendedSince: string | null }, fiscalYear: number): boolean {
  return institution.suspendedSince !== null && institution.suspendedSince <= referenceDateOf(fiscalYear);
}

/** How the denominator was narrowed, shown next to 対象: 「休院（1月1日時点）2件を除く」. */
export function suspendedNote(count: number): string {
  return `休院（1月1日時点）${count.toLocaleString("ja-JP")}件を除く`;
}
