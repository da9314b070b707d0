"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { MAX_UPLOAD_BYTES, type TImportKind } from "@/lib/prefecture/import-preview";
import type { TApiError } from "@/lib/http/types";
import { errorClass, labelClass } from "./form-styles";

/**
 * Picks a CSV or .xlsx file and sends it to be checked; the preview page then shows what would
 * change. Nothing is written by this step.
 */
export function FileImportForm({
  kind,
  cycleId,
  label,
  hint,
}: Readonly<{ kind: TImportKind; cycleId?: string; label: string; hint?: string }>) {
  const router = useRouter();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!file) {
      setError("ファイルを選んでください。");
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setError(
        `ファイルのサイズ（${(file.size / 1024 / 1024).toFixed(1)} MB）が上限（20 MB）を超えています。ファイルを分割するか、不要な列やシートを削除してから読み込んでください。`,
      );
      return;
    }
    setPending(true);
    const query = new URLSearchParams({ kind, ...(cycleId ? { cycleId } : {}) });
    try {
      const response = await fetch(`/api/v1/prefecture/imports?${query}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(file.name) },
        body: file,
        credentials: "same-origin",
      });
      const payload = (await response.json().catch(() => null)) as { jobId?: string; error?: TApiError } | null;
      if (!response.ok || !payload?.jobId) {
        setError(payload?.error?.message ?? `読み込めませんでした（HTTP ${response.status}）。`);
        setPending(false);
        return;
      }
      router.push(`/prefecture/imports/${payload.jobId}`);
    } catch {
      setError("サーバーに接続できませんでした。ネットワークを確認してください。");
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <div>
        <label htmlFor={`${id}-file`} className={labelClass}>
          {label}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-teal-50 file:px-3 file:py-2 file:text-teal-900 hover:file:bg-teal-100"
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? "true" : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-gray-500">
          {hint ?? "CSV（UTF-8・Shift_JIS）または Excel（.xlsx）、20 MB まで。"}
          読み込むと、反映する前に変更内容を確認できます。
        </p>
        {error && (
          <p id={`${id}-error`} className={errorClass} role="alert">
            {error}
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "確認しています…" : "ファイルを確認する"}
      </Button>
      {pending && <Notice>ファイルを確認しています。大きなファイルは数秒かかります。</Notice>}
    </form>
  );
}
