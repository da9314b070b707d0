"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "./api-error";
import { errorClass, inputClass, labelClass } from "./form-styles";
import { useApiAction } from "./use-api-action";

type TItemChoice = { key: string; label: string };

/** What the officer reads before asking: when the respondent can correct the report in answer. */
export function queryCorrectionHint(respondentCanCorrect: boolean): string {
  return respondentCanCorrect
    ? "回答者は回答欄で答え、必要なら報告を修正（提出済みなら修正・変更報告）して提出します。提出期限を過ぎると、報告を修正できるのは「期限後の入力許可」で入力を再開したときだけです。"
    : "提出期限を過ぎているため、回答者はいま報告を修正できません（回答欄で答えることはできます）。回答のとおり報告を直してもらう場合は、「期限後の入力許可」で入力を再開してください。";
}

/**
 * 照会: the officer picks the flagged items (checkboxes) and/or one other item, and writes the
 * question the respondent will read on its home and next to the item in the form (and in the
 * 照会のお知らせ mail). `respondentCanCorrect`: whether the respondent's input window is open now
 * (after the deadline only a reopening lets it correct the report).
 */
export function ItemQueryForm({
  submissionId,
  flagged,
  items,
  respondentCanCorrect = true,
  mailConfigured = false,
}: Readonly<{
  submissionId: string;
  flagged: TItemChoice[];
  items: TItemChoice[];
  respondentCanCorrect?: boolean;
  /** With a mail server the respondent's accounts are also mailed (照会のお知らせ). */
  mailConfigured?: boolean;
}>) {
  const id = useId();
  const { run, pending, error } = useApiAction<{ id: string }>();
  const [checked, setChecked] = useState<string[]>([]);
  const [other, setOther] = useState("");
  const [message, setMessage] = useState("");
  const [done, setDone] = useState(false);
  const messageError = error?.fieldErrors?.message?.[0];
  const itemsError = error?.fieldErrors?.itemKeys?.[0];
  const submit = async () => {
    setDone(false);
    const itemKeys = [...new Set([...checked, ...(other ? [other] : [])])];
    const result = await run("POST", `/api/v1/prefecture/submissions/${submissionId}/queries`, { itemKeys, message });
    if (result) {
      setChecked([]);
      setOther("");
      setMessage("");
      setDone(true);
    }
  };
  return (
    <div className="space-y-3" data-testid="item-query-form">
      <p
        className={`text-sm ${respondentCanCorrect ? "text-gray-700" : "rounded bg-amber-50 px-2 py-1 text-amber-900 ring-1 ring-amber-300"}`}
        data-testid="query-correction-hint"
      >
        {queryCorrectionHint(respondentCanCorrect)}
      </p>
      {flagged.length > 0 && (
        <fieldset>
          <legend className={labelClass}>外れ値の項目</legend>
          <div className="mt-1 space-y-1">
            {flagged.map((item) => (
              <label key={item.key} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5 rounded border-gray-400 text-teal-700"
                  checked={checked.includes(item.key)}
                  onChange={(e) =>
                    setChecked((list) => (e.target.checked ? [...list, item.key] : list.filter((k) => k !== item.key)))
                  }
                />
                <span>{item.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <div>
        <label htmlFor={`${id}-item`} className={labelClass}>
          {flagged.length > 0 ? "ほかの項目（任意）" : "照会する項目"}
        </label>
        <select
          id={`${id}-item`}
          className={inputClass}
          value={other}
          onChange={(e) => setOther(e.target.value)}
          aria-invalid={itemsError ? "true" : undefined}
          aria-describedby={itemsError ? `${id}-items-error` : undefined}
        >
          <option value="">（選択してください）</option>
          {items.map((item) => (
            <option key={item.key} value={item.key}>
              {item.label}
            </option>
          ))}
        </select>
        {itemsError && (
          <p id={`${id}-items-error`} className={errorClass}>
            {itemsError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-message`} className={labelClass}>
          照会の内容（回答者に表示されます）
        </label>
        <textarea
          id={`${id}-message`}
          rows={3}
          maxLength={2000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          className={inputClass}
          aria-invalid={messageError ? "true" : undefined}
          aria-describedby={messageError ? `${id}-message-error` : undefined}
        />
        {messageError && (
          <p id={`${id}-message-error`} className={errorClass}>
            {messageError}
          </p>
        )}
      </div>
      <Button onClick={() => void submit()} disabled={pending}>
        {pending ? "送信中…" : "照会する"}
      </Button>
      {done && (
        <Notice tone="success">
          照会しました。回答者のホーム画面と入力画面に表示されます
          {mailConfigured ? "（回答者のアカウントにはメールでもお知らせします）" : ""}。
        </Notice>
      )}
      {error && !messageError && !itemsError && <ApiErrorNotice error={error} />}
    </div>
  );
}

/** 完了にする: closes a query, with an optional note for the record. */
export function CloseQueryButton({ queryId, answered }: Readonly<{ queryId: string; answered: boolean }>) {
  const id = useId();
  const { run, pending, error } = useApiAction();
  const [note, setNote] = useState("");
  return (
    <div className="mt-2 space-y-2">
      <div>
        <label htmlFor={`${id}-note`} className="block text-xs text-gray-700">
          完了のメモ（任意・回答者にも表示されます）
        </label>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} className={inputClass} />
      </div>
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        onClick={() => {
          if (answered || window.confirm("回答を待たずに照会を完了します。よろしいですか？"))
            void run("POST", `/api/v1/prefecture/queries/${queryId}/close`, { note });
        }}
      >
        照会を完了にする
      </Button>
      <ApiErrorNotice error={error} />
    </div>
  );
}
