"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "./api-error";
import { errorClass, inputClass, labelClass } from "./form-styles";
import { useApiAction } from "./use-api-action";

/** 電話・担当者メール of one institution. */
export function ContactForm({
  institutionId,
  phone,
  contactEmail,
}: Readonly<{ institutionId: string; phone: string | null; contactEmail: string | null }>) {
  const id = useId();
  const { run, pending, error } = useApiAction();
  const [saved, setSaved] = useState(false);
  const fieldError = (field: string) => error?.fieldErrors?.[field]?.[0];
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setSaved(false);
        const data = new FormData(event.currentTarget);
        const result = await run("PUT", `/api/v1/prefecture/institutions/${institutionId}/contact`, {
          phone: String(data.get("phone") ?? ""),
          contactEmail: String(data.get("contactEmail") ?? ""),
        });
        if (result) setSaved(true);
      }}
    >
      {(["phone", "contactEmail"] as const).map((field) => (
        <div key={field}>
          <label htmlFor={`${id}-${field}`} className={labelClass}>
            {field === "phone" ? "電話" : "担当者メール"}
          </label>
          <input
            id={`${id}-${field}`}
            name={field}
            type={field === "phone" ? "tel" : "email"}
            defaultValue={(field === "phone" ? phone : contactEmail) ?? ""}
            className={inputClass}
            aria-invalid={fieldError(field) ? "true" : undefined}
            aria-describedby={fieldError(field) ? `${id}-${field}-error` : undefined}
          />
          {fieldError(field) && (
            <p id={`${id}-${field}-error`} className={errorClass}>
              {fieldError(field)}
            </p>
          )}
        </div>
      ))}
      <Button type="submit" disabled={pending}>
        {pending ? "保存中…" : "連絡先を保存"}
      </Button>
      {saved && <Notice tone="success">保存しました。</Notice>}
      {error && !error.fieldErrors && <ApiErrorNotice error={error} />}
    </form>
  );
}
