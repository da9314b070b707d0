"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiErrorNotice } from "./api-error";
import { errorClass, inputClass, labelClass } from "./form-styles";
import { useApiAction } from "./use-api-action";

/**
 * 確認済み / 差戻し for one report. Both name the revision on screen, so a report re-submitted
 * meanwhile is refused rather than confirmed unseen. The comment is shown to the respondent.
 */
export function ReviewActions({
  submissionId,
  revision,
  canConfirm,
  canReturn,
}: Readonly<{ submissionId: string; revision: number; canConfirm: boolean; canReturn: boolean }>) {
  const id = useId();
  const { run, pending, error } = useApiAction();
  const [comment, setComment] = useState("");
  const commentError = error?.fieldErrors?.comment?.[0];
  const act = (action: "confirm" | "return") =>
    run("POST", `/api/v1/prefecture/submissions/${submissionId}/${action}`, { revision, comment });
  if (!canConfirm && !canReturn) return null;
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={`${id}-comment`} className={labelClass}>
          回答者へのコメント（差戻しの場合は必須）
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          className={inputClass}
          maxLength={2000}
          aria-invalid={commentError ? "true" : undefined}
          aria-describedby={`${id}-comment-hint${commentError ? ` ${id}-comment-error` : ""}`}
        />
        <p id={`${id}-comment-hint`} className="mt-1 text-xs text-gray-500">
          回答者のホーム画面に表示されます。差戻しでは、どの項目をどう直してほしいかを書いてください。
        </p>
        {commentError && (
          <p id={`${id}-comment-error`} className={errorClass}>
            {commentError}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        {canConfirm && (
          <Button onClick={() => act("confirm")} disabled={pending}>
            確認済みにする
          </Button>
        )}
        {canReturn && (
          <Button
            variant="danger"
            disabled={pending}
            onClick={() => {
              if (
                window.confirm("この報告を差し戻します。回答者はコメントを見て修正し、再提出します。よろしいですか？")
              )
                void act("return");
            }}
          >
            差し戻す
          </Button>
        )}
      </div>
      {error && !commentError && <ApiErrorNotice error={error} />}
    </div>
  );
}
