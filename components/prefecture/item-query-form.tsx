"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "./api-error";
import { errorClass, inputClass, labelClass } from "./form-styles";
import { useApiAction } from "./use-api-action";

type TItemChoice = { key: string; label: string };

/**
 * 照会: the officer picks the flagged items (checkboxes) and/or one other item, and writes the
 * question the respondent will read on its home and next to the item in the form.
 */
export function ItemQueryForm({
  submissionId,
  flagged,
  items,
}: Readonly<{ submissionId: string; flagged: TItemChoice[]; items: TItemChoice[] }>) {
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
      {done && <Notice tone="success">照会しました。回答者のホーム画面と入力画面に表示されます。</Notice>}
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
