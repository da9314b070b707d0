"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { ApiErrorNotice } from "../api-error";
import { errorClass, inputClass, labelClass } from "../form-styles";
import { useApiAction } from "../use-api-action";

type TField = { name: string; label: string; hint?: string; value: string; multiline?: boolean };

/** A small settings form posting its fields as JSON (the mail settings, the reminder schedule). */
export function TextSettingsForm({
  url,
  fields,
  submitLabel,
  doneMessage,
}: Readonly<{ url: string; fields: TField[]; submitLabel: string; doneMessage: string }>) {
  const id = useId();
  const { run, pending, error } = useApiAction();
  const [done, setDone] = useState(false);
  const fieldError = (name: string) => error?.fieldErrors?.[name]?.[0];
  return (
    <form
      className="space-y-3"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        setDone(false);
        const data = new FormData(event.currentTarget);
        const body = Object.fromEntries(fields.map((f) => [f.name, String(data.get(f.name) ?? "")]));
        if (await run("POST", url, body)) setDone(true);
      }}
    >
      {fields.map((f) => {
        const described = [f.hint ? `${id}-${f.name}-hint` : "", fieldError(f.name) ? `${id}-${f.name}-error` : ""]
          .filter(Boolean)
          .join(" ");
        const common = {
          id: `${id}-${f.name}`,
          name: f.name,
          defaultValue: f.value,
          className: inputClass,
          "aria-invalid": fieldError(f.name) ? ("true" as const) : undefined,
          "aria-describedby": described || undefined,
        };
        return (
          <div key={f.name}>
            <label htmlFor={`${id}-${f.name}`} className={labelClass}>
              {f.label}
            </label>
            {f.multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
            {f.hint && (
              <p id={`${id}-${f.name}-hint`} className="mt-1 text-xs text-gray-600">
                {f.hint}
              </p>
            )}
            {fieldError(f.name) && (
              <p id={`${id}-${f.name}-error`} className={errorClass}>
                {fieldError(f.name)}
              </p>
            )}
          </div>
        );
      })}
      <Button type="submit" disabled={pending}>
        {pending ? "保存中…" : submitLabel}
      </Button>
      {done && <Notice tone="success">{doneMessage}</Notice>}
      {error && !error.fieldErrors && <ApiErrorNotice error={error} />}
    </form>
  );
}
