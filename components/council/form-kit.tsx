"use client";
import type { ReactNode } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { callApi } from "@/lib/http/client";
import type { TApiError } from "@/lib/http/types";
import { errorClass, inputClass, labelClass } from "@/components/prefecture/form-styles";

export { errorClass, inputClass, labelClass };

/** A labelled control with its Japanese error, linked for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: Readonly<{ id: string; label: string; error?: string; hint?: string; children: ReactNode }>) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-gray-600">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className={errorClass}>
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes of a control with an optional error. */
export const aria = (id: string, error?: string) => ({
  id,
  "aria-invalid": error ? ("true" as const) : undefined,
  "aria-describedby": error ? `${id}-error` : undefined,
});

/**
 * Sends a form's values; the server's field errors go back onto the fields (the values stay as
 * typed), any other error is returned for a notice. Resolves to the data on success.
 */
export async function submitForm<T extends FieldValues, R>(
  method: "POST" | "PUT",
  url: string,
  values: T,
  setError: UseFormSetError<T>,
): Promise<{ ok: true; data: R } | { ok: false; error: TApiError }> {
  const result = await callApi<R>(method, url, values);
  if (result.ok) return { ok: true, data: result.data };
  for (const [field, messages] of Object.entries(result.error.fieldErrors ?? {}))
    setError(field as Path<T>, { type: "server", message: messages[0] });
  return { ok: false, error: result.error };
}
