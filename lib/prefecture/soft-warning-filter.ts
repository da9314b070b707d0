// The review list's badge for the soft-rule warnings a report carried when submitted
// (docs/decisions/0019-soft-rules.md). Pure. The total is every warning the clinic was shown; the
// parts count what is still open, as the review flags do (`warning-unexplained`, `big-change`,
// ADR 0020) — a 前年比大 the officer marked 確認済み（問題なし） is counted apart — so the badge
// and the 目印 column and filter never disagree.
import { ACK_LABEL } from "./review-flag-acks";
import type { TReviewFlagCounts } from "./review-flags";

export type TSoftWarningCounts = {
  total: number;
  unexplained: number;
  bigChange: number;
  /** 前年比大 warnings of the current revision the officer acknowledged (not counted in bigChange). */
  acknowledged?: number;
};

/**
 * The stored warning counts with the open ones taken from the report's review flags (which leave
 * out acknowledged 前年比大 items and count an unexplained warning as the flag filter does).
 */
export function openWarningCounts(
  stored: TSoftWarningCounts | null,
  flags: Pick<TReviewFlagCounts, "warning-unexplained" | "big-change">,
): TSoftWarningCounts | null {
  if (!stored) return null;
  return {
    total: stored.total,
    unexplained: flags["warning-unexplained"],
    bigChange: flags["big-change"],
    acknowledged: Math.max(0, stored.bigChange - flags["big-change"]),
  };
}

/** The words in the list next to the status, e.g. 「確認事項 3（説明未記入 1・前年比大 1・確認済み（問題なし） 1）」; null when none. */
export function softWarningBadgeText(counts: TSoftWarningCounts | null): string | null {
  if (!counts || counts.total === 0) return null;
  const parts = [
    counts.unexplained > 0 ? `説明未記入 ${counts.unexplained}` : null,
    counts.bigChange > 0 ? `前年比大 ${counts.bigChange}` : null,
    counts.acknowledged ? `${ACK_LABEL} ${counts.acknowledged}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `確認事項 ${counts.total}（${parts.join("・")}）` : `確認事項 ${counts.total}`;
}
