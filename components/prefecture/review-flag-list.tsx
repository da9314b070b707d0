import Link from "next/link";
import { formatDateTime } from "@/lib/domain/wareki";
import {
  REVIEW_FLAG_KINDS,
  REVIEW_FLAG_LABELS,
  reviewFlagKindsFor,
  type TReviewFlagCounts,
  type TReviewFlagFilter,
} from "@/lib/prefecture/review-flags";
import type { getCycleFlagSummary } from "@/lib/data/review-flags";
import { ACK_LABEL } from "@/lib/prefecture/review-flag-acks";
import { OutlierRefreshButton } from "./outlier-refresh-button";

/** The review flags of one row of the submissions list: 「外れ値 2」「照会 回答待ち 1」, or —. */
export function FlagBadges({ flags }: Readonly<{ flags: TReviewFlagCounts }>) {
  const kinds = REVIEW_FLAG_KINDS.filter((kind) => flags[kind] > 0);
  if (kinds.length === 0) return <span className="text-gray-500">—</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="flag-badges">
      {kinds.map((kind) => (
        <span
          key={kind}
          className="whitespace-nowrap rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900"
          data-flag={kind}
        >
          {REVIEW_FLAG_LABELS[kind]} {flags[kind]}
        </span>
      ))}
    </span>
  );
}

/** How many reports carry each flag (each a link to the filtered list), and the last outlier run. */
export function ReviewFlagSummary({
  cycleId,
  isClinic,
  summary,
  hrefFor,
}: Readonly<{
  cycleId: string;
  isClinic: boolean;
  summary: Awaited<ReturnType<typeof getCycleFlagSummary>>;
  hrefFor: (flag: TReviewFlagFilter) => string;
}>) {
  const kinds = reviewFlagKindsFor(isClinic);
  return (
    <div className="space-y-3 text-sm">
      <ul className="flex flex-wrap gap-x-6 gap-y-2" data-testid="flag-summary">
        {kinds.map((kind) => (
          <li key={kind}>
            <Link href={hrefFor(kind)} className="text-teal-800 underline">
              {REVIEW_FLAG_LABELS[kind]}
            </Link>
            ：<span data-flag-count={kind}>{summary.reports[kind].toLocaleString("ja-JP")}</span>件
          </li>
        ))}
      </ul>
      <p className="text-xs text-gray-600">
        報告の画面で{ACK_LABEL}にした外れ値・前年比大は、目印として数えません（報告が修正されると改めて判定されます）。
      </p>
      {isClinic && (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-gray-700">
            外れ値の計算：
            {summary.run
              ? `${formatDateTime(summary.run.finishedAt)}（報告 ${summary.run.submissions.toLocaleString("ja-JP")}件）`
              : "まだ計算されていません"}
            。提出があると自動で再計算されます。
          </p>
          <OutlierRefreshButton cycleId={cycleId} />
        </div>
      )}
    </div>
  );
}
