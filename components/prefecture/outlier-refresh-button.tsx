"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiErrorNotice } from "./api-error";
import { useApiAction } from "./use-api-action";

/** Queues the cycle's outlier computation now (it runs in the background, off this request). */
export function OutlierRefreshButton({ cycleId }: Readonly<{ cycleId: string }>) {
  const { run, pending, error } = useApiAction<{ queued: boolean }>();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="space-y-1">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={async () => {
          const data = await run("POST", `/api/v1/prefecture/cycles/${cycleId}/outliers`, {});
          if (data)
            setMessage(
              data.queued
                ? "再計算を受け付けました。しばらくしてから画面を再読み込みしてください。"
                : "再計算はすでに予定されています。",
            );
        }}
      >
        外れ値を再計算する
      </Button>
      {message && (
        <p role="status" className="text-xs text-gray-700">
          {message}
        </p>
      )}
      <ApiErrorNotice error={error} />
    </div>
  );
}
