"use client";
import { useEffect, useState } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { callApi } from "@/lib/http/client";
import {
  mailBatchView,
  MISSED_ROUND_TEXT,
  type TMailBatchSource,
  type TMailBatchView,
} from "@/lib/summaries/mail-batches";

/** The latest bulk sends with a progress bar each, polled every 2 seconds while one is still sending. */
export function BatchProgress({ cycleId, initial }: Readonly<{ cycleId: string; initial: TMailBatchView[] }>) {
  const [batches, setBatches] = useState(initial);
  // A send made on this page refreshes the server data: take the new list (with the new batch).
  useEffect(() => setBatches(initial), [initial]);
  const running = batches.some((b) => b.done < b.total);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const result = await callApi<{ batches: TMailBatchSource[] }>(
        "GET",
        `/api/v1/prefecture/cycles/${cycleId}/mail/batches`,
      );
      if (result.ok) setBatches(result.data.batches.map(mailBatchView));
    }, 2000);
    return () => clearInterval(timer);
  }, [running, cycleId]);
  if (batches.length === 0) return <p className="text-sm text-gray-600">まだ一括送信はありません。</p>;
  return (
    <ul className="space-y-4" aria-live="polite">
      {batches.map((b) => {
        const percent = b.total === 0 ? 100 : Math.round((b.done / b.total) * 100);
        return (
          <li key={b.id} data-testid="mail-batch">
            <p className="text-sm">
              <span className="font-medium">{b.label}</span>（{b.createdAt}・{b.startedBy}）:{" "}
              {b.missed ? (
                MISSED_ROUND_TEXT
              ) : (
                <>
                  {b.done.toLocaleString("ja-JP")} / {b.total.toLocaleString("ja-JP")}通{" "}
                  {b.done < b.total ? "送信中" : "完了"}
                </>
              )}
            </p>
            {!b.missed && (
              <>
                <div className="mt-1">
                  <ProgressBar label={`${b.label}の進み具合`} percent={percent} />
                </div>
                <p className="mt-1 text-xs text-gray-700">{b.countsText}</p>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
