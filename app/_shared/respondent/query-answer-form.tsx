"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/lib/http/client";
import type { TApiError } from "@/lib/http/types";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/** The respondent's answer to one 照会 (it may be sent again until the prefecture closes it). */
export function QueryAnswerForm({ queryId, previous }: Readonly<{ queryId: string; previous: string | null }>) {
  const id = useId();
  const router = useRouter();
  const [answer, setAnswer] = useState(previous ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TApiError | null>(null);
  const [sent, setSent] = useState(false);
  const fieldError = error?.fieldErrors?.answer?.[0];
  const send = async () => {
    setBusy(true);
    setError(null);
    setSent(false);
    const result = await callApi("POST", `/api/v1/respondent/queries/${queryId}/answer`, { answer });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setSent(true);
    router.refresh();
  };
  return (
    <div className="mt-2 space-y-2">
      <label htmlFor={`${id}-answer`} className="block text-sm font-medium text-gray-800">
        回答（都道府県に送られます）
      </label>
      <textarea
        id={`${id}-answer`}
        rows={3}
        maxLength={2000}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        className="block w-full rounded-md border-gray-300 text-sm shadow-sm focus:border-teal-600 focus:ring-teal-600"
        aria-invalid={fieldError ? "true" : undefined}
        aria-describedby={fieldError ? `${id}-error` : undefined}
      />
      {fieldError && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {fieldError}
        </p>
      )}
      <Button size="sm" onClick={() => void send()} disabled={busy}>
        {busy ? "送信中…" : previous ? "回答を送り直す" : "回答を送る"}
      </Button>
      {sent && <Notice tone="success">回答を送りました。</Notice>}
      {error && !fieldError && <Notice tone="error">{error.message}</Notice>}
    </div>
  );
}
