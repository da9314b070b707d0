"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import {
  REVIEW_FLAG_KINDS,
  leftOutText,
  reviewFlagTopics,
  type TBulkConfirmResult,
  type TReviewFlagKind,
} from "@/lib/prefecture/review-flags";
import { ApiErrorNotice } from "./api-error";
import { useApiAction } from "./use-api-action";

/**
 * Confirms every 提出済 report matching the list's current filter that carries no review flag
 * (outliers, unresolved 照会, unexplained warnings, 前年比大), and says how many were left out and why.
 * `kinds`: the flags the cycle's reports can carry (no outliers on a hub self-assessment).
 */
export function BulkConfirmButton({
  cycleId,
  filter,
  submittedCount,
  flaggedCount = 0,
  kinds = REVIEW_FLAG_KINDS,
}: Readonly<{
  cycleId: string;
  filter: Record<string, string>;
  submittedCount: number;
  flaggedCount?: number;
  kinds?: readonly TReviewFlagKind[];
}>) {
  const { run, pending, error } = useApiAction<TBulkConfirmResult>();
  const [result, setResult] = useState<TBulkConfirmResult | null>(null);
  const n = (v: number) => v.toLocaleString("ja-JP");
  const flags = `目印（${reviewFlagTopics(kinds)}）`;
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={pending || submittedCount === 0}
        onClick={async () => {
          if (
            !window.confirm(
              `この条件に当てはまる提出済の報告 ${n(submittedCount)}件をまとめて確認済みにします。${flaggedCount > 0 ? `${flags}のある ${n(flaggedCount)}件は対象外です。` : ""}よろしいですか？`,
            )
          )
            return;
          const data = await run("POST", `/api/v1/prefecture/cycles/${cycleId}/bulk-confirm`, { filter });
          if (data) setResult(data);
        }}
      >
        {pending ? "処理中…" : `この条件の提出済 ${n(submittedCount)}件をまとめて確認済みにする`}
      </Button>
      {flaggedCount > 0 && (
        <p className="text-sm text-gray-700" data-testid="bulk-flagged-count">
          {flags}のある提出済の報告 {n(flaggedCount)}
          件は、一括確認の対象外です（1件ずつ確認してください）。
        </p>
      )}
      {result && (
        <Notice tone="success">
          <span data-testid="bulk-confirm-result">
            {n(result.confirmed)}件を確認済みにしました。
            {result.flaggedReports > 0 &&
              `目印のある ${n(result.flaggedReports)}件は対象外としました（${leftOutText(result)}）。`}
            {result.notSubmitted > 0 && `提出済でない ${n(result.notSubmitted)}件はそのままです。`}
          </span>
        </Notice>
      )}
      <ApiErrorNotice error={error} />
    </div>
  );
}
