"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "./api-error";
import { errorClass, inputClass, labelClass } from "./form-styles";
import { useApiAction } from "./use-api-action";

/** 公表日 and licence; saving schedules the publication on that day (the queue runs it). */
export function PublicationSettingForm({
  cycleId,
  publishOn,
  licence,
  licences,
}: Readonly<{
  cycleId: string;
  publishOn: string;
  licence: string;
  licences: readonly { key: string; name: string }[];
}>) {
  const id = useId();
  const { run, pending, error } = useApiAction();
  const [done, setDone] = useState(false);
  const fieldError = (field: string) => error?.fieldErrors?.[field]?.[0];
  return (
    <form
      className="grid gap-3 md:grid-cols-[12rem_1fr_auto] md:items-end"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(false);
        const data = new FormData(event.currentTarget);
        const result = await run("PUT", `/api/v1/prefecture/cycles/${cycleId}/publication`, {
          publishOn: String(data.get("publishOn") ?? ""),
          licence: String(data.get("licence") ?? ""),
        });
        if (result) setDone(true);
      }}
    >
      <div>
        <label htmlFor={`${id}-date`} className={labelClass}>
          公表日
        </label>
        <input
          id={`${id}-date`}
          type="date"
          name="publishOn"
          defaultValue={publishOn}
          className={inputClass}
          aria-invalid={fieldError("publishOn") ? "true" : undefined}
          aria-describedby={fieldError("publishOn") ? `${id}-date-error` : undefined}
        />
        {fieldError("publishOn") && (
          <p id={`${id}-date-error`} className={errorClass}>
            {fieldError("publishOn")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={`${id}-licence`} className={labelClass}>
          オープンデータのライセンス
        </label>
        <select id={`${id}-licence`} name="licence" defaultValue={licence} className={inputClass}>
          {licences.map((l) => (
            <option key={l.key} value={l.key}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "保存中…" : "公表日を設定"}
      </Button>
      <div className="md:col-span-3">
        <ApiErrorNotice error={error} />
        {done && <Notice tone="success">保存しました。公表日になると自動で公表します。</Notice>}
      </div>
    </form>
  );
}

/** A write that needs a reason (公表保留, 取り下げ): the reason is kept and audited. */
export function ReasonActionForm({
  url,
  body,
  label,
  submitLabel,
  confirm,
  variant = "secondary",
}: Readonly<{
  url: string;
  body?: Record<string, string>;
  label: string;
  submitLabel: string;
  confirm?: string;
  variant?: "secondary" | "danger";
}>) {
  const id = useId();
  const { run, pending, error } = useApiAction();
  const fieldError = error?.fieldErrors?.reason?.[0];
  return (
    <form
      className="space-y-2"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const data = new FormData(event.currentTarget);
        await run("POST", url, { ...body, reason: String(data.get("reason") ?? "") });
      }}
    >
      <label htmlFor={`${id}-reason`} className={labelClass}>
        {label}
      </label>
      <textarea
        id={`${id}-reason`}
        name="reason"
        rows={2}
        maxLength={500}
        className={inputClass}
        aria-invalid={fieldError ? "true" : undefined}
        aria-describedby={fieldError ? `${id}-reason-error` : undefined}
      />
      {fieldError && (
        <p id={`${id}-reason-error`} className={errorClass}>
          {fieldError}
        </p>
      )}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "処理中…" : submitLabel}
      </Button>
      {!fieldError && <ApiErrorNotice error={error} />}
    </form>
  );
}
