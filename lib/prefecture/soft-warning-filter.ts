// The review list's badge for the soft-rule warnings a report carried when submitted
// (docs/decisions/0019-soft-rules.md): every warning, explained ones included. Pure. Filtering and
// ranking by warnings is the review flags' job (`warning-unexplained`, `big-change`, ADR 0020).

export type TSoftWarningCounts = { total: number; unexplained: number; bigChange: number };

/** The words in the list next to the status, e.g. 「説明未記入 1・前年比大 2」; null when none. */
export function softWarningBadgeText(counts: TSoftWarningCounts | null): string | null {
  if (!counts || counts.total === 0) return null;
  const parts = [
    counts.unexplained > 0 ? `説明未記入 ${counts.unexplained}` : null,
    counts.bigChange > 0 ? `前年比大 ${counts.bigChange}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `確認事項 ${counts.total}（${parts.join("・")}）` : `確認事項 ${counts.total}`;
}
