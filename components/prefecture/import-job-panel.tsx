"use client";
import { useCallback, useEffect, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { callApi } from "@/lib/http/client";
import type { TApiError } from "@/lib/http/types";
import {
  formatOutcome,
  IMPORT_STATUS_LABELS,
  type TImportJobStatus,
  type TImportKind,
  type TImportProgress,
} from "@/lib/prefecture/import-preview";
import { ApiErrorNotice } from "./api-error";
import { ProgressBar } from "@/components/ui/progress-bar";

const POLL_MS = 700;

/**
 * Applies a previewed import and follows it: the apply runs on the server after the request has
 * returned, and this polls its progress until it has succeeded or failed.
 */
export function ImportJobPanel({
  jobId,
  kind,
  status: initialStatus,
  canApply,
  missingCount,
  conflictCount,
  partial,
}: Readonly<{
  jobId: string;
  kind: TImportKind;
  status: TImportJobStatus;
  canApply: boolean;
  missingCount: number;
  conflictCount: number;
  /** The file has row errors only: the officer may import its valid rows and leave the others out. */
  partial: { validRows: number; rejectedRows: number } | null;
}>) {
  const router = useRouter();
  const id = useId();
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [overwriteWeb, setOverwriteWeb] = useState(false);
  const [progress, setProgress] = useState<TImportProgress | null>(null);
  const [error, setError] = useState<TApiError | null>(null);
  const [pending, setPending] = useState(false);
  const running =
    initialStatus === "QUEUED" ||
    initialStatus === "RUNNING" ||
    progress?.status === "QUEUED" ||
    progress?.status === "RUNNING";

  const poll = useCallback(async () => {
    const result = await callApi<TImportProgress>("GET", `/api/v1/prefecture/imports/${jobId}`);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setProgress(result.data);
    if (result.data.status === "SUCCEEDED" || result.data.status === "FAILED") {
      router.refresh();
      return false;
    }
    return true;
  }, [jobId, router]);

  useEffect(() => {
    if (!running) return;
    let active = true;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (!active) return;
      if (await poll()) timer = setTimeout(tick, POLL_MS);
    };
    timer = setTimeout(tick, 100);
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [running, poll]);

  const apply = async () => {
    setPending(true);
    setError(null);
    const result = await callApi<{ status: TImportJobStatus }>("POST", `/api/v1/prefecture/imports/${jobId}/apply`, {
      deactivateMissing: partial ? false : deactivateMissing,
      overwriteWeb,
      validRowsOnly: partial !== null,
    });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setProgress({ status: result.data.status, phase: "反映待ち", done: 0, total: 0, result: null, errorMessage: null });
  };

  const discard = async () => {
    setPending(true);
    const result = await callApi("POST", `/api/v1/prefecture/imports/${jobId}/discard`, {});
    setPending(false);
    if (!result.ok) setError(result.error);
    else router.refresh();
  };

  if (running || (progress && progress.status !== "PREVIEWED")) {
    const done = progress?.done ?? 0;
    const total = progress?.total ?? 0;
    const percent =
      progress?.status === "SUCCEEDED" ? 100 : total > 0 ? Math.min(99, Math.round((done / total) * 100)) : 0;
    return (
      <div className="space-y-3" data-testid="import-progress">
        <p className="text-sm font-medium text-gray-800">
          {IMPORT_STATUS_LABELS[progress?.status ?? initialStatus]}
          {progress?.phase
            ? `（${progress.phase}${total > 0 ? ` ${done.toLocaleString("ja-JP")} / ${total.toLocaleString("ja-JP")}` : ""}）`
            : ""}
        </p>
        <ProgressBar label="取込の進み具合" percent={percent} />
        <p className="text-xs text-gray-500">
          この画面を閉じても処理は続きます。反映はすべての行が書き込めたときだけ確定します。
        </p>
        {progress?.status === "SUCCEEDED" && progress.result && (
          <Notice tone="success">反映しました: {formatOutcome(progress.result)}</Notice>
        )}
        {progress?.status === "FAILED" && <Notice tone="error">{progress.errorMessage}</Notice>}
        <ApiErrorNotice error={error} />
      </div>
    );
  }

  if (!canApply) return null;
  return (
    <div className="space-y-4">
      {partial && (
        <Notice tone="warning" title="誤りのある行を除いて取り込むこともできます">
          誤りのある {partial.rejectedRows.toLocaleString("ja-JP")}行を除き、正しい{" "}
          {partial.validRows.toLocaleString("ja-JP")}
          行だけを取り込めます。取り込まない行は、理由をつけたファイルでダウンロードし、直してからもう一度読み込んでください。{" "}
          <a className="text-teal-800 underline" href={`/api/v1/prefecture/imports/${jobId}/rejected`} download>
            取り込まない行をダウンロード（理由つき）
          </a>
        </Notice>
      )}
      {kind === "ROSTER" && missingCount > 0 && !partial && (
        <div className="flex items-start gap-2">
          <input
            id={`${id}-deactivate`}
            type="checkbox"
            className="mt-1 rounded border-gray-300 text-teal-700"
            checked={deactivateMissing}
            onChange={(e) => setDeactivateMissing(e.target.checked)}
            aria-describedby={`${id}-deactivate-hint`}
          />
          <div>
            <label htmlFor={`${id}-deactivate`} className="text-sm font-medium text-gray-800">
              ファイルにない医療機関 {missingCount.toLocaleString("ja-JP")}件を無効にする
            </label>
            <p id={`${id}-deactivate-hint`} className="text-xs text-gray-600">
              廃止・休止などで名簿から外す場合に選びます。無効にした医療機関は報告の対象から外れます（すでに提出された報告は、その年度の集計に残ります）。選ばなければ変更しません。
            </p>
          </div>
        </div>
      )}
      {kind === "PAPER" && conflictCount > 0 && (
        <div className="flex items-start gap-2">
          <input
            id={`${id}-overwrite`}
            type="checkbox"
            className="mt-1 rounded border-gray-300 text-teal-700"
            checked={overwriteWeb}
            onChange={(e) => setOverwriteWeb(e.target.checked)}
            aria-describedby={`${id}-overwrite-hint`}
          />
          <div>
            <label htmlFor={`${id}-overwrite`} className="text-sm font-medium text-gray-800">
              Web で報告済みの {conflictCount.toLocaleString("ja-JP")}件も紙の内容で上書きする
            </label>
            <p id={`${id}-overwrite-hint`} className="text-xs text-gray-600">
              紙の内容が新しい版として提出されます。Web で提出された版は履歴に残ります。選ばない場合は反映できません。
            </p>
          </div>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button onClick={apply} disabled={pending || (kind === "PAPER" && conflictCount > 0 && !overwriteWeb)}>
          {pending
            ? "処理中…"
            : partial
              ? `正しい行だけ取り込む（${partial.validRows.toLocaleString("ja-JP")}行）`
              : "この内容で反映する"}
        </Button>
        <Button variant="secondary" onClick={discard} disabled={pending}>
          取り消す
        </Button>
      </div>
      <ApiErrorNotice error={error} />
    </div>
  );
}
