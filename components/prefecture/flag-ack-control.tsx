"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ACK_LABEL, ACK_NOTE_MAX, type TAcknowledgeableFlagKind } from "@/lib/prefecture/review-flag-acks";
import { ApiErrorNotice } from "./api-error";
import { errorClass, inputClass } from "./form-styles";
import { useApiAction } from "./use-api-action";

/**
 * 確認済み（問題なし） of one outlier or 前年比大 item (docs/decisions/0020, "Acknowledged flags"):
 * the officer accepts it with an optional note, so the report no longer counts it as a flag; or,
 * once acknowledged, reads who/when/note and may undo it.
 */
export function FlagAckControl({
  submissionId,
  kind,
  itemKey,
  itemLabel,
  revision,
  acknowledged,
}: Readonly<{
  submissionId: string;
  kind: TAcknowledgeableFlagKind;
  itemKey: string;
  itemLabel: string;
  revision: number;
  /** The acknowledgement as text (acknowledgementText), or null while the item is a flag. */
  acknowledged: string | null;
}>) {
  const id = useId();
  const { run, pending, error } = useApiAction();
  const [note, setNote] = useState("");
  const noteError = error?.fieldErrors?.note?.[0];
  const body = { kind, itemKey, revision };
  const url = (action: string) => `/api/v1/prefecture/submissions/${submissionId}/${action}`;
  const testId = `flag-ack-${kind}-${itemKey}`;

  if (acknowledged)
    return (
      <div className="mt-1 space-y-1 text-xs" data-testid={testId} data-acknowledged="true">
        <p className="rounded bg-teal-50 px-2 py-1 text-teal-950 ring-1 ring-teal-300">{acknowledged}</p>
        <Button
          size="sm"
          variant="ghost"
          disabled={pending}
          aria-label={`「${itemLabel}」の${ACK_LABEL}を取り消す`}
          onClick={() => void run("POST", url("unacknowledge-flag"), body)}
        >
          {ACK_LABEL}を取り消す
        </Button>
        <ApiErrorNotice error={error} />
      </div>
    );

  return (
    <div className="mt-1 flex flex-wrap items-end gap-2 text-xs" data-testid={testId} data-acknowledged="false">
      <div className="min-w-48 flex-1">
        <label htmlFor={`${id}-note`} className="block text-xs text-gray-700">
          確認のメモ（任意・{ACK_NOTE_MAX}文字まで・回答者には表示されません）
        </label>
        <input
          id={`${id}-note`}
          value={note}
          maxLength={ACK_NOTE_MAX}
          onChange={(e) => setNote(e.target.value)}
          className={inputClass}
          aria-invalid={noteError ? "true" : undefined}
          aria-describedby={noteError ? `${id}-note-error` : undefined}
        />
        {noteError && (
          <p id={`${id}-note-error`} className={errorClass}>
            {noteError}
          </p>
        )}
      </div>
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={`「${itemLabel}」を${ACK_LABEL}にする`}
        onClick={() => void run("POST", url("acknowledge-flag"), { ...body, note })}
      >
        {ACK_LABEL}にする
      </Button>
      {error && !noteError && <ApiErrorNotice error={error} className="w-full" />}
    </div>
  );
}
