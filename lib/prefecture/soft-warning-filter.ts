// The review list's filter on the soft-rule warnings a report carried when submitted
// (docs/decisions/0019-soft-rules.md). Pure: labels for the select, values for the URL.
// (The outlier and 照会 flags of the review are separate filters.)

export const SOFT_WARNING_FILTERS = ["any", "unexplained", "bigChange"] as const;
export type TSoftWarningFilter = (typeof SOFT_WARNING_FILTERS)[number];

export const SOFT_WARNING_FILTER_LABELS: Record<TSoftWarningFilter, string> = {
  any: "確認事項あり",
  unexplained: "注意あり・説明未記入",
  bigChange: "前年比大",
};

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
