"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "./api-error";
import { useApiAction } from "./use-api-action";

/** Confirms every 提出済 report matching the list's current filter, and says how many. */
export function BulkConfirmButton({
  cycleId,
  filter,
  submittedCount,
}: Readonly<{ cycleId: string; filter: Record<string, string>; submittedCount: number }>) {
  const { run, pending, error } = useApiAction<{ confirmed: number; notSubmitted: number }>();
  const [result, setResult] = useState<{ confirmed: number; notSubmitted: number } | null>(null);
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        disabled={pending || submittedCount === 0}
        onClick={async () => {
          if (
            !window.confirm(
              `この条件に当てはまる提出済の報告 ${submittedCount.toLocaleString("ja-JP")}件をまとめて確認済みにします。よろしいですか？`,
            )
          )
            return;
          const data = await run("POST", `/api/v1/prefecture/cycles/${cycleId}/bulk-confirm`, { filter });
          if (data) setResult(data);
        }}
      >
        {pending ? "処理中…" : `この条件の提出済 ${submittedCount.toLocaleString("ja-JP")}件をまとめて確認済みにする`}
      </Button>
      {result && (
        <Notice tone="success">
          {result.confirmed.toLocaleString("ja-JP")}件を確認済みにしました。
          {result.notSubmitted > 0 && `提出済でない ${result.notSubmitted.toLocaleString("ja-JP")}件はそのままです。`}
        </Notice>
      )}
      <ApiErrorNotice error={error} />
    </div>
  );
}
