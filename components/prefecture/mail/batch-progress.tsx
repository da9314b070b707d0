"use client";
import { useEffect, useState } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { callApi } from "@/lib/http/client";

export type TBatchView = {
  id: string;
  label: string;
  createdAt: string;
  total: number;
  done: number;
  counts: Record<string, number>;
};

const STATUS_WORDS: [string, string][] = [
  ["SENT", "送信済"],
  ["SKIPPED", "送信不要"],
  ["BOUNCED", "宛先不明"],
  ["FAILED", "失敗"],
  ["QUEUED", "送信待ち"],
  ["SENDING", "送信中"],
];

type TServerBatch = Omit<TBatchView, "label" | "createdAt"> & {
  kind: string;
  scheduleKey: string | null;
  createdAt: string;
};

/** The latest bulk sends with a progress bar each, polled every 2 seconds while one is still sending. */
export function BatchProgress({
  cycleId,
  initial,
  labels,
}: Readonly<{ cycleId: string; initial: TBatchView[]; labels: Record<string, string> }>) {
  const [batches, setBatches] = useState(initial);
  // A send made on this page refreshes the server data: take the new list (with the new batch).
  useEffect(() => setBatches(initial), [initial]);
  const running = batches.some((b) => b.done < b.total);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const result = await callApi<{ batches: TServerBatch[] }>(
        "GET",
        `/api/v1/prefecture/cycles/${cycleId}/mail/batches`,
      );
      if (!result.ok) return;
      setBatches((current) =>
        result.data.batches.map((b) => ({
          ...b,
          label: current.find((c) => c.id === b.id)?.label ?? labels[b.kind] ?? b.kind,
          createdAt: current.find((c) => c.id === b.id)?.createdAt ?? new Date(b.createdAt).toLocaleString("ja-JP"),
        })),
      );
    }, 2000);
    return () => clearInterval(timer);
  }, [running, cycleId, labels]);
  if (batches.length === 0) return <p className="text-sm text-gray-600">まだ一括送信はありません。</p>;
  return (
    <ul className="space-y-4" aria-live="polite">
      {batches.map((b) => {
        const percent = b.total === 0 ? 100 : Math.round((b.done / b.total) * 100);
        return (
          <li key={b.id} data-testid="mail-batch">
            <p className="text-sm">
              <span className="font-medium">{b.label}</span>（{b.createdAt}）: {b.done.toLocaleString("ja-JP")} /{" "}
              {b.total.toLocaleString("ja-JP")}通 {b.done < b.total ? "送信中" : "完了"}
            </p>
            <div className="mt-1">
              <ProgressBar label={`${b.label}の進み具合`} percent={percent} />
            </div>
            <p className="mt-1 text-xs text-gray-700">
              {STATUS_WORDS.filter(([s]) => (b.counts[s] ?? 0) > 0)
                .map(([s, word]) => `${word} ${b.counts[s]}`)
                .join("・") || "—"}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
