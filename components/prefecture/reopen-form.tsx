"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "./api-error";
import { errorClass, inputClass, labelClass } from "./form-styles";
import { useApiAction } from "./use-api-action";

/**
 * 期限後の入力許可: lets one respondent edit and submit until the end of a chosen day. Identified
 * by 医療機関コード (clinic report) or chosen from the hubs (self-assessment) — or fixed when shown
 * on a respondent's own page.
 */
export function ReopenForm({
  cycleId,
  respondentId,
  hubs,
  defaultUntil,
}: Readonly<{ cycleId: string; respondentId?: string; hubs?: { id: string; name: string }[]; defaultUntil: string }>) {
  const id = useId();
  const { run, pending, error } = useApiAction<{ reopenedUntil: string | null }>();
  const [done, setDone] = useState<string | null>(null);
  const fieldError = (field: string) => error?.fieldErrors?.[field]?.[0];
  return (
    <form
      className="grid gap-3 md:grid-cols-[1fr_1fr_auto] md:items-end"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(null);
        const data = new FormData(event.currentTarget);
        const who = respondentId
          ? { respondentId }
          : hubs
            ? { respondentId: String(data.get("hub") ?? "") }
            : { code: String(data.get("code") ?? "") };
        const result = await run("POST", `/api/v1/prefecture/cycles/${cycleId}/reopen`, {
          ...who,
          until: String(data.get("until") ?? ""),
        });
        if (result)
          setDone(
            result.reopenedUntil ? "入力を許可しました。回答者の画面に期限が表示されます。" : "許可を取り消しました。",
          );
      }}
    >
      {!respondentId &&
        (hubs ? (
          <div>
            <label htmlFor={`${id}-hub`} className={labelClass}>
              拠点
            </label>
            <select id={`${id}-hub`} name="hub" className={inputClass}>
              {hubs.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div>
            <label htmlFor={`${id}-code`} className={labelClass}>
              医療機関コード
            </label>
            <input
              id={`${id}-code`}
              name="code"
              inputMode="numeric"
              className={inputClass}
              aria-invalid={fieldError("code") || error?.code === "NOT_FOUND" ? "true" : undefined}
              aria-describedby={fieldError("code") ? `${id}-code-error` : undefined}
            />
            {fieldError("code") && (
              <p id={`${id}-code-error`} className={errorClass}>
                {fieldError("code")}
              </p>
            )}
          </div>
        ))}
      <div>
        <label htmlFor={`${id}-until`} className={labelClass}>
          入力できる最終日
        </label>
        <input
          id={`${id}-until`}
          name="until"
          type="date"
          defaultValue={defaultUntil}
          className={inputClass}
          aria-invalid={fieldError("until") ? "true" : undefined}
          aria-describedby={`${id}-until-hint${fieldError("until") ? ` ${id}-until-error` : ""}`}
        />
        <p id={`${id}-until-hint`} className="mt-1 text-xs text-gray-500">
          その日の 23時59分まで。空欄で保存すると許可を取り消します。
        </p>
        {fieldError("until") && (
          <p id={`${id}-until-error`} className={errorClass}>
            {fieldError("until")}
          </p>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "保存中…" : "入力を許可する"}
      </Button>
      <div className="md:col-span-3">
        {done && <Notice tone="success">{done}</Notice>}
        {error && !error.fieldErrors && <ApiErrorNotice error={error} />}
      </div>
    </form>
  );
}
