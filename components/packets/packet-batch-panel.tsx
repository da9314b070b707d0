"use client";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "@/components/prefecture/api-error";
import { callApi } from "@/lib/http/client";
import type { TApiError } from "@/lib/http/types";
import type { TDocumentJobProgress } from "@/lib/data/document-jobs";
import { ProgressBar } from "@/components/ui/progress-bar";

const POLL_MS = 800;

const STATUS_LABELS: Record<TDocumentJobProgress["status"], string> = {
  QUEUED: "作成待ち",
  RUNNING: "作成中",
  SUCCEEDED: "完了",
  FAILED: "失敗",
  EXPIRED: "保存期間切れ",
};

const sizeText = (bytes: number | null) =>
  bytes === null
    ? ""
    : bytes >= 1024 * 1024
      ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
      : `${Math.max(1, Math.round(bytes / 1024))} KB`;

const timeText = (iso: string) =>
  new Intl.DateTimeFormat("ja-JP", {
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Tokyo",
  }).format(new Date(iso));

/**
 * 全圏域を一括作成 (ZIP): queues the batch on the server (it keeps running if this page is closed)
 * and follows its progress until the ZIP can be downloaded.
 */
export function PacketBatchPanel({
  cycleId,
  schemeId,
  kind,
  confirmed,
  zoneCount,
  initialJobs,
}: Readonly<{
  cycleId: string;
  schemeId: string;
  kind: string | null;
  confirmed: boolean;
  zoneCount: number;
  initialJobs: TDocumentJobProgress[];
}>) {
  const active = initialJobs.find((j) => j.status === "QUEUED" || j.status === "RUNNING") ?? null;
  const [job, setJob] = useState<TDocumentJobProgress | null>(
    active ?? initialJobs.find((j) => j.status === "SUCCEEDED") ?? null,
  );
  const [error, setError] = useState<TApiError | null>(null);
  const [pending, setPending] = useState(false);
  const running = job?.status === "QUEUED" || job?.status === "RUNNING";

  const poll = useCallback(async (jobId: string) => {
    const result = await callApi<TDocumentJobProgress>("GET", `/api/v1/pdf/jobs/${jobId}`);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setJob(result.data);
    return result.data.status === "QUEUED" || result.data.status === "RUNNING";
  }, []);

  useEffect(() => {
    if (!running || !job) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (!alive) return;
      if (await poll(job.id)) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, 200);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
    // Restart polling per job, not on every progress update (job changes with each poll).
  }, [running, job?.id, poll]);

  const start = async () => {
    setPending(true);
    setError(null);
    const body: Record<string, string> = { cycle: cycleId, scheme: schemeId };
    if (kind) body.kind = kind;
    if (confirmed) body.confirmed = "1";
    const result = await callApi<{ jobId: string; status: TDocumentJobProgress["status"] }>(
      "POST",
      "/api/v1/pdf/jobs",
      body,
    );
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setJob({
      id: result.data.jobId,
      status: result.data.status,
      phase: "作成待ち",
      done: 0,
      total: zoneCount + 1,
      fileName: null,
      fileSize: null,
      errorMessage: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
      expiresAt: null,
      downloadUrl: null,
    });
  };

  const percent = job
    ? job.status === "SUCCEEDED"
      ? 100
      : job.total > 0
        ? Math.min(99, Math.round((job.done / job.total) * 100))
        : 0
    : 0;
  return (
    <div className="space-y-4">
      <p className="text-sm text-gray-700">
        全{zoneCount}圏域の協議の場資料と全圏域の集計（計{zoneCount + 1}件の PDF）を作成し、1つの ZIP
        ファイルにまとめます。作成はサーバーで続くため、この画面を閉じてもかまいません。
      </p>
      <Button onClick={start} disabled={pending || running}>
        {running ? "作成中…" : pending ? "受付中…" : "全圏域を一括作成 (ZIP)"}
      </Button>
      {job && (
        <div className="space-y-2" data-testid="packet-batch">
          <p className="text-sm font-medium text-gray-800" aria-live="polite">
            {STATUS_LABELS[job.status]}
            {job.total > 0 && job.status !== "EXPIRED" ? `（${job.done} / ${job.total} 件）` : ""}
            <span className="ml-2 font-normal text-gray-500">{timeText(job.createdAt)} に開始</span>
          </p>
          {(running || job.status === "SUCCEEDED") && <ProgressBar label="一括作成の進み具合" percent={percent} />}
          {job.status === "SUCCEEDED" && job.downloadUrl && (
            <Notice tone="success" title="作成しました">
              <a
                href={job.downloadUrl}
                className="font-medium text-teal-800 underline"
                data-testid="packet-zip-download"
              >
                {job.fileName ?? "ZIP"} をダウンロード
              </a>
              <span className="ml-2 text-gray-600">{sizeText(job.fileSize)}</span>
              {job.expiresAt && (
                <p className="mt-1 text-xs text-gray-600">ファイルは {timeText(job.expiresAt)} まで保存されます。</p>
              )}
            </Notice>
          )}
          {job.status === "FAILED" && <Notice tone="error">{job.errorMessage ?? "作成できませんでした。"}</Notice>}
          {job.status === "EXPIRED" && (
            <Notice>保存期間を過ぎたため、前回のファイルは削除されました。もう一度作成してください。</Notice>
          )}
        </div>
      )}
      <ApiErrorNotice error={error} />
    </div>
  );
}
